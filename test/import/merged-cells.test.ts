import { describe, expect, it } from "vitest";
import { type ImportResult, ref } from "../../src/domain/model.js";
import { importDocument } from "../../src/import/index.js";
import { wordBlocksToXlsx } from "../support/spreadsheet.js";
import { type WordBlock, type WordCell, wordDocument } from "../support/word-document.js";
import { hasSoffice, wordAs } from "./families/office.js";
import { allItems } from "./families/view.js";

/**
 * A council's task table where one deadline, one executor and one source serve several measures: Word
 * merges those cells down (vMerge), and the text is printed once, in the first measure's row. The
 * measures below share it; their names, amounts and results stay their own.
 */
const soffice = hasSoffice("test/import/merged-cells.test.ts");

const start = (text: string): WordCell => ({ text, merge: "start" });
const covered: WordCell = { text: "", merge: "continue" };

const TABLE: WordCell[][] = [
  [
    "№ з/п",
    "Назва напряму",
    "Перелік заходів програми",
    "Строк виконання заходу",
    "Виконавці",
    "Джерела фінансування",
    { text: "Орієнтовні обсяги фінансування (вартість), тис. грн", span: 4 },
    "Очікуваний результат",
  ],
  ["", "", "", "", "", "", "Всього", "2026", "2027", "2028", ""],
  [
    start("1"),
    start("Цифрова інфраструктура"),
    "1.1. Закупівля комп'ютерної техніки для ЦНАП",
    start("2026-2028"),
    start("Відділ цифрового розвитку"),
    start("Бюджет громади"),
    "300,0",
    "100,0",
    "100,0",
    "100,0",
    "Оновлено 30 робочих місць",
  ],
  [
    covered,
    covered,
    "1.2. Модернізація локальної мережі",
    covered,
    covered,
    covered,
    "150,0",
    "50,0",
    "50,0",
    "50,0",
    "Мережа 1 Гбіт/с",
  ],
  [
    covered,
    covered,
    "1.3. Резервне копіювання даних",
    covered,
    covered,
    covered,
    "90,0",
    "30,0",
    "30,0",
    "30,0",
    "Щоденні резервні копії",
  ],
  [
    start("2"),
    start("Електронні послуги"),
    "2.1. Підтримка вебсайту громади",
    start("щороку"),
    "Відділ інформаційної політики",
    start("Інші джерела"),
    "60,0",
    "20,0",
    "20,0",
    "20,0",
    "Сайт працює",
  ],
  [
    covered,
    covered,
    "2.2. Електронна черга в ЦНАП",
    covered,
    "ЦНАП",
    covered,
    "45,0",
    "45,0",
    "-",
    "-",
    "Запис онлайн",
  ],
  ["", { text: "Усього за Програмою", span: 5 }, "645,0", "245,0", "200,0", "200,0", ""],
];

const WORD: WordBlock[] = [
  {
    kind: "paragraph",
    text: "Додаток 2 до Програми інформатизації Тестівської сільської територіальної громади на 2026-2028 роки",
  },
  { kind: "table", rows: TABLE, headerRows: 2 },
];

/** Each measure: its number, executors, deadline, each source's total in kopecks, result. */
function measures(result: ImportResult) {
  return allItems(result.programme).map((item) => ({
    number: item.number,
    executors: item.executors,
    deadline: item.deadlineText,
    sources: item.funding.map((row) => [row.source, row.total]),
    result: item.expectedResult,
  }));
}

const EXPECTED = [
  ["1.1.", "Відділ цифрового розвитку", "2026-2028", "local", 30_000_000, "Оновлено 30 робочих місць"],
  ["1.2.", "Відділ цифрового розвитку", "2026-2028", "local", 15_000_000, "Мережа 1 Гбіт/с"],
  ["1.3.", "Відділ цифрового розвитку", "2026-2028", "local", 9_000_000, "Щоденні резервні копії"],
  ["2.1.", "Відділ інформаційної політики", "щороку", "other", 6_000_000, "Сайт працює"],
  ["2.2.", "ЦНАП", "щороку", "other", 4_500_000, "Запис онлайн"],
].map(([number, executor, deadline, source, total, result]) => ({
  number,
  executors: [executor],
  deadline,
  sources: [[source, total]],
  result,
}));

function readsShared(result: ImportResult): void {
  expect(measures(result)).toEqual(EXPECTED);
  expect(result.programme.directions.map((direction) => direction.title)).toEqual([
    "Цифрова інфраструктура",
    "Електронні послуги",
  ]);
  const codes = result.findings.map((finding) => finding.code);
  expect(
    codes.filter((code) =>
      /no-deadline|no-executor|unknown-source|maybe-merged|^amount\.|^programme\./.test(code),
    ),
  ).toEqual([]);
  const coverage = result.coverage;
  expect(coverage?.numbersPlaced).toBe(coverage?.numbersSeen);
}

describe("cells merged down over several measures (one deadline, executor, source for them)", () => {
  it("DOCX (vMerge): each measure under the merged cell takes its text", async () => {
    readsShared(await importDocument(await wordDocument(WORD), "programme.docx"));
  });

  it("a council's spreadsheet (merged ranges, amounts as numbers): each measure takes the merged text", async () => {
    readsShared(await importDocument(await wordBlocksToXlsx(WORD), "programme.xlsx"));
  });

  it.skipIf(!soffice).each(["odt", "pdf"] as const)(
    "the same saved as %s by LibreOffice (a covered cell; a ruled cell without a border above)",
    async (format) => {
      readsShared(await importDocument(await wordAs(WORD, format), `programme.${format}`));
    },
    120_000,
  );

  // Without borders a merged cell prints its text once, at its top, just as a filled cell over empty
  // ones does: nothing is carried down, and each measure under it is named as maybe merged.
  it.skipIf(!soffice)(
    "a PDF table without borders: the measures under the cell keep it empty and are named as maybe merged",
    async () => {
      const word: WordBlock[] = WORD.map((block) =>
        block.kind === "table" ? { ...block, borders: false } : block,
      );
      const result = await importDocument(await wordAs(word, "pdf"), "programme.pdf");
      const items = allItems(result.programme);
      expect(items.map((item) => item.executors)).toEqual([
        ["Відділ цифрового розвитку"],
        [],
        [],
        ["Відділ інформаційної політики"],
        ["ЦНАП"],
      ]);
      const maybeMerged = result.findings.filter((finding) => finding.code === "import.maybe-merged");
      const numberOf = (at: string) => items.find((item) => ref.item(item) === at)?.number;
      expect(maybeMerged.map((finding) => numberOf(finding.location.ref))).toEqual(["1.2.", "1.3.", "2.2."]);
      expect(maybeMerged[0]?.message).toContain("«Відділ цифрового розвитку», «2026-2028», «Бюджет громади»");
      expect(maybeMerged[2]?.message).toContain("«Строк виконання», «Джерела фінансування»");
      expect(maybeMerged[2]?.message).not.toContain("Виконавці");
    },
    120_000,
  );

  it("an empty cell that merges nothing stays empty: the measure has no executors", async () => {
    const rows = TABLE.map((row) => row.map((cell) => (cell === covered ? "" : cell)));
    const result = await importDocument(
      await wordDocument([{ kind: "table", rows, headerRows: 2 }]),
      "programme.docx",
    );
    const second = allItems(result.programme).find((item) => item.number === "1.2.");
    expect(second?.executors).toEqual([]);
    expect(result.findings.some((finding) => finding.code.endsWith("no-executor"))).toBe(true);
  });
});
