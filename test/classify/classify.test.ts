import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CATEGORIES,
  CATEGORY_IDS,
  classifyItem,
  classifyProgramme,
  classifyText,
  effectiveCategory,
  latestOverrides,
  normalizeText,
  RULES,
} from "../../src/domain/classify/index.js";
import { emptyProgramme, type Item } from "../../src/domain/model.js";

function item(title: string, children: Item[] = []): Item {
  return {
    id: "",
    number: "",
    title,
    executors: [],
    deadline: null,
    deadlineText: "",
    funding: [],
    expectedResult: "",
    children,
    line: 0,
  };
}

describe("normalizeText", () => {
  it("unifies apostrophes, lowers case, removes hyphenation inside Cyrillic words and markup", () => {
    expect(normalizeText("Комп’ютерної")).toBe("комп'ютерної");
    expect(normalizeText("обʼєктів `x`")).toBe("об'єктів 'x'");
    expect(normalizeText("обслу-говування  інформаційно- комунікаційних")).toBe(
      "обслуговування інформаційнокомунікаційних",
    );
    expect(normalizeText("<p>Wi-Fi зони</p>")).toBe("wi-fi зони");
    expect(normalizeText("2022–2027 роки")).toBe("2022–2027 роки");
  });
});

describe("classifyText", () => {
  it("reports the rule, stem and matched text that decided the category", () => {
    const result = classifyText({ title: "Закупівля комп’ютерного обладнання" });
    expect(result.category).toBe("equipment");
    expect(result.firedRules.map((rule) => rule.ruleId).sort()).toEqual([
      "equipment.computers",
      "equipment.generic",
    ]);
    expect(result.firedRules.find((rule) => rule.ruleId === "equipment.computers")).toMatchObject({
      stem: "комп'ютер",
      matchedText: "комп'ютер",
      where: "title",
    });
    expect(result.score).toBe(3);
  });

  it("matches stems across hyphenation artifacts of the source documents", () => {
    expect(classifyText({ title: "підключення до СЕВ ОВВ" }).category).toBe("edms");
    expect(classifyText({ title: "оприлюднення у відкритих машино-читаних форматах" }).category).toBe(
      "opendata",
    );
    expect(classifyText({ title: "впровадження е-петицій" }).category).toBe("edemocracy");
  });

  it("does not fire short stems inside longer words", () => {
    expect(classifyText({ title: "наседлати коня" }).category).toBe("other");
    expect(classifyText({ title: "державна реєстрація" }).firedRules).toEqual([]);
    expect(classifyText({ title: "Оновлення ліцензій" })).toMatchObject({
      category: "licences",
      alternatives: [],
    });
  });

  it("returns other with score 0 and no rules when nothing matches", () => {
    expect(classifyText({ title: "Дорожня карта ветерана" }).category).toBe("social");
    expect(classifyText({ title: "встановлення сонячних панелей" })).toEqual({
      category: "other",
      score: 0,
      firedRules: [],
      alternatives: [],
    });
  });

  it("breaks ties by the documented priority and lists the runner-up as an alternative", () => {
    // "кадастр" (gis, 3) against "документообіг" (edms, 3): edms comes first in CATEGORY_IDS.
    const result = classifyText({ title: "кадастр і документообіг" });
    expect(result.category).toBe("edms");
    expect(result.alternatives).toEqual([{ category: "gis", score: 3 }]);
  });

  it("halves matches past the title's head clause, where beneficiaries are named", () => {
    const result = classifyText({ title: "Придбання ноутбуків для закладів культури" });
    expect(result.category).toBe("equipment");
    expect(result.alternatives).toEqual([{ category: "social", score: 1 }]);
  });

  it("lets the title outweigh the task, and the task outweigh the direction", () => {
    const withTask = classifyText({ title: "придбання камер", task: "розвиток СЕД" });
    expect(withTask.category).toBe("video");
    const taskOnly = classifyText({
      title: "придбання модулів",
      task: "розвиток СЕД",
      direction: "Цифрова грамотність",
    });
    expect(taskOnly.category).toBe("edms");
    expect(taskOnly.firedRules[0]?.where).toBe("task");
    expect(taskOnly.alternatives[0]?.category).toBe("literacy");
  });
});

describe("classifyItem and classifyProgramme", () => {
  it("classifies leaves with their task as context and a task without projects by its own title", () => {
    const programme = emptyProgramme();
    programme.directions = [
      {
        number: "1",
        title: "Розбудова інфраструктури",
        items: [
          item("розвиток системи електронного документообігу", [item("придбання модулів")]),
          item("Wi-Fi зони"),
        ],
        declaredTotals: [],
        line: 0,
      },
    ];
    programme.directions[0]?.items.forEach((top, index) => {
      top.id = `d1.${index + 1}`;
      top.children.forEach((child, childIndex) => {
        child.id = `${top.id}.${childIndex + 1}`;
      });
    });
    const result = classifyProgramme(programme);
    expect([...result.keys()]).toEqual(["d1.1.1", "d1.2"]);
    expect(result.get("d1.1.1")?.category).toBe("edms");
    expect(result.get("d1.2")?.category).toBe("equipment");
    expect(classifyItem(item("Wi-Fi зони")).category).toBe("equipment");
  });
});

describe("categories and rules", () => {
  it("describes every category in Ukrainian and English", () => {
    expect(CATEGORIES.map((category) => category.id)).toEqual([...CATEGORY_IDS]);
    for (const category of CATEGORIES) {
      expect(category.labelUk).not.toBe("");
      expect(category.labelEn).not.toBe("");
      expect(category.description).not.toBe("");
    }
  });

  it("are all documented in docs/classification.md", () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/classification.md"), "utf8");
    for (const rule of RULES) expect(doc, rule.id).toContain(`\`${rule.id}\``);
    for (const id of CATEGORY_IDS) expect(doc, id).toMatch(new RegExp(`\\|\\s*\`${id}\`\\s*\\|`));
  });

  it("marks word boundaries only at a stem's ends (a '^' inside an alternation would mean text start)", () => {
    for (const stem of RULES.flatMap((rule) => rule.stems)) expect(stem).not.toMatch(/\|\^|\$\||.\^/);
  });

  it("has unique rule ids and a rule for every category except other", () => {
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
    const covered = new Set(RULES.map((rule) => rule.category));
    expect(CATEGORY_IDS.filter((id) => !covered.has(id as never))).toEqual(["other"]);
  });
});

describe("overrides", () => {
  const auto = classifyText({ title: "Wi-Fi зони" });

  it("lets a staff label win over the automatic one", () => {
    expect(effectiveCategory(auto)).toEqual({ category: "equipment", source: "auto" });
    const override = {
      itemId: "d1.1",
      category: "smartcity" as const,
      by: "olena",
      at: "2026-01-01T10:00:00Z",
    };
    expect(effectiveCategory(auto, override)).toEqual({ category: "smartcity", source: "override" });
    expect(effectiveCategory("gis")).toEqual({ category: "gis", source: "auto" });
  });

  it("keeps the latest override per item", () => {
    const latest = latestOverrides([
      { itemId: "a", category: "gis", by: "x", at: "2026-01-02T00:00:00Z" },
      { itemId: "a", category: "edms", by: "y", at: "2026-01-01T00:00:00Z" },
      { itemId: "b", category: "video", by: "x", at: "2026-01-01T00:00:00Z" },
    ]);
    expect(latest.get("a")?.category).toBe("gis");
    expect(latest.get("b")?.category).toBe("video");
  });
});
