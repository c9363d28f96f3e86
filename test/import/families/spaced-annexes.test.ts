import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importText } from "../../../src/import/index.js";
import type { WordBlock } from "../../support/word-document.js";
import { givesAnnexesBack, model, render, style } from "./indicator-annexes.js";
import { PROPERTY_RUNS } from "./model.js";
import { RUNS } from "./render.js";
import { renderSpacedBlocks, spacedDocument, spacedStyle } from "./space-aligned.js";
import { taskTableView } from "./view.js";

/**
 * Family 4's annexes (the indicator list, the monitoring variables) as `pdftotext -layout` writes them:
 * every table, the passport's too, in columns aligned with spaces, cells wrapped in their columns, the
 * header printed again after each page break; the targets a column per year or, drawn after the rest,
 * in one cell that wraps over lines («2026 – 70;» over «2027 – 90», a year's label over its dash, a
 * value's last digits alone on the page's last line); and, drawn last, page breaks that may cut a row of
 * two or more lines, its rest under the header printed again («показник» over «2.2, В – показник 2.3»
 * on the next page, or a rest starting with a capital in the name column: «Wi-Fi цифрових»).
 */
const spacedAnnexes = fc
  .tuple(model, style, spacedStyle, fc.boolean(), fc.boolean())
  .map(([m, s, layout, targetsInOneCell, cutRows]) => {
    const rendered = render(m, {
      ...s,
      breaks: [],
      mergeDirections: false,
      shift: false,
      targetCell: targetsInOneCell ? s.targetCell : null,
    });
    return { ...rendered, text: renderSpacedBlocks(rendered.word, layout, cutRows) };
  });

describe("family 4 aligned with spaces", () => {
  it(`import(render(annexes)) gives the indicators and variables back (${RUNS} seeds)`, () => {
    fc.assert(
      fc.property(spacedAnnexes, (rendered) => {
        givesAnnexesBack(importText(rendered.text), rendered);
      }),
      PROPERTY_RUNS,
    );
  }, 120_000);
});

describe("family 4 aligned with spaces right after the task table, on the same page", () => {
  it(`reads both the task table and the annexes (${Math.ceil(RUNS / 4)} seeds)`, () => {
    fc.assert(
      fc.property(spacedDocument, spacedAnnexes, ({ model: tasks, text: table }, annexes) => {
        // The annexes without the passport the family prints before them.
        const text = `${table.trimEnd()}\n\n${annexes.text.slice(annexes.text.indexOf("Додаток"))}`;
        const result = importText(text);
        expect(taskTableView(result.programme), text).toEqual(tasks.directions);
        givesAnnexesBack(result, { ...annexes, text });
      }),
      { ...PROPERTY_RUNS, numRuns: Math.ceil(PROPERTY_RUNS.numRuns / 4) },
    );
  }, 120_000);
});

/**
 * A council's resources table («Ресурсне забезпечення Програми»: a row per source and a total row by
 * the task table's years, «Усього витрат» last), with or without its caption, laid out on its own
 * columns right after the task table: read as `Programme.resources`, its numbers placed.
 */
const resourcesTable = (years: string[]) =>
  fc
    .record({
      caption: fc.boolean(),
      amounts: fc.array(
        fc.array(fc.integer({ min: 0, max: 9_999_999 }), {
          minLength: years.length + 1,
          maxLength: years.length + 1,
        }),
        {
          minLength: 3,
          maxLength: 3,
        },
      ),
    })
    .map(({ caption, amounts }) => {
      const labels = ["Бюджет громади, тис. грн", "Інші джерела, тис. грн", "Усього, тис. грн"];
      const print = (value: number) =>
        value === 0 ? "-" : `${String(value).replace(/\B(?=(\d{3})+$)/g, " ")},0`;
      const rows = amounts.map((values, index) => [labels[index] ?? "", ...values.map(print)]);
      const header = [
        "Обсяг коштів, які пропонується залучити на виконання Програми",
        ...years,
        "Усього витрат",
      ];
      const table: WordBlock = { kind: "table", rows: [header, ...rows], headerRows: 1 };
      const numbers = amounts.flat().filter((value) => value !== 0).length;
      // As read: each row's years and its «Усього витрат», in kopecks (a dash is zero).
      const read = amounts.map((values, index) => ({
        source: ["local", "other", "total"][index],
        byYear: Object.fromEntries(years.map((year, at) => [year, (values[at] ?? 0) * 100_000])),
        total: (values[years.length] ?? 0) * 100_000,
      }));
      return {
        blocks: caption
          ? [{ kind: "paragraph" as const, text: "Таблиця 3. Ресурсне забезпечення Програми" }, table]
          : [table],
        numbers,
        read,
      };
    });

describe("family 1 aligned with spaces with a resources table under it, on the same page", () => {
  it(`reads the task table alone and the resources table as the programme's resources (${Math.ceil(RUNS / 4)} seeds)`, () => {
    const documents = spacedDocument.chain((document) =>
      resourcesTable(document.model.years).map((resources) => ({ document, resources })),
    );
    fc.assert(
      fc.property(documents, ({ document: { model: tasks, text: table, style }, resources }) => {
        const text = `${table.trimEnd()}\n${renderSpacedBlocks(resources.blocks, style)}`;
        const { programme, coverage } = importText(text);
        expect(taskTableView(programme), text).toEqual(tasks.directions);
        const alone = importText(table).coverage;
        expect(coverage, text).toEqual({
          numbersSeen: (alone?.numbersSeen ?? 0) + resources.numbers,
          numbersPlaced: (alone?.numbersPlaced ?? 0) + resources.numbers,
          numbersFlagged: alone?.numbersFlagged,
        });
        const read = (programme.resources ?? []).map(({ source, byYear, total }) => ({
          source,
          byYear,
          total,
        }));
        expect(read, text).toEqual(resources.read);
      }),
      { ...PROPERTY_RUNS, numRuns: Math.ceil(PROPERTY_RUNS.numRuns / 4) },
    );
  }, 120_000);
});
