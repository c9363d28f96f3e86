import { describe, expect, it } from "vitest";
import { splitExecutors } from "../../src/domain/executor-split.js";
import { allItems, ref } from "../../src/domain/model.js";
import { classifySource } from "../../src/domain/sources.js";
import { importText } from "../../src/import/index.js";
import { parseDeadline } from "../../src/import/interpret/deadline.js";
import { interpretBlocks } from "../../src/import/interpret/index.js";
import { readTitle } from "../../src/import/interpret/sections.js";
import { readTextBlocks } from "../../src/import/text/reader.js";

describe("source labels", () => {
  it.each([
    ["місцевий бюджет", "local"],
    ["Бюджет Старокостянтинівської міської територіальної громади", "local"],
    ["бюджет територіальної громади", "local"],
    ["Кошти бюджету громади", "local"],
    ["державний бюджет", "state"],
    ["обласний бюджет", "oblast"],
    ["Субвенція з державного бюджету місцевим бюджетам", "state"],
    ["Кошти державного фонду регіонального розвитку", "state"],
    ["Кошти міжнародної технічної допомоги", "other"],
    ["Міжнародна технічна допомога", "other"],
    ["Спонсорські кошти", "other"],
    ["Грантові кошти", "other"],
    ["Кошти інвесторів", "other"],
    ["міжнародних установ на умовах співфінансування", "unspecified"],
    ["районний бюджет", "district"],
    ["Інші джерела", "other"],
    ["кошти інших джерел, не заборонених законодавством", "other"],
    ["Бюджет громади; інші джерела, передбачені законодавством", "mixed"],
    ["місцевий бюджет, кошти інших джерел", "mixed"],
    ["Не потребує", "none"],
    ["не потребує фінансування", "none"],
    ["в межах бюджетних асигнувань", "within-budget"],
    ["в межах фінансування", "within-budget"],
    ["Загальний обсяг,   у тому числі:", "total"],
    ["", "unspecified"],
    ["кошти благодійників", "other"],
    ["кошти населення", "unspecified"],
    ["Селищний бюджет", "local"],
    ["Кошти міського бюджету", "local"],
    ["сільський бюджет", "local"],
    ["Кошти загального фонду бюджету громади", "local"],
    ["спеціальний фонд міського бюджету", "local"],
    ["Кошти загального фонду державного бюджету", "state"],
    ["спеціального фонду обласного бюджету", "oblast"],
  ])("%s → %s", (label, kind) => {
    expect(classifySource(label)).toBe(kind);
  });
});

describe("deadlines", () => {
  it.each([
    ["2026-2028 роки", { kind: "years", from: 2026, to: 2028 }],
    ["2026 – 2028", { kind: "years", from: 2026, to: 2028 }],
    ["2026 -2027 роки", { kind: "years", from: 2026, to: 2027 }],
    ["2026-2025 роки", { kind: "years", from: 2026, to: 2025 }],
    ["2027 рік", { kind: "years", from: 2027, to: 2027 }],
    ["2026", { kind: "years", from: 2026, to: 2026 }],
    ["I квартал 2026 року", { kind: "quarter", quarter: 1, year: 2026 }],
    ["ІІІ квартал 2027 року", { kind: "quarter", quarter: 3, year: 2027 }],
    ["протягом дії Програми", { kind: "programme" }],
    ["щороку до 1 березня", { kind: "programme" }],
    ["щорічно до 15.12", { kind: "programme" }],
    ["щорічно протягом 2026–2028 рр.", { kind: "years", from: 2026, to: 2028 }],
    ["2026-2028 роки, щороку", { kind: "years", from: 2026, to: 2028 }],
    ["Щороку: 2027 рік", { kind: "years", from: 2027, to: 2027 }],
    ["IV квартал 2026 р.", { kind: "quarter", quarter: 4, year: 2026 }],
    ["2-й квартал 2027", { kind: "quarter", quarter: 2, year: 2027 }],
    ["ІІ квартал 2026 – IV квартал 2027", { kind: "years", from: 2026, to: 2027 }],
    ["I квартал 2026 р. - ІІІ квартал 2028 р.", { kind: "years", from: 2026, to: 2028 }],
    ["I–II квартали 2026 року", { kind: "years", from: 2026, to: 2026 }],
    ["I квартал 2026 року, щомісяця", { kind: "text" }],
    ["протягом 2026–2028 рр.", { kind: "years", from: 2026, to: 2028 }],
    ["у 2027 році", { kind: "years", from: 2027, to: 2027 }],
    ["щороку", { kind: "programme" }],
    ["Постійно", { kind: "programme" }],
    ["до 2027 року", { kind: "programme", to: 2027 }],
    ["2026 р. – 2028 р.", { kind: "years", from: 2026, to: 2028 }],
    ["2026 рік - 2027 рік", { kind: "years", from: 2026, to: 2027 }],
    ["2027–2028 рр. (за потреби)", { kind: "years", from: 2027, to: 2028 }],
    ["І півріччя 2026 року", { kind: "years", from: 2026, to: 2026 }],
    ["2-е півріччя 2027 р.", { kind: "years", from: 2027, to: 2027 }],
    ["2026, І півріччя", { kind: "years", from: 2026, to: 2026 }],
    ["2027 рік, IV квартал", { kind: "quarter", quarter: 4, year: 2027 }],
    ["2026, І півріччя 2027", { kind: "text" }],
    ["2026, щомісяця", { kind: "text" }],
    ["протягом 2026-2028 років", { kind: "years", from: 2026, to: 2028 }],
    ["2026-2028 роки (щороку)", { kind: "years", from: 2026, to: 2028 }],
    ["III кв. 2027", { kind: "quarter", quarter: 3, year: 2027 }],
    ["до 31.12.2026", { kind: "quarter", quarter: 4, year: 2026 }],
    ["01.09.2027 р.", { kind: "quarter", quarter: 3, year: 2027 }],
    ["до кінця 2027 року", { kind: "quarter", quarter: 4, year: 2027 }],
    ["з 01.01.2026 по 31.12.2028", { kind: "years", from: 2026, to: 2028 }],
    ["грудень 2026 р.", { kind: "quarter", quarter: 4, year: 2026 }],
    ["до травня 2027 року", { kind: "quarter", quarter: 2, year: 2027 }],
    ["вересень–грудень 2026", { kind: "years", from: 2026, to: 2026 }],
    ["2026, 2027", { kind: "years", from: 2026, to: 2027 }],
    ["2026 р., 2027 р., 2028 р.", { kind: "years", from: 2026, to: 2028 }],
    ["2026/2027", { kind: "years", from: 2026, to: 2027 }],
    ["2026, 2028", { kind: "years", from: 2026, to: 2028, years: [2026, 2028] }],
    ["2025 р., 2027 р., 2028 р.", { kind: "years", from: 2025, to: 2028, years: [2025, 2027, 2028] }],
    ["2028, 2026", { kind: "text" }],
    ["з 2027 року", { kind: "programme", from: 2027 }],
    ["починаючи з 2027 р.", { kind: "programme", from: 2027 }],
    ["31.13.2026", { kind: "text" }],
    ["", null],
  ])("%s", (text, deadline) => {
    expect(parseDeadline(text)).toEqual(deadline);
  });
});

describe("executors", () => {
  it("splits on line breaks and semicolons", () => {
    expect(splitExecutors("КНП «Роменська ЦРЛ» РМР;\nКНП «ЦПМСД міста Ромни» РМР")).toEqual([
      "КНП «Роменська ЦРЛ» РМР",
      "КНП «ЦПМСД міста Ромни» РМР",
    ]);
  });

  it("splits a comma-separated list of units but keeps commas inside a unit's name", () => {
    expect(
      splitExecutors(
        "Відділ інформаційного забезпечення, відділ бухгалтерського обліку, управління соціальної політики, сім'ї, єдності України та ветеранської підтримки, фінансове управління",
      ),
    ).toEqual([
      "Відділ інформаційного забезпечення",
      "відділ бухгалтерського обліку",
      "управління соціальної політики, сім'ї, єдності України та ветеранської підтримки",
      "фінансове управління",
    ]);
    expect(splitExecutors("КП «Водоканал, тепло», старости старостинських округів")).toEqual([
      "КП «Водоканал, тепло»",
      "старости старостинських округів",
    ]);
    expect(splitExecutors("управління освіти, культури, молоді та спорту")).toEqual([
      "управління освіти, культури, молоді та спорту",
    ]);
  });

  it("starts a new unit at a capitalised name or abbreviation in a list of units", () => {
    expect(splitExecutors("Управління освіти, ОСББ «Затишок», Межівська ДЮСШ, м. Межова")).toEqual([
      "Управління освіти",
      "ОСББ «Затишок»",
      "Межівська ДЮСШ, м. Межова",
    ]);
    expect(splitExecutors("Сприяння розвитку, Програма громади")).toEqual([
      "Сприяння розвитку, Програма громади",
    ]);
  });
});

describe("executors joined by a conjunction or a slash", () => {
  it.each([
    ["Відділ цифрового розвитку та фінансовий відділ", ["Відділ цифрового розвитку", "фінансовий відділ"]],
    ["Відділ освіти / відділ культури", ["Відділ освіти", "відділ культури"]],
    ["Відділ освіти/відділ культури", ["Відділ освіти", "відділ культури"]],
    ["Фінансове управління і юридичний відділ", ["Фінансове управління", "юридичний відділ"]],
    ["Відділ освіти й служба у справах дітей", ["Відділ освіти", "служба у справах дітей"]],
    ["Відділ освіти та управління культури", ["Відділ освіти", "управління культури"]],
    ["Відділ освіти та ЦНАП", ["Відділ освіти", "ЦНАП"]],
    ["Відділ освіти і КП «Благоустрій та озеленення»", ["Відділ освіти", "КП «Благоустрій та озеленення»"]],
    ["Відділ цифрового розвитку та старости", ["Відділ цифрового розвитку", "старости"]],
    [
      "Відділ освіти та виконавчий комітет міської ради",
      ["Відділ освіти", "виконавчий комітет міської ради"],
    ],
    [
      "Відділ освіти та Роменський міський центр зайнятості",
      ["Відділ освіти", "Роменський міський центр зайнятості"],
    ],
    ["Відділ освіти та культури та фінансовий відділ", ["Відділ освіти та культури", "фінансовий відділ"]],
    ["Відділ освіти, та відділ культури", ["Відділ освіти", "відділ культури"]],
    [
      "Відділ освіти, молоді та спорту / управління культури, національностей та релігій",
      ["Відділ освіти, молоді та спорту", "управління культури, національностей та релігій"],
    ],
    ["Digital department and finance department", ["Digital department", "finance department"]],
  ])("%s → two or more executors", (cell, executors) => {
    expect(splitExecutors(cell)).toEqual(executors);
  });

  it.each([
    "Відділ освіти, молоді та спорту",
    "Управління культури, національностей та релігій",
    "відділ житлово-комунального господарства та будівництва",
    "Відділ житлового та комунального господарства",
    "Центр надання адміністративних послуг",
    "КП «Благоустрій та озеленення»",
    'КП "Благоустрій та озеленення"',
    "Відділ культури та туризму",
    "управління культурної політики і ресурсів",
    "Відділ з питань НС та ЦЗ",
    "відділ документообігу та управління персоналом",
    "відділ цифрового розвитку та цифровізації Виконавчого комітету Роменської міської ради",
    "структурні підрозділи та комунальні підприємства міської ради",
    "КНП «ЦПМСД» Роменської м/р",
    "Сприяння розвитку та Програма громади",
  ])("%s → one executor", (cell) => {
    expect(splitExecutors(cell)).toEqual([cell]);
  });
});

describe("executors named by an organisation's abbreviation", () => {
  it.each([
    ["Відділ освіти та Роменська ЖЕК", ["Відділ освіти", "Роменська ЖЕК"]],
    ["Відділ освіти і міський ЦНАП", ["Відділ освіти", "міський ЦНАП"]],
    ["Відділ освіти, міська ЖЕК", ["Відділ освіти", "міська ЖЕК"]],
    ["Фінансове управління та ОСББ", ["Фінансове управління", "ОСББ"]],
    ["Відділ освіти та ЗОШ №2", ["Відділ освіти", "ЗОШ №2"]],
    ["Відділ культури / БК «Юність»", ["Відділ культури", "БК «Юність»"]],
    ["Управління ЖКГ та КНП «ЦПМСД»", ["Управління ЖКГ", "КНП «ЦПМСД»"]],
    [
      "Служба у справах дітей та Роменський міський ЦСС",
      ["Служба у справах дітей", "Роменський міський ЦСС"],
    ],
    // Not listed, but an adjective before it or a «name» after it makes it an organisation.
    ["Відділ освіти та Роменська ДРАЦС", ["Відділ освіти", "Роменська ДРАЦС"]],
    ["Відділ освіти та ОКЗ «Палац дітей»", ["Відділ освіти", "ОКЗ «Палац дітей»"]],
  ])("%s → two executors", (cell, executors) => {
    expect(splitExecutors(cell)).toEqual(executors);
  });

  it.each([
    "Відділ з питань НС та ЦЗ",
    "Відділ з питань НС, ЦЗ та оборонної роботи",
    "Відділ з питань НС і ЦЗ населення",
    "Сектор з питань внутрішньої політики та ЗМІ",
    "Відділ освіти, молоді та спорту",
  ])("%s → one executor", (cell) => {
    expect(splitExecutors(cell)).toEqual([cell]);
  });
});

describe("executors as people", () => {
  it.each([
    ["Іваненко І.І., Петренко П.П.", ["Іваненко І.І.", "Петренко П.П."]],
    ["Іваненко І. І., Петренко П. П.", ["Іваненко І. І.", "Петренко П. П."]],
    ["І.І. Іваненко, П. П. Петренко", ["І.І. Іваненко", "П. П. Петренко"]],
    ["Іваненко І.І. та Петренко П.П.", ["Іваненко І.І.", "Петренко П.П."]],
    ["Іваненко І.І. / Петренко П.П.", ["Іваненко І.І.", "Петренко П.П."]],
    ["Мар'яненко Є.Ї., Ґудзь Ґ.Ґ.; Коваль-Їжак Ю.А.", ["Мар'яненко Є.Ї.", "Ґудзь Ґ.Ґ.", "Коваль-Їжак Ю.А."]],
    [
      "Іваненко Іван Іванович, Петренко Ольга Петрівна",
      ["Іваненко Іван Іванович", "Петренко Ольга Петрівна"],
    ],
    [
      "начальник відділу Іваненко І.І., заступник Петренко П.П.",
      ["начальник відділу Іваненко І.І.", "заступник Петренко П.П."],
    ],
    ["Відділ освіти, Іваненко І.І.", ["Відділ освіти", "Іваненко І.І."]],
    ["Відділ освіти та Іваненко І.І.", ["Відділ освіти", "Іваненко І.І."]],
    ["Петренко П.П", ["Петренко П.П"]],
    ["І.І. Іваненко.", ["І.І. Іваненко"]],
  ])("%s", (cell, executors) => {
    expect(splitExecutors(cell)).toEqual(executors);
  });

  it("keeps a unit's trailing dot off and the words of a name that looks like a person's whole", () => {
    expect(splitExecutors("Відділ освіти.")).toEqual(["Відділ освіти"]);
    expect(splitExecutors("Сприяння Розвитку, Програма Громади")).toEqual([
      "Сприяння Розвитку, Програма Громади",
    ]);
  });
});

describe("task table layouts", () => {
  const T = "\t";
  const passport = [
    `1.${T}Найменування територіальної громади${T}Тестова сільська територіальна громада`,
    `2.${T}Код за Кодифікатором${T}UA01020030040050060`,
    `9.${T}Строк виконання Програми${T}2026-2027 роки`,
  ];

  function programme(table: string[]) {
    return interpretBlocks(readTextBlocks([...passport, "", "Додаток 1", ...table].join("\n")));
  }

  it("reads an amount or a dash with a footnote's mark after it («250,0*», «-**», «40,0¹»), every number counted", () => {
    const { programme: read, coverage } = programme([
      `Назва заходу${T}Виконавці${T}Строк${T}Джерела фінансування${T}Обсяг, тис. грн${T}${T}Очікуваний результат`,
      `${T}${T}${T}${T}2026${T}2027${T}`,
      `1. Напрям${T}${T}${T}${T}${T}${T}`,
      `1.1. Захід${T}Відділ освіти${T}2026-2027${T}Бюджет громади*${T}250,0*${T}40,0¹${T}Результат`,
      `1.2. Захід${T}Відділ освіти${T}2027${T}Бюджет громади${T}-**${T}60,5${T}Результат`,
    ]);
    const items = read.directions[0]?.items ?? [];
    expect(items.map((item) => [item.funding[0]?.source, item.funding[0]?.byYear])).toEqual([
      ["local", { "2026": 25_000_000, "2027": 4_000_000 }],
      ["local", { "2026": 0, "2027": 6_050_000 }],
    ]);
    expect(coverage).toMatchObject({ numbersFlagged: 0 });
    expect(coverage?.numbersSeen).toBe(coverage?.numbersPlaced);
  });

  it("reads amounts in UAH when the header says грн without тис.", () => {
    const { programme: read } = programme([
      `Назва заходу${T}Виконавці${T}Строк${T}Джерела фінансування${T}Обсяг, грн${T}${T}${T}Очікуваний результат`,
      `${T}${T}${T}${T}Всього${T}2026${T}2027${T}`,
      `1. Напрям${T}${T}${T}${T}${T}${T}${T}`,
      `1.1. Захід${T}Відділ освіти${T}2026${T}місцевий бюджет${T}1 500,50${T}1 000${T}500,50${T}Результат`,
    ]);
    expect(read.unit).toBe("uah");
    expect(read.directions[0]?.items[0]?.funding[0]).toMatchObject({
      source: "local",
      total: 150_050,
      totalPrinted: true,
      byYear: { "2026": 100_000, "2027": 50_050 },
    });
    expect(read.directions[0]?.items[0]?.expectedResult).toBe("Результат");
  });

  it("takes a numbered direction row's title without the words «Пріоритетний напрям:»", () => {
    const { programme: read } = programme([
      `№ з/п${T}Назва завдання${T}Назва проєкту${T}Виконавці${T}Строк${T}Джерела фінансування${T}Обсяг, тис. грн${T}${T}${T}Результат`,
      `${T}${T}${T}${T}${T}${T}Всього${T}2026${T}2027${T}`,
      `1${T}Пріоритетний напрям: Цифрова інфраструктура${T.repeat(8)}`,
      `1.1${T}Мережа${T}Модернізація мережі${T}Відділ освіти${T}2026${T}місцевий бюджет${T}3${T}1${T}2${T}Результат`,
      `2${T}Напрям 2 – Електронні послуги${T.repeat(8)}`,
      `2.1${T}ЦНАП${T}Онлайн-запис${T}ЦНАП${T}2027${T}місцевий бюджет${T}5${T}${T}5${T}Результат`,
    ]);
    expect(read.directions.map((direction) => [direction.number, direction.title])).toEqual([
      ["1", "Цифрова інфраструктура"],
      ["2", "Електронні послуги"],
    ]);
  });

  const rowsUnder = (header: string[]) => [
    ...header,
    `I. Цифрове врядування${T.repeat(7)}`,
    `1.1. Захід${T}Відділ освіти${T}2026${T}місцевий бюджет${T}3${T}1${T}2${T}Результат`,
    `ІV. Цифрові послуги${T.repeat(7)}`,
    `4.1. Послуга${T}ЦНАП${T}2027${T}інші джерела${T}5${T}${T}5${T}Результат`,
  ];

  it("reads a one-row header naming the columns and the years together", () => {
    for (const years of [
      ["2026", "2027"],
      ["2026 рік", "2027 рік"],
    ]) {
      const { programme: read } = programme(
        rowsUnder([
          `Назва заходу${T}Виконавці${T}Строк${T}Джерела фінансування${T}Всього, тис. грн${T}${years.join(T)}${T}Очікуваний результат`,
        ]),
      );
      expect(
        read.directions.flatMap((direction) => direction.items.map((each) => each.funding[0]?.byYear)),
      ).toEqual([{ "2026": 100_000, "2027": 200_000 }, { "2027": 500_000 }]);
    }
  });

  it("reads Roman direction numbers (Latin or Cyrillic letters) and a dash after «Напрям N»", () => {
    const header = [
      `Назва заходу${T}Виконавці${T}Строк${T}Джерела фінансування${T}Обсяг, тис. грн${T}${T}${T}Очікуваний результат`,
      `${T}${T}${T}${T}Всього${T}2026${T}2027${T}`,
    ];
    const roman = programme(rowsUnder(header)).programme.directions;
    expect(roman.map((direction) => [direction.number, direction.title])).toEqual([
      ["1", "Цифрове врядування"],
      ["4", "Цифрові послуги"],
    ]);
    const dashed = programme([
      ...header,
      `Напрям 1 – Цифрове врядування${T.repeat(7)}`,
      ...rowsUnder([]).slice(1, 2),
    ]);
    expect(dashed.programme.directions.map((direction) => direction.title)).toEqual(["Цифрове врядування"]);
  });

  it("reads an executors cell cut by a page break before its second unit as two executors", () => {
    const header = [
      `Назва заходу${T}Виконавці${T}Строк${T}Джерела фінансування${T}Обсяг, тис. грн${T}${T}${T}Очікуваний результат`,
      `${T}${T}${T}${T}Всього${T}2026${T}2027${T}`,
    ];
    // After the break: a blank line alone, or a blank line and the column-number row.
    for (const pageBreak of [[""], ["", ["1", "2", "3", "4", "5", "6", "7", "8"].join(T)]]) {
      const read = (executors: string, rest: string) =>
        programme([
          ...header,
          `1. Цифрове врядування${T.repeat(7)}`,
          `1.1. Захід${T}${executors}${T}2026${T}місцевий бюджет${T}3${T}1${T}2${T}Результат`,
          ...pageBreak,
          `${T}${rest}${T}${T}${T}${T}${T}${T}`,
        ]).programme.directions[0]?.items[0]?.executors;
      expect(read("Відділ освіти та", "фінансовий відділ")).toEqual(["Відділ освіти", "фінансовий відділ"]);
      expect(read("Відділ освіти, молоді та", "спорту")).toEqual(["Відділ освіти, молоді та спорту"]);
      expect(read("Відділ освіти /", "ЦНАП")).toEqual(["Відділ освіти", "ЦНАП"]);
      expect(read("Відділ освіти;", "фінансовий відділ")).toEqual(["Відділ освіти", "фінансовий відділ"]);
      expect(read("Відділ освіти,", "служба у справах дітей")).toEqual([
        "Відділ освіти",
        "служба у справах дітей",
      ]);
      expect(read("Відділ земельних відносин", "та архітектури")).toEqual([
        "Відділ земельних відносин та архітектури",
      ]);
      expect(read("Іваненко І.І. та", "Петренко П.П.")).toEqual(["Іваненко І.І.", "Петренко П.П."]);
      expect(read("Іваненко І.І.,", "Петренко П.П.")).toEqual(["Іваненко І.І.", "Петренко П.П."]);
      // After a semicolon the rest is a new executor, whatever it names.
      expect(read("Відділ освіти;", "молодіжна рада")).toEqual(["Відділ освіти", "молодіжна рада"]);
      expect(read("Відділ освіти;", "молодіжний парламент")).toEqual([
        "Відділ освіти",
        "молодіжний парламент",
      ]);
      expect(read("Відділ освіти; фінансовий відділ;", "громадські організації")).toEqual([
        "Відділ освіти",
        "фінансовий відділ",
        "громадські організації",
      ]);
      // After a comma it reads as the cell would uncut: a unit apart, a name's words on.
      expect(read("Відділ освіти,", "робоча група")).toEqual(["Відділ освіти", "робоча група"]);
      expect(read("Відділ освіти,", "міська ЖЕК")).toEqual(["Відділ освіти", "міська ЖЕК"]);
      expect(read("Управління освіти,", "культури, молоді та спорту")).toEqual([
        "Управління освіти, культури, молоді та спорту",
      ]);
      expect(read("Відділ з питань НС,", "ЦЗ та оборонної роботи")).toEqual([
        "Відділ з питань НС, ЦЗ та оборонної роботи",
      ]);
    }
  });

  it("reads a direction printed as a line of its own, without the row's empty cells", () => {
    const header = [
      `Назва заходу${T}Виконавці${T}Строк${T}Джерела фінансування${T}Обсяг, тис. грн${T}${T}${T}Очікуваний результат`,
      `${T}${T}${T}${T}Всього${T}2026${T}2027${T}`,
    ];
    const rows = rowsUnder(header).map((line) => line.replace(/\t+$/, ""));
    const { programme: read, findings } = programme(rows);
    expect(read.directions.map((direction) => [direction.number, direction.items.length])).toEqual([
      ["1", 1],
      ["4", 1],
    ]);
    expect(findings.map((finding) => finding.code)).not.toContain("import.no-direction");
  });

  it("names a row whose empty year cells were left out: the years of its amounts are a guess", () => {
    const cells = (...texts: string[]) => texts.map((text) => `${T}${text}`);
    const header = [
      ...cells("Назва завдання", "Назва проєкту", "Відповідальні за виконання", "Строки виконання"),
      ...cells("Джерела фінансування", "Обсяги фінансування, тис. грн", "Очікувані результати"),
      "",
      ...cells("", "", "", "", "", "Всього", "2026", "2027", ""),
      "",
      ...cells("1. Напрям"),
      "",
    ];
    const project = (number: string, amounts: string[]) => [
      ...cells(`${number}. Захід`, `${number}. Захід`, "Відділ освіти", "2026-2027", "місцевий бюджет"),
      ...cells(...amounts, "Результат"),
      "",
    ];
    const { findings, programme: read } = programme([
      ...header,
      ...project("1.1", ["30,0", "30,0"]),
      ...project("1.2", ["30,0", "10,0", "20,0"]),
    ]);
    const guessed = findings.filter((finding) => finding.code === "import.years-guessed");
    const funded = allItems(read).filter((item) => item.funding.length > 0);
    expect(funded.map((item) => item.funding[0]?.byYear)).toEqual([
      { "2026": 3_000_000 },
      { "2026": 1_000_000, "2027": 2_000_000 },
    ]);
    expect(guessed.map((finding) => finding.location.ref)).toEqual([funded[0] && ref.item(funded[0])]);
  });

  it("places the amounts of a row whose empty year cells were left out in the years its deadline names", () => {
    const cells = (...texts: string[]) => texts.map((text) => `${T}${text}`);
    const header = [
      ...cells("Назва завдання", "Назва проєкту", "Відповідальні за виконання", "Строки виконання"),
      ...cells("Джерела фінансування", "Обсяги фінансування, тис. грн", "Очікувані результати"),
      "",
      ...cells("", "", "", "", "", "Всього", "2026", "2027", "2028", ""),
      "",
      ...cells("1. Напрям"),
      "",
    ];
    const row = (first: string, deadline: string, source: string, amounts: string[]) => [
      ...cells(
        first,
        "",
        first ? "Відділ освіти" : "",
        deadline,
        source,
        ...amounts,
        first ? "Результат" : "",
      ),
      "",
    ];
    const { findings, programme: read } = programme([
      ...header,
      ...row("1.1. Захід", "2027 рік", "місцевий бюджет", ["30,0", "30,0"]),
      ...row("1.2. Захід", "2027-2028 роки", "місцевий бюджет", ["30,0", "10,0", "20,0"]),
      ...row("1.3. Захід", "2026 – 2027 рр.", "Загальний обсяг, у тому числі:", ["30,0", "10,0", "20,0"]),
      ...row("", "", "інші джерела", ["30,0", "10,0", "20,0"]),
      ...row("1.4. Захід", "Протягом дії Програми", "Загальний обсяг, у тому числі:", ["5,0", "5,0"]),
      ...row("", "", "інші джерела", ["5,0", "5,0"]),
    ]);
    const guessed = findings.filter((finding) => finding.code === "import.years-guessed");
    const funded = allItems(read).filter((item) => item.funding.length > 0);
    expect(funded.map((item) => item.funding.map((funding) => funding.byYear))).toEqual([
      [{ "2027": 3_000_000 }],
      [{ "2027": 1_000_000, "2028": 2_000_000 }],
      [
        { "2026": 1_000_000, "2027": 2_000_000 },
        { "2026": 1_000_000, "2027": 2_000_000 },
      ],
      // "Протягом дії Програми" names no year: the total is read from the left, and said to be a guess;
      // its source then follows the total's year.
      [{ "2026": 500_000 }, { "2026": 500_000 }],
    ]);
    expect(guessed.map((finding) => finding.location.ref)).toEqual([funded[3] && ref.item(funded[3])]);
  });

  it("aligns the stated totals that left empty year cells out to the years the rows they total fund", () => {
    const cells = (...texts: string[]) => [...texts.map((text) => `${T}${text}`), ""];
    const header = [
      ...cells(
        "Назва завдання",
        "Назва проєкту",
        "Відповідальні за виконання",
        "Строки виконання",
        "Джерела фінансування",
        "Обсяги фінансування, тис. грн",
        "Очікувані результати",
      ),
      ...cells("", "", "", "", "", "Всього", "2026", "2027", "2028", ""),
      ...cells("1. Напрям"),
    ];
    const project = (number: string, deadline: string, source: string, amounts: string[]) =>
      cells(`${number}. Захід`, "", "Відділ освіти", deadline, source, ...amounts, "Результат");
    const { findings, programme: read } = programme([
      ...header,
      ...project("1.1", "2027 рік", "місцевий бюджет", ["30,0", "30,0"]),
      ...project("1.2", "2028 рік", "державний бюджет", ["20,0", "20,0"]),
      ...cells("Всього за напрямом 1", "місцевий бюджет", "30,0", "30,0"),
      ...cells("", "державний бюджет", "20,0", "20,0"),
      // The programme's local row states two years where the projects fund one: not placed, named.
      ...cells("Всього за Програмою", "місцевий бюджет", "40,0", "10,0", "30,0"),
    ]);
    const totals = read.directions[0]?.declaredTotals.map((row) => [row.source, row.byYear, row.total]);
    expect(totals).toEqual([
      ["local", { "2027": 3_000_000 }, 3_000_000],
      ["state", { "2028": 2_000_000 }, 2_000_000],
    ]);
    expect(read.declaredTotals.map((row) => [row.source, row.byYear, row.total])).toEqual([
      ["local", {}, 4_000_000],
    ]);
    const unread = findings.filter((finding) => finding.code === "import.unread-number");
    expect(unread.map((finding) => /«(.*?)»/.exec(finding.message)?.[1])).toEqual(["10,0", "30,0"]);
  });

  it("warns when tasks come before any direction and when the passport misses fields", () => {
    const withValidation = (table: string[]) =>
      importText([...passport, "", "Додаток 1", ...table].join("\n"));
    const { findings } = withValidation([
      `Назва заходу${T}Виконавці${T}Строк${T}Джерела фінансування${T}Обсяг, тис. грн${T}${T}Очікуваний результат`,
      `${T}${T}${T}${T}2026${T}2027${T}`,
      `Захід без напряму${T}Відділ освіти${T}2026${T}місцевий бюджет${T}1${T}2${T}Результат`,
    ]);
    const codes = findings.map((finding) => finding.code);
    expect(codes).toContain("import.no-direction");
    expect(codes).toContain("passport.not-agreed");
    // Each missing field once, by the validator (the importer no longer repeats it as a warning): 3, 5–8
    // and 10; field 4 is passport.not-agreed.
    const missing = findings.filter((finding) =>
      /passport-field-missing|passport\.missing-field/.test(finding.code),
    );
    expect(missing.map((finding) => finding.code)).toEqual(Array(6).fill("passport.missing-field"));
  });
});

describe("task tables broken by page furniture", () => {
  const T = "\t";
  const head = [
    `1.${T}Найменування територіальної громади${T}Тестова сільська територіальна громада`,
    `2.${T}Код за Кодифікатором${T}UA01020030040050060`,
    "",
    "Додаток 1",
    `Назва заходу${T}Виконавці${T}Строк${T}Джерела фінансування${T}Обсяг, тис. грн${T}${T}Очікуваний результат`,
    `${T}${T}${T}${T}2026${T}2027${T}`,
    `1. Напрям${T}${T}${T}${T}${T}${T}`,
    `1.1. Перший захід${T}Відділ освіти${T}2026${T}місцевий бюджет${T}1${T}2${T}Результат`,
  ];
  const tail = [
    `1.2. Другий захід${T}Відділ культури${T}2027${T}інші джерела${T}3${T}4${T}Результат`,
    "",
    "Додаток 2",
  ];

  function items(middle: string[]): string[] {
    const { programme } = interpretBlocks(readTextBlocks([...head, ...middle, ...tail].join("\n")));
    return programme.directions.flatMap((direction) => direction.items.map((each) => each.number));
  }

  it("skips a page number between rows", () => {
    expect(items(["", "2", ""])).toEqual(["1.1.", "1.2."]);
  });

  it("skips the header repeated at the top of the next page", () => {
    expect(items([head[4] ?? "", head[5] ?? ""])).toEqual(["1.1.", "1.2."]);
  });

  it("continues into a headerless table after a page heading", () => {
    expect(items(["", "Перелік заходів (продовження таблиці з попередньої сторінки)", ""])).toEqual([
      "1.1.",
      "1.2.",
    ]);
  });
});

describe("the programme's title", () => {
  it.each([
    [
      "ПАСПОРТ\nПрограми цифрової трансформації Тестової громади\nна 2026–2028 роки\n",
      "Програма цифрової трансформації Тестової громади на 2026–2028 роки",
    ],
    ["Паспорт програми інформатизації Тестової громади\n", "Програма інформатизації Тестової громади"],
    ["ПРОГРАМА\nцифрового розвитку Тестової громади\n", "ПРОГРАМА цифрового розвитку Тестової громади"],
    // An annex published alone: its caption names the programme.
    [
      "Додаток 2\nдо Програми цифрового розвитку Тестової громади\n",
      "Програма цифрового розвитку Тестової громади",
    ],
    ["Додаток 2\nПеребіг реалізації\n", ""],
  ])("%j → %s", (text, title) => {
    expect(readTitle(readTextBlocks(text))).toBe(title);
  });
});
