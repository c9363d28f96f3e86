import { describe, expect, it } from "vitest";
import { ref } from "../../src/domain/model.js";
import { importText } from "../../src/import/index.js";

/** A task table with "Завдання N." headings printed as lines of their own and «Разом за завданням N» under each. */
function table(stateAmount: string, task2TotalSource = ""): string {
  return [
    "№\tНайменування завдання / проєкту\tВиконавець\tТермін виконання\tДжерело фінансування\tОбсяг фінансування, тис. грн\t\t\tОчікуваний результат",
    "\t\t\t\t\t2026\t2027\t2028\t",
    "Пріоритетний напрям 1. Цифрова інфраструктура",
    "Завдання 1. Забезпечення доступу до швидкісного інтернету",
    "1.1\tПідключення закладів освіти до оптичного інтернету\tУправління освіти\t2026–2027\tБюджет громади\t350,0\t400,0\t–\tПідключено 12 закладів",
    "1.2\tОблаштування точок доступу Wi-Fi\tВідділ цифрового розвитку\t2026\tБюджет громади\t120,0\t–\t–\tПрацює 8 точок доступу",
    "\tРазом за завданням 1\t\t\t\t470,0\t400,0\t–\t",
    "Завдання 2. Оновлення комп'ютерної техніки",
    "2.1\tЗакупівля комп'ютерів для ЦНАП\tЦНАП\t2027\tБюджет громади\t–\t250,0\t–\tОновлено 10 робочих місць",
    `\t\t\t\tДержавний бюджет\t–\t${stateAmount}\t–\t`,
    `\tРазом за завданням 2\t\t\t${task2TotalSource}\t–\t350,0\t–\t`,
    "\tВСЬОГО ЗА ПРОГРАМОЮ\t\t\t\t470,0\t750,0\t–\t",
  ].join("\n");
}

describe("task headings and their stated totals", () => {
  it("reads the projects under their task, and checks «Разом за завданням» against the task's projects", () => {
    const read = importText(table("100,0"));
    const items = read.programme.directions.flatMap((direction) => direction.items);
    expect(
      items.map((item) => [item.number, item.title, item.children.map((child) => child.number)]),
    ).toEqual([
      ["1", "Забезпечення доступу до швидкісного інтернету", ["1.1", "1.2"]],
      ["2", "Оновлення комп'ютерної техніки", ["2.1"]],
    ]);
    const codes = read.findings.map((finding) => finding.code);
    expect(codes.filter((code) => /subtotal|\.total$/.test(code))).toEqual([]);
    expect(read.coverage?.numbersFlagged).toBe(0);
  });

  it("names the task whose stated total differs from its projects' sum, and not the direction", () => {
    const read = importText(table("90,0"));
    const subtotal = read.findings.filter((finding) => finding.code === "import.task-subtotal");
    expect(subtotal).toHaveLength(1);
    expect(subtotal[0]?.message).toContain("завдання 2");
    expect(subtotal[0]?.message).toContain("350,0");
    expect(subtotal[0]?.message).toContain("340,0");
    expect(read.findings.map((finding) => finding.code)).not.toContain("direction.subtotal");
  });

  it("names the sum it compared: all the task's projects' for a total naming several sources", () => {
    const read = importText(table("90,0", "Бюджет громади, державний бюджет"));
    const subtotal = read.findings.filter((finding) => finding.code === "import.task-subtotal");
    expect(subtotal).toHaveLength(1);
    expect(subtotal[0]?.message).toContain("350,0");
    expect(subtotal[0]?.message).toContain("сума його проєктів — 340,0");
  });
});

/** Tasks numbered in «№» and printed with their own amounts in their row, their projects under them. */
function taskRows(firstTaskIn2026: string): string {
  return [
    "№ з/п\tНазва завдання, заходу\tВиконавці\tТермін виконання\tДжерела фінансування\tОбсяг фінансування, тис. грн\t\t\tОчікуваний результат",
    "\t\t\t\t\t2026\t2027\t2028\t",
    `1.\tЗавдання 1. Розвиток інфраструктури\tВідділ ІТ\t2026-2028\tБюджет громади\t${firstTaskIn2026}\t100,0\t100,0\t`,
    "1.1.\tЗакупівля комп'ютерів\tВідділ ІТ\t2026-2028\tБюджет громади\t100,0\t50,0\t50,0\tОновлено ПК",
    "1.2.\tМодернізація мережі\tВідділ ІТ\t2026-2028\tБюджет громади\t50,0\t50,0\t50,0\tМережа працює",
    "2.\tЗавдання 2. Електронні послуги\tЦНАП\t2026\tБюджет громади\t30,0\t-\t-\t",
    "2.1.\tЕлектронна черга\tЦНАП\t2026\tБюджет громади\t30,0\t-\t-\tЗапис онлайн",
    "\tВсього за Програмою\t\t\t\t180,0\t100,0\t100,0\t",
  ].join("\n");
}

describe("a task's own row printing the sum of its projects", () => {
  it("is the task's stated total, not money beside its projects: the programme adds up once", () => {
    const read = importText(taskRows("150,0"));
    const tasks = read.programme.directions.flatMap((direction) => direction.items);
    expect(tasks.map((task) => [task.number, task.title, task.funding.length])).toEqual([
      ["1.", "Розвиток інфраструктури", 0],
      ["2.", "Електронні послуги", 0],
    ]);
    const codes = read.findings.map((finding) => finding.code);
    expect(codes.filter((code) => /total|subtotal/.test(code))).toEqual([]);
    expect(read.coverage?.numbersPlaced).toBe(read.coverage?.numbersSeen);
  });

  it("reads amounts that differ from its projects' as a mistyped subtotal: named at the task's row, counted once", () => {
    const read = importText(taskRows("160,0"));
    const first = read.programme.directions[0]?.items[0];
    expect(first?.funding).toEqual([]);
    const subtotal = read.findings.filter((finding) => finding.code === "import.task-subtotal");
    expect(subtotal.map((finding) => finding.location)).toEqual([{ line: 3, ref: first && ref.item(first) }]);
    expect(subtotal[0]?.message).toContain(
      "2026 рік: зазначено 160,0 тис. грн, а сума його проєктів — 150,0 тис. грн",
    );
    const codes = read.findings.map((finding) => finding.code);
    expect(codes.filter((code) => /total|subtotal/.test(code))).toEqual(["import.task-subtotal"]);
    expect(read.coverage?.numbersPlaced).toBe(read.coverage?.numbersSeen);
  });

  it("keeps a task's own amounts when its projects carry none", () => {
    const rows = taskRows("150,0").split("\n");
    rows[3] =
      "1.1.\tЗакупівля комп'ютерів\tВідділ ІТ\t2026-2028\tНе потребує фінансування\t\t\t\tОновлено ПК";
    rows[4] = "1.2.\tМодернізація мережі\tВідділ ІТ\t2026-2028\tВ межах кошторису\t\t\t\tМережа працює";
    rows[7] = "\tВсього за Програмою\t\t\t\t180,0\t100,0\t100,0\t";
    const read = importText(rows.join("\n"));
    const first = read.programme.directions[0]?.items[0];
    expect(first?.funding.map((row) => row.total)).toEqual([35_000_000]);
    const codes = read.findings.map((finding) => finding.code);
    expect(codes.filter((code) => /total|subtotal/.test(code))).toEqual([]);
  });

  it("keeps a task's own amounts beside its projects' when the printed totals count both", () => {
    const rows = taskRows("160,0").split("\n");
    rows[7] = "\tВсього за Програмою\t\t\t\t340,0\t200,0\t200,0\t";
    const read = importText(rows.join("\n"));
    const first = read.programme.directions[0]?.items[0];
    expect(first?.funding.map((row) => row.total)).toEqual([36_000_000]);
    const codes = read.findings.map((finding) => finding.code);
    expect(codes.filter((code) => /total|subtotal/.test(code))).toEqual([]);
  });
});
