import { describe, expect, it } from "vitest";
import { importText } from "../../src/import/index.js";

/**
 * A task table whose header no rule reads (issue 11: every number in a table lands in the model or is
 * named in a finding). The finding points at the table; each of its numbers is named unread.
 */
const PASSPORT = [
  "1.\tНайменування територіальної громади\tТестова сільська територіальна громада",
  "9.\tСтрок виконання Програми\t2026–2027 роки",
  "10.\tЗагальний обсяг фінансування Програми, тис. грн\t150,0",
];
const TABLE = [
  "Перелік робіт\tДержавний замовник\tОбсяг коштів, тис. грн\tПримітка",
  "1\t2\t3\t4",
  "Оновлення комп'ютерної техніки\tВідділ освіти\t100,0\t",
  "Супровід сайту\tАпарат ради\t50,0\tщороку",
];
const UNRELATED = ["Показник стану\tЗначення", "Кількість комп'ютерів у раді\t42"];

function read(lines: string[]) {
  return importText(lines.join("\n"));
}

describe("no task table read", () => {
  it("points at the table of amounts whose header no rule reads, and names each of its numbers", () => {
    const document = [...PASSPORT, "", "Додаток 1", ...TABLE];
    const result = read(document);
    const line = document.indexOf(TABLE[0] as string) + 1;
    const missing = result.findings.filter((finding) => finding.code === "import.no-task-table");
    expect(missing.map((finding) => finding.location.line)).toEqual([line]);
    const unread = result.findings.filter((finding) => finding.code === "import.unread-number");
    expect(unread.map((finding) => [finding.location.line, finding.message.match(/«([^»]+)»/)?.[1]])).toEqual(
      [
        [line + 2, "100,0"],
        [line + 3, "50,0"],
      ],
    );
    const coverage = result.coverage;
    expect(coverage?.numbersFlagged).toBe(2);
    expect(coverage?.numbersSeen).toBe((coverage?.numbersPlaced ?? 0) + (coverage?.numbersFlagged ?? 0));
  });

  it("leaves alone a table that speaks of no money, and says only that the task table is missing", () => {
    const result = read([...PASSPORT, "", ...UNRELATED]);
    const missing = result.findings.filter((finding) => finding.code === "import.no-task-table");
    expect(missing.map((finding) => finding.location.line)).toEqual([0]);
    expect(result.findings.map((finding) => finding.code)).not.toContain("import.unread-number");
  });
});
