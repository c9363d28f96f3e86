/**
 * A project edit rewrites only that item's rows of the query tables; they must end as a whole
 * rewrite of the new version would leave them (category from the new title included).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectFields } from "../../src/domain/project-edit.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { validateProgramme } from "../../src/domain/validate.js";
import type { Store } from "../../src/store/index.js";
import { normalizeProgramme } from "../../src/store/normalize.js";
import { saveProjectEdit } from "../../src/store/project-edit.js";
import { openTestStore } from "../support/db.js";

async function queryRows(store: Store, programmeId: number) {
  const db = store.kysely();
  const items = await db
    .selectFrom("items")
    .select(["id", "number", "title", "executors", "expected_result", "category", "depth", "position"])
    .where("programme_id", "=", programmeId)
    .orderBy("id")
    .execute();
  const funding = await db
    .selectFrom("funding_rows")
    .select(["item_id", "direction", "source", "label", "year", "amount_kopecks"])
    .where("programme_id", "=", programmeId)
    .orderBy("item_id")
    .orderBy("source")
    .orderBy("label")
    .orderBy("year")
    .execute();
  const summaries = await db
    .selectFrom("programme_summaries")
    .select(["year", "source", "category", "amount_kopecks"])
    .where("programme_id", "=", programmeId)
    .orderBy("year")
    .orderBy("source")
    .orderBy("category")
    .execute();
  return {
    items,
    funding: funding.map((row) => ({ ...row, amount_kopecks: Number(row.amount_kopecks) })),
    summaries,
  };
}

describe("a project edit in the query tables", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
  });
  afterAll(async () => dispose());

  it("leaves the items, funding rows and summaries as a whole rewrite would", async () => {
    const programme = demoProgramme();
    const { programmeId } = await store.saveImport({ programme, findings: [] }, { name: "a", sha256: "a" });
    const item = programme.directions[1]?.items[0];
    if (!item) throw new Error("no project");
    const fields = structuredClone(projectFields(item));
    fields.title = "Придбання серверного обладнання та мережевих комутаторів";
    const row = fields.funding[0];
    if (row) {
      const year = Object.keys(row.byYear)[0] ?? String(programme.period.from);
      row.byYear[year] = (row.byYear[year] ?? 0) + 7_00;
      row.total += 7_00;
    }
    const saved = await saveProjectEdit(store, {
      programmeId,
      itemId: item.id,
      fields,
      baseVersion: 1,
      validate: validateProgramme,
      actor: null,
    });
    if (saved.outcome !== "saved") throw new Error(saved.outcome);
    const narrow = await queryRows(store, programmeId);

    const reference = normalizeProgramme(programmeId, saved.programme);
    expect(narrow.items.find((each) => each.id === item.id)?.category).toBe(
      reference.items.find((each) => each.id === item.id)?.category,
    );
    // The same programme imported again is written whole (a new version of the same programme row).
    const again = await store.saveImport(
      { programme: saved.programme, findings: [] },
      { name: "b", sha256: "b" },
    );
    expect(again).toMatchObject({ programmeId, version: 3 });
    expect(narrow).toEqual(await queryRows(store, programmeId));
  });
});
