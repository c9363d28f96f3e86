import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allItems } from "../../src/domain/model.js";
import { importText } from "../../src/import/index.js";

const PAGED = path.resolve(process.cwd(), "../shared/fixtures/layouts/paged-model-table.txt");

/** The paged layout file with some of its lines changed. */
function changed(lines: Record<number, [string, string]>): string {
  const text = readFileSync(PAGED, "utf8").split("\n");
  for (const [line, [from, to]] of Object.entries(lines)) {
    const at = Number(line) - 1;
    expect(text[at]).toContain(from);
    text[at] = (text[at] ?? "").replaceAll(from, to);
  }
  return text.join("\n");
}

const suspects = (text: string) =>
  importText(text)
    .findings.filter((finding) => finding.code === "amount.unit-suspect")
    .map((finding) => [finding.location.ref, finding.location.line, finding.severity]);

describe("amount.unit-suspect for one row", () => {
  it("flags a project's source row printed as whole UAH with kopecks among thousands, not the programme", () => {
    // Project 3.1's source row: 25 000,00 (UAH) where 250,000 (thousand UAH) was printed.
    const text = changed({ 59: ["250,000", "25 000,00"] });
    expect(suspects(text)).toEqual([["item:d3.1", 59, "error"]]);
  });

  it("leaves a row of 100 000,0 thousand UAH and more to the validator's own check, once", () => {
    const text = changed({ 58: ["250,000", "250 000,00"], 59: ["250,000", "250 000,00"] });
    expect(suspects(text)).toEqual([["item:d3.1", 59, "error"]]);
  });

  it("stays silent on the file as published", () => {
    expect(suspects(readFileSync(PAGED, "utf8"))).toEqual([]);
  });
});

describe("a task table headed in million UAH", () => {
  const headed = () => {
    const line = readFileSync(PAGED, "utf8")
      .split("\n")
      .findIndex((text) => text.includes("Обсяги фінансування, тис. грн"));
    return { line: line + 1, text: changed({ [line + 1]: ["тис. грн", "млн грн"] }) };
  };

  it("reads its amounts in millions, each a thousand times its reading under «тис. грн»", () => {
    const inThousands = importText(readFileSync(PAGED, "utf8")).programme;
    const inMillions = importText(headed().text).programme;
    expect(inMillions.unit).toBe("million");
    const totals = (programme: typeof inThousands) =>
      allItems(programme).flatMap((item) => item.funding.map((row) => row.total));
    expect(totals(inMillions)).toEqual(totals(inThousands).map((total) => total * 1000));
  });

  it("names the slip once, at the table, when the passport's «тис. грн» total is a thousandth of it", () => {
    const { line, text } = headed();
    const found = importText(text).findings.filter((finding) => finding.code === "amount.unit-suspect");
    expect(found.map((finding) => [finding.location.line, finding.location.ref])).toEqual([
      [line, "programme"],
    ]);
    expect(found[0]?.message).toContain("сума таблиці в 1000 разів більша за загальний обсяг у паспорті");
  });
});
