import { describe, expect, it } from "vitest";
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
