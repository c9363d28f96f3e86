import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { allItems } from "../../src/domain/model.js";
import { importText } from "../../src/import/index.js";
import { type Store, sha256 } from "../../src/store/index.js";
import { FIXTURES } from "../import/support.js";
import { openTestStore } from "../support/db.js";

// Issue 15, item 8: importing the programme the latest version already holds stores nothing and says
// which version it is identical to, unless the caller insists (`saveIdentical`).

const TEXT = readFileSync(path.join(FIXTURES, "romny-2026-2028.txt"), "utf8");
const SOURCE = { name: "romny-2026-2028.txt", sha256: sha256(TEXT) };

describe("re-importing the programme the latest version holds", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dispose } = await openTestStore());
  });
  afterEach(() => dispose());

  const auditCount = async () => (await store.kysely().selectFrom("audit_log").select("id").execute()).length;

  it("stores nothing for the same file, and answers the version it is identical to", async () => {
    const first = await store.saveImport(importText(TEXT), SOURCE, null);
    expect(first).toEqual({ programmeId: expect.any(Number), version: 1, created: true });
    const audits = await auditCount();
    const again = await store.saveImport(importText(TEXT), SOURCE, null);
    expect(again).toEqual({ programmeId: first.programmeId, version: 1, created: false, identicalTo: 1 });
    expect(await store.listVersions(first.programmeId)).toHaveLength(1);
    expect(await auditCount()).toBe(audits);
  });

  it("finds the same programme read from another file (another SHA-256) identical too", async () => {
    const first = await store.saveImport(importText(TEXT), SOURCE);
    // Another file: trailing blank lines change the bytes, not the programme read.
    const other = `${TEXT}\n\n\n`;
    expect(sha256(other)).not.toBe(SOURCE.sha256);
    const again = await store.saveImport(importText(other), { name: "copy.txt", sha256: sha256(other) });
    expect(again.identicalTo).toBe(1);
    expect((await store.listVersions(first.programmeId)).map((each) => each.sourceName)).toEqual([
      SOURCE.name,
    ]);
  });

  it("stores a new version when asked to, and later compares with that latest version", async () => {
    const first = await store.saveImport(importText(TEXT), SOURCE);
    const insisted = await store.saveImport(importText(TEXT), SOURCE, null, undefined, {
      saveIdentical: true,
    });
    expect(insisted).toEqual({ programmeId: first.programmeId, version: 2, created: false });
    expect((await store.getProgramme(first.programmeId))?.programme).toEqual(importText(TEXT).programme);
    const again = await store.saveImport(importText(TEXT), SOURCE);
    expect(again).toMatchObject({ version: 2, identicalTo: 2 });
    expect(await store.listVersions(first.programmeId)).toHaveLength(2);
  });

  it("stores the same file read another way (another unit), and a document that differs", async () => {
    const first = await store.saveImport(importText(TEXT), SOURCE);
    const asUah = importText(TEXT, { unit: "uah" });
    expect(asUah.programme).not.toEqual(importText(TEXT).programme);
    const second = await store.saveImport(asUah, SOURCE);
    expect(second).toEqual({ programmeId: first.programmeId, version: 2, created: false });

    const changed = importText(TEXT);
    const item = allItems(changed.programme)[0];
    if (!item) throw new Error("the fixture has no item");
    item.title = `${item.title} (змінено)`;
    const third = await store.saveImport(changed, { name: "changed.txt", sha256: "changed" });
    expect(third).toEqual({ programmeId: first.programmeId, version: 3, created: false });
  });

  it("compares with the latest version only: the original after an edit is a new version", async () => {
    const first = await store.saveImport(importText(TEXT), SOURCE);
    const edited = importText(TEXT).programme;
    edited.title = `${edited.title} (редаговано)`;
    await store.saveEdit(first.programmeId, edited, [], "назва");
    const reimport = await store.saveImport(importText(TEXT), SOURCE);
    expect(reimport).toEqual({ programmeId: first.programmeId, version: 3, created: false });
    const back = await store.saveImport(importText(TEXT), SOURCE);
    expect(back.identicalTo).toBe(3);
  });

  it("gives back the idempotency key of an identical import, so nothing at all is written", async () => {
    await store.saveImport(importText(TEXT), SOURCE);
    const request = { key: "retry-key-1", requestSha256: "x" };
    const again = await store.saveImport(importText(TEXT), SOURCE, null, request);
    expect(again.identicalTo).toBe(1);
    const keys = await store.kysely().selectFrom("idempotency_keys").select("key").execute();
    expect(keys).toEqual([]);
    // The same key then insists: it is claimed and recorded with the version it wrote.
    const insisted = await store.saveImport(importText(TEXT), SOURCE, null, request, { saveIdentical: true });
    expect(insisted.version).toBe(2);
    const replay = await store.saveImport(importText(TEXT), SOURCE, null, request);
    expect(replay).toMatchObject({ version: 2, replayed: true });
  });

  it("checks and writes in one transaction: imports of one new document at once store one version", async () => {
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => store.saveImport(importText(TEXT), SOURCE)),
    );
    expect(answers.filter((each) => each.created)).toHaveLength(1);
    expect(answers.filter((each) => each.identicalTo === 1)).toHaveLength(3);
    const ids = new Set(answers.map((each) => each.programmeId));
    expect(ids.size).toBe(1);
    expect(await store.listVersions([...ids][0] ?? 0)).toHaveLength(1);
  });
});
