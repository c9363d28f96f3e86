import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { allItems, type Finding, type Programme } from "../../src/domain/model.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { programmeTotals } from "../../src/domain/totals.js";
import { openStore, type Store } from "../../src/store/index.js";
import { openTestStore, testDatabase } from "../support/db.js";

const FINDINGS: Finding[] = [
  {
    code: "sum-mismatch",
    severity: "error",
    message: "Сума не збігається",
    location: { line: 3, ref: "item:d1.1" },
  },
  {
    code: "no-deadline",
    severity: "warning",
    message: "Немає строку",
    location: { line: 0, ref: "item:d2.2" },
  },
  { code: "no-unit", severity: "warning", message: "Немає одиниці", location: { line: 0, ref: "programme" } },
];
const SOURCE = { name: "demo.txt", sha256: "a".repeat(64) };

/** The demo programme with one amount far above 2^31 kopecks, to prove bigint round trips. */
function programmeWithLargeAmount(): Programme {
  const programme = demoProgramme();
  const row = programme.directions[0]?.items[0]?.funding[0];
  if (!row) throw new Error("demo programme lost its first funding row");
  row.byYear["2027"] = 98_765_432_101_23;
  row.total = Object.values(row.byYear).reduce((sum, amount) => sum + amount, 0);
  return programme;
}

function otherCommunityProgramme(): Programme {
  const programme = demoProgramme();
  programme.title = "Програма цифрової трансформації Іншої громади на 2025–2027 роки";
  programme.community = { name: "Інша сільська територіальна громада", katottg: "UA99000000000000002" };
  programme.period = { from: 2025, to: 2027 };
  return programme;
}

describe("store", () => {
  let store: Store;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ store, dispose } = await openTestStore());
  });
  afterEach(() => dispose());

  it("round-trips a programme exactly, including amounts above 2^31 kopecks", async () => {
    const programme = programmeWithLargeAmount();
    const saved = await store.saveImport({ programme, findings: FINDINGS }, SOURCE);
    expect(saved).toEqual({ programmeId: expect.any(Number), version: 1, created: true });

    const stored = await store.getProgramme(saved.programmeId);
    expect(stored?.programme).toEqual(programme);
    expect(stored?.findings).toEqual(FINDINGS);
    expect(stored?.summary).toMatchObject({
      katottg: "UA99000000000000001",
      communityName: "Демонстраційна міська територіальна громада",
      period: { from: 2026, to: 2028 },
      status: "draft",
      total: programmeTotals(programme).total,
      versionCount: 1,
      errors: 1,
      warnings: 2,
    });
    expect(stored?.summary.total).toBeGreaterThan(2 ** 31);
  });

  it("turns a re-import of the same community and period into version 2", async () => {
    const first = await store.saveImport({ programme: demoProgramme(), findings: [] }, SOURCE);
    const changed = demoProgramme();
    changed.title = `${changed.title} (зі змінами)`;
    const second = await store.saveImport(
      { programme: changed, findings: FINDINGS },
      { ...SOURCE, sha256: "b" },
    );

    expect(second).toEqual({ programmeId: first.programmeId, version: 2, created: false });
    const list = await store.listProgrammes();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ title: changed.title, versionCount: 2, latestVersion: 2, errors: 1 });
    const versions = await store.listVersions(first.programmeId);
    expect(versions.map((version) => [version.version, version.kind, version.sourceSha256])).toEqual([
      [1, "import", SOURCE.sha256],
      [2, "import", "b"],
    ]);
    expect((await store.getProgramme(first.programmeId, 1))?.programme.title).toBe(demoProgramme().title);
  });

  it("leaves nothing behind when the normalized insert fails in the middle of a save", async () => {
    const broken = demoProgramme();
    const [first, second] = broken.directions[0]?.items ?? [];
    if (!first || !second) throw new Error("demo direction 1 needs two items");
    second.id = first.id; // duplicate primary key in the items table

    await expect(store.saveImport({ programme: broken, findings: [] }, SOURCE)).rejects.toThrow();
    expect(await store.listProgrammes()).toEqual([]);

    const saved = await store.saveImport({ programme: demoProgramme(), findings: [] }, SOURCE);
    const before = await store.getProgramme(saved.programmeId);
    await expect(store.saveImport({ programme: broken, findings: [] }, SOURCE)).rejects.toThrow();
    const after = await store.getProgramme(saved.programmeId);
    expect(after?.versions).toHaveLength(1);
    expect(after?.summary.total).toBe(before?.summary.total);
    expect(after?.programme).toEqual(demoProgramme());
  });

  it("filters the list by text, year, status and community", async () => {
    const demo = await store.saveImport({ programme: demoProgramme(), findings: [] }, SOURCE);
    const other = await store.saveImport({ programme: otherCommunityProgramme(), findings: [] }, SOURCE);
    expect(await store.setStatus(other.programmeId, "published")).toBe(true);
    const ids = async (filter: Parameters<Store["listProgrammes"]>[0]) =>
      (await store.listProgrammes(filter)).map((summary) => summary.id).sort();

    expect(await ids({})).toEqual([demo.programmeId, other.programmeId].sort());
    expect(await ids({ q: "ІНША сільська" })).toEqual([other.programmeId]);
    expect(await ids({ q: "100%" })).toEqual([]);
    expect(await ids({ year: 2028 })).toEqual([demo.programmeId]);
    expect(await ids({ year: 2025 })).toEqual([other.programmeId]);
    expect(await ids({ year: 2027 })).toHaveLength(2);
    expect(await ids({ status: "published" })).toEqual([other.programmeId]);
    expect(await ids({ status: "draft" })).toEqual([demo.programmeId]);
    expect(await ids({ katottg: "UA99000000000000001" })).toEqual([demo.programmeId]);
    expect(await store.setStatus(999_999, "published")).toBe(false);
  });

  it("saves an edit as a new version of kind edit and reflects it in the summary", async () => {
    const saved = await store.saveImport({ programme: demoProgramme(), findings: [] }, SOURCE);
    const edited = demoProgramme();
    const row = allItems(edited)[0]?.funding[0];
    if (!row) throw new Error("demo item without funding");
    row.byYear["2026"] = (row.byYear["2026"] ?? 0) + 100_000;
    row.total += 100_000;

    const result = await store.saveEdit(saved.programmeId, edited, FINDINGS, "виправлено суму");
    expect(result).toEqual({ programmeId: saved.programmeId, version: 2, created: false });
    const stored = await store.getProgramme(saved.programmeId);
    expect(stored?.programme).toEqual(edited);
    expect(stored?.version).toMatchObject({ version: 2, kind: "edit", note: "виправлено суму" });
    expect(stored?.summary.total).toBe(programmeTotals(demoProgramme()).total + 100_000);
    expect(await store.saveEdit(999_999, edited, [])).toBeUndefined();
  });

  it("keys a programme without KATOTTG by its normalized community name", async () => {
    const programme = demoProgramme();
    programme.community = { name: "  «Безкодова»   СЕЛИЩНА громада ", katottg: "" };
    const first = await store.saveImport({ programme, findings: [] }, SOURCE);
    programme.community.name = "Безкодова селищна громада";
    const second = await store.saveImport({ programme, findings: [] }, SOURCE);
    expect(second).toMatchObject({ programmeId: first.programmeId, version: 2 });
    expect((await store.getProgramme(first.programmeId))?.summary.katottg).toBe(
      "name:безкодова селищна громада",
    );
  });

  it("serializes concurrent imports of one document, insisted on, into consecutive versions", async () => {
    const saves = await Promise.all(
      [1, 2, 3].map((n) =>
        store.saveImport(
          { programme: demoProgramme(), findings: [] },
          { ...SOURCE, name: `${n}` },
          undefined,
          undefined,
          { saveIdentical: true },
        ),
      ),
    );
    expect(new Set(saves.map((saved) => saved.programmeId)).size).toBe(1);
    expect(saves.map((saved) => saved.version).sort()).toEqual([1, 2, 3]);
    expect(saves.filter((saved) => saved.created)).toHaveLength(1);
    expect(await store.listProgrammes()).toHaveLength(1);
  });

  it("answers undefined for a missing programme or version", async () => {
    const saved = await store.saveImport({ programme: demoProgramme(), findings: [] }, SOURCE);
    expect(await store.getProgramme(999_999)).toBeUndefined();
    expect(await store.getProgramme(saved.programmeId, 7)).toBeUndefined();
  });
});

describe("migrations", () => {
  it("apply on an empty database, keep data across reopening and are idempotent", async () => {
    const database = await testDatabase({ persistent: true, empty: true });
    try {
      const first = await openStore(database.options);
      const saved = await first.saveImport({ programme: demoProgramme(), findings: [] }, SOURCE);
      expect(await first.migrate()).toEqual([]);
      await first.close();

      const reopened = await openStore(database.options);
      expect(await reopened.migrate()).toEqual([]);
      expect((await reopened.getProgramme(saved.programmeId))?.programme).toEqual(demoProgramme());
      await reopened.close();
    } finally {
      await database.drop();
    }
  });
});
