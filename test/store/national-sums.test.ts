/**
 * The precomputed national sums: a published programme's money by year and category, refreshed when it
 * is published or unpublished and when a new version of it is written (a whole edit or one project).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Item, Programme } from "../../src/domain/model.js";
import { projectFields } from "../../src/domain/project-edit.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { programmeTotals } from "../../src/domain/totals.js";
import { validateProgramme } from "../../src/domain/validate.js";
import { nationalView } from "../../src/opendata/aggregates.js";
import type { Store } from "../../src/store/index.js";
import { saveProjectEdit } from "../../src/store/project-edit.js";
import { changeStatus } from "../../src/store/publication.js";
import { openTestStore } from "../support/db.js";

/** Year → money of the programme in the national sums, all categories together. */
async function sumsByYear(store: Store, programmeId: number): Promise<Record<string, number>> {
  const rows = await store
    .kysely()
    .selectFrom("national_sums")
    .select(["year", "amount_kopecks", "version"])
    .where("programme_id", "=", programmeId)
    .execute();
  const out: Record<string, number> = {};
  for (const row of rows) out[String(row.year)] = (out[String(row.year)] ?? 0) + Number(row.amount_kopecks);
  return out;
}

async function versionsInSums(store: Store, programmeId: number): Promise<number[]> {
  const rows = await store
    .kysely()
    .selectFrom("national_sums")
    .select("version")
    .distinct()
    .where("programme_id", "=", programmeId)
    .execute();
  return rows.map((row) => row.version);
}

function firstFunded(programme: Programme): Item {
  const item = programme.directions.flatMap((d) => d.items).find((each) => each.funding[0]?.byYear);
  if (!item) throw new Error("no funded project");
  return item;
}

describe("national sums", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let id: number;
  const programme = demoProgramme();
  const year = String(programme.period.from);

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    id = (await store.saveImport({ programme, findings: [] }, { name: "demo", sha256: "demo" })).programmeId;
  });
  afterAll(async () => dispose());

  it("hold nothing of a draft", async () => {
    expect(await sumsByYear(store, id)).toEqual({});
  });

  it("are filled on publish with the programme's money per year, and the national view reads them", async () => {
    expect((await changeStatus(store, id, "published", null, "test")).outcome).toBe("changed");
    expect(await sumsByYear(store, id)).toEqual(programmeTotals(programme).byYear);
    expect(await versionsInSums(store, id)).toEqual([1]);
    const view = await nationalView(store.kysely(), Number(year));
    expect(view.total_kopecks).toBe(programmeTotals(programme).byYear[year]);
    expect(view.communities).toBe(1);
  });

  it("follow a new version of a published programme: one project's amount changed", async () => {
    const item = firstFunded(programme);
    const fields = structuredClone(projectFields(item));
    const row = fields.funding[0];
    if (!row) throw new Error("no row");
    const rowYear = Object.keys(row.byYear)[0] ?? year;
    row.byYear[rowYear] = (row.byYear[rowYear] ?? 0) + 500_00;
    row.total += 500_00;
    const saved = await saveProjectEdit(store, {
      programmeId: id,
      itemId: item.id,
      fields,
      baseVersion: 1,
      validate: validateProgramme,
      actor: null,
    });
    expect(saved.outcome).toBe("saved");
    const expected = programmeTotals(programme).byYear;
    expected[rowYear] = (expected[rowYear] ?? 0) + 500_00;
    expect(await sumsByYear(store, id)).toEqual(expected);
    expect(await versionsInSums(store, id)).toEqual([2]);
    expect((await nationalView(store.kysely(), Number(rowYear))).total_kopecks).toBe(expected[rowYear]);
  });

  it("follow a whole edit and are emptied when the programme is unpublished", async () => {
    const edited = structuredClone(programme);
    edited.directions = edited.directions.slice(0, 1);
    await store.saveEdit(id, edited, []);
    expect(await sumsByYear(store, id)).toEqual(programmeTotals(edited).byYear);
    expect(await store.setStatus(id, "draft")).toBe(true);
    expect(await sumsByYear(store, id)).toEqual({});
    expect((await nationalView(store.kysely(), Number(year))).communities).toBe(0);
  });
});
