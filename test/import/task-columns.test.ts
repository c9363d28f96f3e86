import { describe, expect, it } from "vitest";
import type { FundingRow, ImportResult, Item } from "../../src/domain/model.js";
import { importDocument, importText } from "../../src/import/index.js";
import type { WordBlock, WordCell } from "../support/word-document.js";
import { hasSoffice, importWord, wordAs } from "./families/office.js";

/**
 * Task tables whose columns other councils lay out otherwise (issue 11): the source named in the
 * amounts' heading instead of a column, the source column after the years, deadlines by half-year or
 * in words. Each as text, as a DOCX with the amounts' heading merged over its columns, and as the PDF
 * LibreOffice prints of it.
 */
const soffice = hasSoffice("test/import/task-columns.test.ts");

const PASSPORT: string[][] = [
  ["1.", "Найменування територіальної громади", "Тестова сільська територіальна громада"],
  ["2.", "Код за Кодифікатором", "UA01020030040050060"],
  ["9.", "Строк виконання Програми", "2026–2027 роки"],
];

interface Shape {
  header: WordCell[][];
  rows: string[][];
}

/** A header cell as the text prints it: a merged cell's text, then an empty cell per column it covers. */
function textCells(cells: WordCell[]): string[] {
  return cells.flatMap((cell) => {
    if (typeof cell === "string") return [cell];
    return [cell.text, ...Array.from({ length: (cell.span ?? 1) - 1 }, () => "")];
  });
}

function asText({ header, rows }: Shape): string {
  const lines = [...PASSPORT, [], ["Додаток 1"], ...header.map(textCells), ...rows];
  return lines.map((cells) => cells.join("\t")).join("\n");
}

function asWord({ header, rows }: Shape): WordBlock[] {
  return [
    { kind: "table", rows: PASSPORT, headerRows: 0 },
    { kind: "paragraph", text: "Додаток 1" },
    { kind: "paragraph", text: "Перелік завдань і заходів Програми" },
    { kind: "table", rows: [...header, ...rows], headerRows: header.length },
  ];
}

type Reading = (shape: Shape) => Promise<ImportResult>;

const READINGS: [string, Reading, boolean][] = [
  ["text", async (shape) => importText(asText(shape)), true],
  ["DOCX", (shape) => importWord(asWord(shape)), true],
  ["PDF", async (shape) => importDocument(await wordAs(asWord(shape), "pdf"), "programme.pdf"), soffice],
];

function items(result: ImportResult): Item[] {
  return result.programme.directions.flatMap((direction) => direction.items);
}

const funding = (rows: FundingRow[]) => rows.map(({ source, byYear, total }) => ({ source, byYear, total }));

const codes = (result: ImportResult) => result.findings.map((finding) => finding.code);

/** «Обсяг фінансування з бюджету громади, тис. грн» over «Всього | 2026 | 2027», no source column. */
function sourceInHeading(heading: string): Shape {
  return {
    header: [
      [
        "№ з/п",
        "Зміст заходу",
        "Виконавці",
        "Строк виконання",
        { text: heading, span: 3 },
        "Очікуваний результат",
      ],
      ["", "", "", "", "Всього", "2026", "2027", ""],
    ],
    rows: [
      ["1. Цифрове врядування", "", "", "", "", "", "", ""],
      [
        "1.1",
        "Впровадження електронного документообігу",
        "Відділ інформатизації",
        "2026-2027 роки",
        "30,5",
        "10,5",
        "20,0",
        "Усі органи працюють у СЕД",
      ],
      [
        "1.2",
        "Закупівля комп'ютерної техніки",
        "Фінансове управління",
        "2027 рік",
        "12,0",
        "",
        "12,0",
        "Оновлено техніку",
      ],
      ["Всього за Програмою", "", "", "", "42,5", "10,5", "32,0", ""],
    ],
  };
}

/** «Джерела фінансування» printed after the year columns, before the result. */
const SOURCE_AFTER_YEARS: Shape = {
  header: [
    [
      "№ з/п",
      "Зміст заходу",
      "Виконавці",
      "Строк виконання",
      { text: "Орієнтовні обсяги фінансування, тис. грн", span: 3 },
      "Джерела фінансування",
      "Очікуваний результат",
    ],
    ["", "", "", "", "Всього", "2026", "2027", "", ""],
  ],
  rows: [
    ["1. Цифрове врядування", "", "", "", "", "", "", "", ""],
    [
      "1.1",
      "Впровадження електронного документообігу",
      "Відділ інформатизації",
      "2026-2027 роки",
      "30,5",
      "10,5",
      "20,0",
      "Місцевий бюджет",
      "Усі органи працюють у СЕД",
    ],
    [
      "1.2",
      "Облаштування точок доступу Wi-Fi",
      "Старости",
      "2027 рік",
      "12,0",
      "",
      "12,0",
      "Державний бюджет",
      "Працюють 4 точки доступу",
    ],
    ["Всього за Програмою", "", "", "", "42,5", "10,5", "32,0", "", ""],
  ],
};

/** «Орієнтовний обсяг фінансування, тис. грн» alone: one amount per row, no year columns. */
const ONE_AMOUNT_COLUMN: Shape = {
  header: [
    [
      "№ з/п",
      "Зміст заходу",
      "Виконавці",
      "Строк виконання",
      "Джерела фінансування",
      "Орієнтовний обсяг фінансування, тис. грн",
      "Очікуваний результат",
    ],
  ],
  rows: [
    ["1. Цифрове врядування", "", "", "", "", "", ""],
    [
      "1.1",
      "Впровадження електронного документообігу",
      "Відділ інформатизації",
      "2026-2027 роки",
      "Бюджет громади",
      "30,5",
      "Усі органи працюють у СЕД",
    ],
    [
      "1.2",
      "Облаштування точок доступу Wi-Fi",
      "Старости",
      "2027 рік",
      "Державний бюджет",
      "12,0",
      "Працюють 4 точки доступу",
    ],
    ["Всього за Програмою", "", "", "", "", "42,5", ""],
  ],
};

/** «Показники виконання» after the amounts, and no column of results. */
const INDICATORS_NO_RESULT: Shape = {
  header: [
    [
      "№ з/п",
      "Зміст заходу",
      "Виконавці",
      "Строк виконання",
      "Джерела фінансування",
      { text: "Орієнтовні обсяги фінансування, тис. грн", span: 3 },
      "Показники виконання",
    ],
    ["", "", "", "", "", "Всього", "2026", "2027", ""],
  ],
  rows: [
    ["1. Цифрове врядування", "", "", "", "", "", "", "", ""],
    [
      "1.1",
      "Впровадження електронного документообігу",
      "Відділ інформатизації",
      "2026-2027 роки",
      "Місцевий бюджет",
      "30,5",
      "10,5",
      "20,0",
      "Підключено 12 закладів",
    ],
  ],
};

/** «Показники виконання» after the expected result. */
const INDICATORS_AND_RESULT: Shape = {
  header: [
    [...(INDICATORS_NO_RESULT.header[0] ?? []).slice(0, -1), "Очікуваний результат", "Показники виконання"],
    [...(INDICATORS_NO_RESULT.header[1] ?? []), ""],
  ],
  rows: [
    ["1. Цифрове врядування", "", "", "", "", "", "", "", "", ""],
    [
      ...(INDICATORS_NO_RESULT.rows[1] ?? []).slice(0, -1),
      "Усі органи працюють у СЕД",
      "Підключено 12 закладів",
    ],
    [
      "1.2",
      "Закупівля комп'ютерної техніки",
      "Фінансове управління",
      "2027 рік",
      "Місцевий бюджет",
      "12,0",
      "",
      "12,0",
      "",
      "Придбано 20 комп'ютерів",
    ],
  ],
};

/** «Рік виконання» beside «Сума, тис. грн», one row per year, and no deadline column. */
const YEAR_ROWS_NO_DEADLINE: Shape = {
  header: [
    [
      "№ з/п",
      "Зміст заходу",
      "Виконавці",
      "Рік виконання",
      "Джерела фінансування",
      "Сума, тис. грн",
      "Очікуваний результат",
    ],
  ],
  rows: [
    ["1. Цифрове врядування", "", "", "", "", "", ""],
    [
      "1.1",
      "Впровадження електронного документообігу",
      "Відділ інформатизації",
      "2026",
      "Місцевий бюджет",
      "10,5",
      "Усі органи працюють у СЕД",
    ],
    ["", "", "", "2027", "Місцевий бюджет", "20,0", ""],
    [
      "1.2",
      "Облаштування точок доступу Wi-Fi",
      "Старости",
      "2027",
      "Державний бюджет",
      "12,0",
      "Працюють 4 точки доступу",
    ],
  ],
};

/** Amounts in hryvnias with kopecks under a heading that spells the unit out: «гривень», «(гривні)». */
function inHryvnias(heading: string): Shape {
  return {
    header: [
      [
        "№ з/п",
        "Зміст заходу",
        "Виконавці",
        "Строк виконання",
        "Джерела фінансування",
        { text: heading, span: 3 },
        "Очікуваний результат",
      ],
      ["", "", "", "", "", "Всього", "2026", "2027", ""],
    ],
    rows: [
      ["1. Цифрове врядування", "", "", "", "", "", "", "", ""],
      [
        "1.1",
        "Впровадження електронного документообігу",
        "Відділ інформатизації",
        "2026-2027 роки",
        "Місцевий бюджет",
        "125 000,00",
        "50 000,00",
        "75 000,00",
        "Усі органи працюють у СЕД",
      ],
    ],
  };
}

/** The usual columns, with the deadlines given. */
function withDeadlines(first: string, second: string): Shape {
  return {
    header: [
      [
        "№ з/п",
        "Зміст заходу",
        "Виконавці",
        "Строк виконання",
        "Джерела фінансування",
        { text: "Орієнтовні обсяги фінансування, тис. грн", span: 3 },
        "Очікуваний результат",
      ],
      ["", "", "", "", "", "Всього", "2026", "2027", ""],
    ],
    rows: [
      ["1. Цифрове врядування", "", "", "", "", "", "", "", ""],
      [
        "1.1",
        "Впровадження електронного документообігу",
        "Відділ інформатизації",
        first,
        "Місцевий бюджет",
        "10,5",
        "10,5",
        "",
        "Усі органи працюють у СЕД",
      ],
      [
        "1.2",
        "Супровід офіційного вебсайту",
        "Відділ інформатизації",
        second,
        "Місцевий бюджет",
        "24,0",
        "12,0",
        "12,0",
        "Сайт працює",
      ],
    ],
  };
}

describe("a task table whose amounts' heading names the source, with no source column", () => {
  const headings = [
    "Обсяг фінансування з бюджету громади, тис. грн",
    "Обсяг фінансування за рахунок коштів місцевого бюджету, тис. грн",
  ];
  for (const [format, read, available] of READINGS) {
    it.skipIf(!available).each(headings)(
      `as ${format}, «%s»: every amount is that budget's`,
      async (heading) => {
        const result = await read(sourceInHeading(heading));
        expect(items(result).map((item) => funding(item.funding))).toEqual([
          [{ source: "local", byYear: { "2026": 1_050_000, "2027": 2_000_000 }, total: 3_050_000 }],
          [{ source: "local", byYear: { "2027": 1_200_000 }, total: 1_200_000 }],
        ]);
        expect(codes(result)).not.toContain("import.unread-number");
      },
    );
  }

  it("leaves the amounts' source unnamed when the heading names none", () => {
    const result = importText(asText(sourceInHeading("Обсяг фінансування, тис. грн")));
    expect(items(result).flatMap((item) => item.funding.map((row) => row.source))).toEqual([
      "unspecified",
      "unspecified",
    ]);
  });
});

describe("a task table naming no source beside a passport naming one only (field 10)", () => {
  const field10 = (value: string): string[] => ["10.", "Джерела та обсяги фінансування, тис. грн", value];
  const withField10 = (value: string, shape: Shape): string =>
    asText(shape).replace("2026–2027 роки", `2026–2027 роки\n${field10(value).join("\t")}`);
  const asWordWith = (value: string, shape: Shape): WordBlock[] => {
    const [passport, ...rest] = asWord(shape);
    if (passport?.kind !== "table") return asWord(shape);
    return [{ ...passport, rows: [...passport.rows, field10(value)] }, ...rest];
  };
  const unnamed = sourceInHeading("Обсяги фінансування, тис. грн");
  const sources = (result: ImportResult) =>
    items(result).flatMap((item) => item.funding.map((row) => row.source));
  const named = (result: ImportResult) =>
    result.findings.filter((finding) => finding.code === "import.source-from-passport");
  const sole = [
    "Місцевий бюджет – 42,5 тис. грн, у тому числі: 2026 рік – 10,5 тис. грн; 2027 рік – 32,0 тис. грн",
    "Кошти бюджету громади – 42,5 тис. грн",
  ];

  it.each(sole)("as text, «%s»: the table's amounts are that source's, said once", (value) => {
    const result = importText(withField10(value, unnamed));
    expect(sources(result)).toEqual(["local", "local"]);
    expect(named(result)).toHaveLength(1);
    expect(named(result)[0]?.message).toContain("«місцевий бюджет»");
    expect(codes(result)).not.toContain("passport.funding-source");
  });

  it("as DOCX: the table's amounts are the passport's one source's", async () => {
    const result = await importWord(asWordWith(sole[1] ?? "", unnamed));
    expect(sources(result)).toEqual(["local", "local"]);
    expect(named(result)).toHaveLength(1);
  });

  it("leaves them unnamed when the passport names two sources, or the table one of its own", () => {
    const two = importText(
      withField10("Кошти бюджету громади – 30,5 тис. грн, кошти державного бюджету – 12,0 тис. грн", unnamed),
    );
    expect(sources(two)).toEqual(["unspecified", "unspecified"]);
    expect(named(two)).toHaveLength(0);
    const own = importText(
      withField10(
        "Кошти державного бюджету – 42,5 тис. грн",
        sourceInHeading("Обсяг фінансування з бюджету громади, тис. грн"),
      ),
    );
    expect(sources(own)).toEqual(["local", "local"]);
    expect(named(own)).toHaveLength(0);
  });
});

describe("a task table printing the source column after the year columns", () => {
  for (const [format, read, available] of READINGS) {
    it.skipIf(!available)(
      `as ${format}: each row's amounts land in their years, of the source beside them`,
      async () => {
        const result = await read(SOURCE_AFTER_YEARS);
        expect(items(result).map((item) => funding(item.funding))).toEqual([
          [{ source: "local", byYear: { "2026": 1_050_000, "2027": 2_000_000 }, total: 3_050_000 }],
          [{ source: "state", byYear: { "2027": 1_200_000 }, total: 1_200_000 }],
        ]);
        expect(items(result).map((item) => item.expectedResult)).toEqual([
          "Усі органи працюють у СЕД",
          "Працюють 4 точки доступу",
        ]);
        expect(result.programme.declaredTotals.map((row) => row.total)).toEqual([4_250_000]);
        expect(codes(result)).not.toContain("import.unread-number");
      },
    );
  }
});

describe("deadlines by half-year, and a deadline kept as printed", () => {
  for (const [format, read, available] of READINGS) {
    it.skipIf(!available)(
      `as ${format}: «2026, І півріччя» is 2026; «після затвердження бюджету» is text, named`,
      async () => {
        const result = await read(withDeadlines("2026, І півріччя", "після затвердження бюджету"));
        const [first, second] = items(result);
        expect(first?.deadline).toEqual({ kind: "years", from: 2026, to: 2026 });
        expect(second?.deadline).toEqual({ kind: "text" });
        expect(second?.deadlineText).toBe("після затвердження бюджету");
        const named = result.findings.filter((finding) => finding.code === "import.deadline-text");
        expect(named.map((finding) => finding.location.ref)).toEqual([`item:${second?.id}`]);
        expect(named[0]?.message).toContain("«після затвердження бюджету»");
      },
    );
  }
});

describe("a task table with one amounts column and no year columns", () => {
  for (const [format, read, available] of READINGS) {
    it.skipIf(!available)(
      `as ${format}: each amount is its row's total, and the table is named unsplit`,
      async () => {
        const result = await read(ONE_AMOUNT_COLUMN);
        expect(items(result).map((item) => funding(item.funding))).toEqual([
          [{ source: "local", byYear: {}, total: 3_050_000 }],
          [{ source: "state", byYear: { "2027": 1_200_000 }, total: 1_200_000 }],
        ]);
        expect(result.programme.declaredTotals.map((row) => row.total)).toEqual([4_250_000]);
        expect(codes(result)).not.toContain("import.unread-number");
        expect(codes(result).filter((code) => code === "import.years-not-split")).toHaveLength(1);
      },
    );
  }

  const deadlines = ["2026", "IV квартал 2026 року", "2026 рік"];
  it.each(deadlines)(
    "«%s» and «2027 рік»: each amount is its measure's one year's, nothing unsplit",
    (due) => {
      const shape = structuredClone(ONE_AMOUNT_COLUMN);
      const first = shape.rows[1];
      if (first) first[3] = due;
      const result = importText(asText(shape));
      expect(items(result).map((item) => funding(item.funding))).toEqual([
        [{ source: "local", byYear: { "2026": 3_050_000 }, total: 3_050_000 }],
        [{ source: "state", byYear: { "2027": 1_200_000 }, total: 1_200_000 }],
      ]);
      expect(codes(result)).not.toContain("import.years-not-split");
    },
  );
});

describe("a task table with «Показники виконання» and no column of results", () => {
  for (const [format, read, available] of READINGS) {
    it.skipIf(!available)(`as ${format}: the indicators are the measure's result`, async () => {
      const result = await read(INDICATORS_NO_RESULT);
      expect(items(result).map((item) => item.expectedResult)).toEqual(["Підключено 12 закладів"]);
      expect(items(result).map((item) => funding(item.funding))).toEqual([
        [{ source: "local", byYear: { "2026": 1_050_000, "2027": 2_000_000 }, total: 3_050_000 }],
      ]);
    });
  }
});

describe("a task table with «Показники виконання» beside the column of results", () => {
  for (const [format, read, available] of READINGS) {
    it.skipIf(!available)(`as ${format}: the indicators go on after the measure's result`, async () => {
      const result = await read(INDICATORS_AND_RESULT);
      expect(items(result).map((item) => item.expectedResult)).toEqual([
        "Усі органи працюють у СЕД. Показники: Підключено 12 закладів",
        "Показники: Придбано 20 комп'ютерів",
      ]);
      expect(items(result).map((item) => funding(item.funding))).toEqual([
        [{ source: "local", byYear: { "2026": 1_050_000, "2027": 2_000_000 }, total: 3_050_000 }],
        [{ source: "local", byYear: { "2027": 1_200_000 }, total: 1_200_000 }],
      ]);
      expect(result.coverage?.numbersSeen).toBe(result.coverage?.numbersPlaced);
    });
  }
});

describe("a task table printing a row per «Рік виконання» and no deadline column", () => {
  for (const [format, read, available] of READINGS) {
    it.skipIf(!available)(
      `as ${format}: the amounts land in their rows' years, which are the deadline`,
      async () => {
        const result = await read(YEAR_ROWS_NO_DEADLINE);
        expect(items(result).map((item) => funding(item.funding))).toEqual([
          [{ source: "local", byYear: { "2026": 1_050_000, "2027": 2_000_000 }, total: 3_050_000 }],
          [{ source: "state", byYear: { "2027": 1_200_000 }, total: 1_200_000 }],
        ]);
        expect(items(result).map((item) => item.deadline)).toEqual([
          { kind: "years", from: 2026, to: 2027 },
          { kind: "years", from: 2027, to: 2027 },
        ]);
        expect(codes(result)).not.toContain("item.no-deadline");
      },
    );
  }
});

describe("a task table in hryvnias whose heading spells the unit out", () => {
  const headings = ["Обсяг фінансування, гривень", "Прогнозний обсяг фінансування (гривні)", "Обсяг, грн"];
  for (const [format, read, available] of READINGS) {
    it.skipIf(!available).each(headings)(`as ${format}, «%s»: the amounts are hryvnias`, async (heading) => {
      const result = await read(inHryvnias(heading));
      expect(result.programme.unit).toBe("uah");
      expect(items(result).map((item) => funding(item.funding))).toEqual([
        [{ source: "local", byYear: { "2026": 5_000_000, "2027": 7_500_000 }, total: 12_500_000 }],
      ]);
      expect(codes(result)).not.toContain("import.unit-unknown");
    });
  }
});

describe("a task table with one amounts column naming its source, and no source column", () => {
  const shape: Shape = {
    header: [
      [
        "№ з/п",
        "Зміст заходу",
        "Виконавці",
        "Строк виконання",
        "Обсяг фінансування з бюджету громади, тис. грн",
        "Очікуваний результат",
      ],
    ],
    rows: [
      ["1. Цифрове врядування", "", "", "", "", ""],
      [
        "1.1",
        "Впровадження електронного документообігу",
        "Відділ інформатизації",
        "2026-2027 роки",
        "30,5",
        "Усі органи працюють у СЕД",
      ],
      ["Всього за Програмою", "", "", "", "30,5", ""],
    ],
  };
  for (const [format, read, available] of READINGS) {
    it.skipIf(!available)(`as ${format}: is read as the task table, its amounts that budget's`, async () => {
      const result = await read(shape);
      expect(items(result).map((item) => funding(item.funding))).toEqual([
        [{ source: "local", byYear: {}, total: 3_050_000 }],
      ]);
      expect(codes(result)).not.toContain("import.no-task-table");
    });
  }
});

describe("a task table printing a row per «Рік виконання» whose year cell names a span of years", () => {
  const shape: Shape = {
    header: [
      [
        "№ з/п",
        "Зміст заходу",
        "Виконавці",
        "Рік виконання",
        "Джерела фінансування",
        "Сума, тис. грн",
        "Очікуваний результат",
      ],
    ],
    rows: [
      ["1. Цифрове врядування", "", "", "", "", "", ""],
      [
        "1.1",
        "Впровадження електронного документообігу",
        "Відділ інформатизації",
        "2026-2027 роки",
        "Місцевий бюджет",
        "30,5",
        "Усі органи працюють у СЕД",
      ],
      [
        "1.2",
        "Облаштування точок доступу Wi-Fi",
        "Старости",
        "2027",
        "Державний бюджет",
        "12,0",
        "Працюють 4 точки доступу",
      ],
    ],
  };
  for (const [format, read, available] of READINGS) {
    it.skipIf(!available)(`as ${format}: the amount is the span's, named as not split by year`, async () => {
      const result = await read(shape);
      const [first, second] = items(result);
      expect(first?.funding.map(({ source, spans, total }) => ({ source, spans, total }))).toEqual([
        { source: "local", spans: { "2026-2027": 3_050_000 }, total: 3_050_000 },
      ]);
      expect(second?.funding.map((row) => row.byYear)).toEqual([{ "2027": 1_200_000 }]);
      const unsplit = result.findings.filter((finding) => finding.code === "import.years-not-split");
      expect(unsplit.map((finding) => finding.location.ref)).toEqual([`item:${first?.id}`]);
    });
  }
});
