import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { programmeSchema } from "../../src/domain/schema.js";
import { programmeTotals } from "../../src/domain/totals.js";
import { importDocument } from "../../src/import/index.js";
import { communityKey } from "../../src/store/community-key.js";
import type { Store } from "../../src/store/index.js";
import { openTestStore } from "../support/db.js";

const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");
const files = (await readdir(FIXTURES)).filter((file) => file.endsWith(".txt")).sort();

describe("real programmes through the store", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
  });
  afterAll(() => dispose());

  it("has fixtures to read", () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)("%s: saved, read back deep-equal, and accepted by the programme schema", async (file) => {
    const result = await importDocument(await readFile(path.join(FIXTURES, file)), file);
    const saved = await store.saveImport(result, { name: file, sha256: "0".repeat(64) });
    const stored = await store.getProgramme(saved.programmeId);

    expect(stored?.programme).toEqual(JSON.parse(JSON.stringify(result.programme)));
    expect(stored?.findings).toEqual(JSON.parse(JSON.stringify(result.findings)));
    expect(stored?.summary.total).toBe(programmeTotals(result.programme).total);
    expect(stored?.summary.katottg).toBe(communityKey(result.programme.community));
    expect(programmeSchema.safeParse(stored?.programme).error).toBeUndefined();
  });
});
