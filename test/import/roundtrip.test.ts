import { describe, expect, it } from "vitest";
import { allItems, type Programme } from "../../src/domain/model.js";
import { exportDocx } from "../../src/export/docx.js";
import { importDocument } from "../../src/import/index.js";
import { fixtureNames, importFixture } from "./support.js";

/** What must survive text → programme → DOCX (export) → blocks (DOCX reader) → programme. */
function essentials(programme: Programme) {
  return {
    community: programme.community,
    period: programme.period,
    unit: programme.unit,
    passportTotal: programme.passport.funding.total,
    directions: programme.directions.map((direction) => [direction.number, direction.title]),
    items: allItems(programme).map((item) => ({
      id: item.id,
      number: item.number,
      title: item.title,
      executors: item.executors,
      deadlineText: item.deadlineText,
      // The exporter prints a "Загальний обсяг" row over any item with several sources.
      funding: item.funding
        .filter((row) => row.source !== "total")
        .map((row) => [row.source, row.total, row.byYear]),
    })),
    indicators: programme.indicators.map((indicator) => [indicator.name, indicator.unit, indicator.baseline]),
  };
}

describe.each(fixtureNames())("the interpreter reads a DOCX export of %s back", (name) => {
  it("with the same directions, items, funding and indicators", async () => {
    const { programme } = importFixture(name);
    const back = await importDocument(await exportDocx(programme), "programme.docx");
    expect(essentials(back.programme)).toEqual(essentials(programme));
  });
});

describe.each(fixtureNames())("a DOCX export of %s in another unit reads back", (name) => {
  // The real passports name «тис. грн» in field 10 (or nothing): the passport stays in the unit its
  // words name while the annex is printed, and read, in the programme's.
  it.each(["uah", "million"] as const)("in «%s», with the same amounts", async (unit) => {
    const programme: Programme = { ...importFixture(name).programme, unit };
    const back = await importDocument(await exportDocx(programme), "programme.docx");
    expect(essentials(back.programme)).toEqual(essentials(programme));
  });
});
