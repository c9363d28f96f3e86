import { describe, expect, it } from "vitest";
import { importText } from "../../src/import/index.js";

/**
 * A `№` column beside the task and project columns that numbers every row (`1.`, `2.`, `3.` on rows
 * that print a task and its project, or a project alone), no project cell printing a number: the
 * numbers are the projects', each direction's tasks numbered `direction.N`, and a task name printed
 * again on its next project's row is the same task. The generator draw is family 1's
 * `HeaderShape.rowNumbers` (`test/import/layout-families.test.ts`).
 */
const T = "\t";
const row = (cells: string[]) => cells.join(T);

function table(repeatTask: boolean): string {
  return [
    "Додаток 1",
    "",
    row([
      "№",
      "Назва завдання",
      "Назва проєкту, робіт з інформатизації",
      "Відповідальні за виконання",
      "Строки виконання",
      "Джерела фінансування",
      "Обсяги фінансування, тис. грн",
      "",
      "",
      "Очікувані результати",
    ]),
    row(["", "", "", "", "", "", "Всього", "2026", "2027", ""]),
    row(["", "Пріоритетний напрям 1. Цифрове врядування", ...Array(8).fill("")]),
    row(
      ["1.", "Електронні послуги", "Впровадження СЕД", "Відділ цифрового розвитку", "2026-2027 роки"].concat([
        "Місцевий бюджет",
        "200,0",
        "100,0",
        "100,0",
        "СЕД працює",
      ]),
    ),
    row([
      "2.",
      repeatTask ? "Електронні послуги" : "",
      "Оновлення техніки",
      "Відділ цифрового розвитку",
      "2026 рік",
      "Місцевий бюджет",
      "50,0",
      "50,0",
      "",
      "Техніку оновлено",
    ]),
    row(["", "Пріоритетний напрям 2. Освіта", ...Array(8).fill("")]),
    row(
      ["3.", "Цифрова освіта", "Підключення шкіл", "Відділ освіти", "2027 рік"].concat([
        "Місцевий бюджет",
        "80,0",
        "",
        "80,0",
        "Школи підключено",
      ]),
    ),
    row(["", "Всього за Програмою", "", "", "", "", "330,0", "150,0", "180,0", ""]),
    "",
  ].join("\n");
}

describe("a № column numbering every row of a task and project table", () => {
  for (const repeatTask of [true, false]) {
    it(`gives the numbers to the projects (task name ${repeatTask ? "on every row" : "on its first row"})`, () => {
      const result = importText(table(repeatTask));
      const shape = result.programme.directions.map((direction) => ({
        number: direction.number,
        title: direction.title,
        tasks: direction.items.map((task) => ({
          number: task.number,
          title: task.title,
          projects: task.children.map((project) => `${project.number} ${project.title}`),
        })),
      }));
      expect(shape).toEqual([
        {
          number: "1",
          title: "Цифрове врядування",
          tasks: [
            {
              number: "1.1",
              title: "Електронні послуги",
              projects: ["1. Впровадження СЕД", "2. Оновлення техніки"],
            },
          ],
        },
        {
          number: "2",
          title: "Освіта",
          tasks: [{ number: "2.1", title: "Цифрова освіта", projects: ["3. Підключення шкіл"] }],
        },
      ]);
      expect(result.coverage?.numbersFlagged).toBe(0);
    });
  }
});
