/**
 * Imports and edits of one community's programme at the same time: every one is saved (on PostgreSQL
 * they once deadlocked over the community's row, `npm run test:pg`), and an import still fills an
 * existing community's missing oblast and population.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectFields } from "../../src/domain/project-edit.js";
import { validateProgramme } from "../../src/domain/validate.js";
import { importText } from "../../src/import/index.js";
import type { Store } from "../../src/store/index.js";
import { saveProjectEdit } from "../../src/store/project-edit.js";
import { FIXTURES } from "../import/support.js";
import { openTestStore } from "../support/db.js";

const ROMNY = "UA59060110000049734";
const romny = () => importText(readFileSync(path.join(FIXTURES, "romny-2026-2028.txt"), "utf8"));

/** These writes are all counted as versions: an unchanged re-import insists on its own. */
const INSIST = { saveIdentical: true };

describe("concurrent writes to one community", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
  });
  afterAll(async () => dispose());

  const community = () =>
    store
      .kysely()
      .selectFrom("communities")
      .selectAll()
      .where("katottg", "=", ROMNY)
      .executeTakeFirstOrThrow();

  it("fills an existing community's missing oblast and population on import", async () => {
    await store
      .kysely()
      .insertInto("communities")
      .values({ katottg: ROMNY, name: "Роменська громада" })
      .execute();
    await store.saveImport(romny(), { name: "romny.txt", sha256: "r0" });
    expect(await community()).toMatchObject({ oblast: "Сумська область", population: 54264 });
  });

  it("saves every import and whole edit made at once, each as its own version", async () => {
    const { programmeId, version } = await store.saveImport(
      romny(),
      { name: "romny.txt", sha256: "r1" },
      null,
      undefined,
      INSIST,
    );
    const programme = romny().programme;
    const writes = Array.from({ length: 12 }, (_, index) =>
      index % 2 === 0
        ? store.saveImport(romny(), { name: "romny.txt", sha256: `c${index}` }, null, undefined, INSIST)
        : store.saveEdit(
            programmeId,
            { ...programme, title: `Зміна ${index}` },
            validateProgramme(programme),
          ),
    );
    const saved = await Promise.all(writes);
    expect(saved.every((each) => each?.programmeId === programmeId)).toBe(true);
    expect((await store.listVersions(programmeId)).length).toBe(version + writes.length);
  });

  it("saves a project edit on the latest version while imports of the community run", async () => {
    const latest = await store.getProgramme((await store.listProgrammes())[0]?.id ?? 0);
    if (!latest) throw new Error("not stored");
    const item = latest.programme.directions[0]?.items[0];
    if (!item) throw new Error("no project");
    const fields = { ...structuredClone(projectFields(item)), title: "Проєкт, змінений під час імпорту" };
    const [edit] = await Promise.all([
      saveProjectEdit(store, {
        programmeId: latest.summary.id,
        itemId: item.id,
        fields,
        baseVersion: latest.version.version,
        validate: validateProgramme,
        actor: null,
      }),
      store.saveImport(romny(), { name: "romny.txt", sha256: "p1" }, null, undefined, INSIST),
      store.saveImport(romny(), { name: "romny.txt", sha256: "p2" }, null, undefined, INSIST),
    ]);
    expect(["saved", "conflict"]).toContain(edit.outcome);
  });
});
