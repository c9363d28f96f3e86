/**
 * Programme versions are read from the database once and then from memory; every read must still get
 * the version it asks for, as its own copy, and project edits made from those documents must build on
 * each other (nothing of an earlier edit lost).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Programme } from "../../src/domain/model.js";
import { projectFields } from "../../src/domain/project-edit.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { validateProgramme } from "../../src/domain/validate.js";
import type { Store } from "../../src/store/index.js";
import { saveProjectEdit } from "../../src/store/project-edit.js";
import { cachedVersionCount } from "../../src/store/version-documents.js";
import { openDemoStore } from "../support/db.js";

/** The second project below the first task of the second direction (d2.1.2 in the demo programme). */
function secondProjectOfDirection2(programme: Programme) {
  const item = programme.directions[1]?.items[0]?.children[1];
  if (!item) throw new Error("no nested project");
  return item;
}

function firstProject(programme: ReturnType<typeof demoProgramme>) {
  const item = programme.directions[0]?.items[0];
  if (!item) throw new Error("no project");
  return item;
}

describe("version documents read once per version", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let programmeId: number;
  beforeAll(async () => {
    ({ store, dispose, programmeId } = await openDemoStore());
  });
  afterAll(async () => dispose());

  it("gives every read its own copy of the same version", async () => {
    const first = await store.getProgramme(programmeId);
    if (!first) throw new Error("not stored");
    first.programme.title = "changed by a caller";
    first.findings.push({ code: "x", severity: "error", message: "x", location: { ref: "x" } } as never);
    const second = await store.getProgramme(programmeId);
    expect(second?.programme.title).toBe(demoProgramme().title);
    expect(second?.findings).toEqual([]);
    expect(cachedVersionCount(store.kysely())).toBeGreaterThan(0);
  });

  it("answers the latest version after an edit and the older one when asked by number", async () => {
    const programme = { ...demoProgramme(), title: "Програма після редагування" };
    const saved = await store.saveEdit(programmeId, programme, validateProgramme(programme));
    expect((await store.getProgramme(programmeId))?.programme.title).toBe("Програма після редагування");
    expect((await store.getProgramme(programmeId, 1))?.programme.title).toBe(demoProgramme().title);
    expect((await store.getProgramme(programmeId))?.version.version).toBe(saved?.version);
  });

  it("builds each project edit on the previous one and refuses one made on an older version", async () => {
    const latest = await store.getProgramme(programmeId);
    if (!latest) throw new Error("not stored");
    const item = firstProject(latest.programme);
    const edit = (title: string, baseVersion: number) =>
      saveProjectEdit(store, {
        programmeId,
        itemId: item.id,
        fields: { ...structuredClone(projectFields(item)), title },
        baseVersion,
        validate: validateProgramme,
        actor: null,
      });
    const base = latest.version.version;
    expect((await edit("Перша зміна", base)).outcome).toBe("saved");
    const stale = await edit("Зміна на старій версії", base);
    expect(stale).toEqual({ outcome: "conflict", latestVersion: base + 1 });
    expect((await edit("Друга зміна", base + 1)).outcome).toBe("saved");
    const after = await store.getProgramme(programmeId);
    expect(after?.version.version).toBe(base + 2);
    expect(firstProject(after?.programme ?? demoProgramme()).title).toBe("Друга зміна");
    expect(after?.programme.title).toBe("Програма після редагування");
    expect(
      firstProject((await store.getProgramme(programmeId, base + 1))?.programme ?? demoProgramme()).title,
    ).toBe("Перша зміна");
  });

  it.each([
    ["a project", (programme: Programme) => firstProject(programme)],
    ["a project nested in another", (programme: Programme) => secondProjectOfDirection2(programme)],
  ])(
    "keeps the new version of an edit of %s in memory as stored (the next edit does not fetch it)",
    async (_name, pick) => {
      const latest = await store.getProgramme(programmeId);
      if (!latest) throw new Error("not stored");
      const item = pick(latest.programme);
      const before = cachedVersionCount(store.kysely());
      const saved = await saveProjectEdit(store, {
        programmeId,
        itemId: item.id,
        fields: { ...structuredClone(projectFields(item)), title: `Зміна ${item.id}`, funding: [] },
        baseVersion: latest.version.version,
        validate: validateProgramme,
        actor: null,
      });
      if (saved.outcome !== "saved") throw new Error(saved.outcome);
      expect(cachedVersionCount(store.kysely())).toBe(before + 1);
      const row = await store
        .kysely()
        .selectFrom("programme_versions")
        .select(["document", "findings"])
        .where("programme_id", "=", programmeId)
        .where("version", "=", saved.version)
        .executeTakeFirstOrThrow();
      const parse = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value);
      const kept = await store.getProgramme(programmeId, saved.version);
      expect(kept?.programme).toEqual(parse(row.document));
      expect(pick(parse(row.document) as Programme)).toMatchObject({
        title: `Зміна ${item.id}`,
        funding: [],
      });
      expect(kept?.findings).toEqual(parse(row.findings));
      expect(cachedVersionCount(store.kysely())).toBe(before + 1);
    },
  );
});
