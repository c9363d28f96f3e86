/**
 * An import is an edit: a programme under agreement with the Ministry (submitted, resubmitted, agreed,
 * approved, in force) takes no new version from it, as it takes none from the editing routes
 * (`refuseFrozen`, docs/agreement.md). The check runs in the import's transaction, so nothing is written.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProgrammeFrozenError } from "../../src/domain/agreement/lifecycle.js";
import { importText } from "../../src/import/index.js";
import { takeAgreementStep } from "../../src/store/agreement.js";
import { type Store, sha256 } from "../../src/store/index.js";
import { FIXTURES } from "../import/support.js";
import { openTestStore } from "../support/db.js";

const TEXT = readFileSync(path.join(FIXTURES, "romny-2026-2028.txt"), "utf8");
const SOURCE = { name: "romny-2026-2028.txt", sha256: sha256(TEXT) };
/** The same programme with another title: a real change, not an identical re-import. */
const CHANGED = TEXT.replace("ПРОГРАМА", "ПРОГРАМА (ЗМІНИ)");

describe("importing over a programme under agreement", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dispose } = await openTestStore());
  });
  afterEach(() => dispose());

  const auditCount = async () => (await store.kysely().selectFrom("audit_log").select("id").execute()).length;
  const idempotencyKeys = async () =>
    (await store.kysely().selectFrom("idempotency_keys").select("key").execute()).length;

  it("refuses a new version of a submitted programme and writes nothing, idempotency key included", async () => {
    const { programmeId } = await store.saveImport(importText(TEXT), SOURCE);
    const submitted = await takeAgreementStep(store, {
      programmeId,
      action: "submit",
      party: "community",
      actor: null,
    });
    expect(submitted).toMatchObject({ ok: true, state: "submitted" });
    const audits = await auditCount();
    const keys = await idempotencyKeys();
    expect(CHANGED).not.toBe(TEXT);
    const attempt = store.saveImport(
      importText(CHANGED),
      { name: "changed.txt", sha256: sha256(CHANGED) },
      null,
      { key: "freeze-test-key", requestSha256: sha256("changed") },
    );
    await expect(attempt).rejects.toThrow(ProgrammeFrozenError);
    await expect(attempt).rejects.toThrow("Програму у стані «Подано на погодження» не редагують");
    // Insisting on a version does not get round it either.
    await expect(
      store.saveImport(importText(TEXT), SOURCE, null, undefined, { saveIdentical: true }),
    ).rejects.toThrow(ProgrammeFrozenError);
    expect((await store.listVersions(programmeId)).map((each) => each.version)).toEqual([1]);
    expect(await auditCount()).toBe(audits);
    expect(await idempotencyKeys()).toBe(keys);
  });

  it("still stores an import of a draft", async () => {
    const { programmeId } = await store.saveImport(importText(TEXT), SOURCE);
    const again = await store.saveImport(importText(CHANGED), {
      name: "changed.txt",
      sha256: sha256(CHANGED),
    });
    expect(again).toEqual({ programmeId, version: 2, created: false });
  });
});
