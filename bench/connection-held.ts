/**
 * How long each kind of soak request holds PGlite's one connection, one request at a time (no
 * queue, no other request's work in between): the soak's three programmes imported, then rounds of a
 * list, a read, a project edit (PATCH's store work), a whole-programme save (PUT's) and a re-import of
 * an unchanged document (insisting on a new version, as the soak does). Medians per kind of the
 * connection's held time and of the CPU time while held (on a loaded machine the CPU time is the
 * steadier figure). Run: `tsx bench/connection-held.ts` (BENCH_ROUNDS, default 20).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { validateProgramme } from "../src/domain/validate.js";
import { importText } from "../src/import/index.js";
import { openStore } from "../src/store/index.js";
import { type ConnectionTurn, observeConnectionTurns } from "../src/store/pglite-dialect.js";
import { saveProjectEdit } from "../src/store/project-edit.js";
import { median } from "./goals.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");
const NAMES = ["romny-2026-2028.txt", "slobozhanska-2025-2027.txt", "starokostiantyniv-2026-2028.txt"];

type Kind = "list" | "read" | "edit" | "put" | "import";

async function main(): Promise<void> {
  const store = await openStore({ dataDir: ":memory:" });
  const results = await Promise.all(
    NAMES.map(async (name) => importText(await readFile(path.join(FIXTURES, name), "utf8"))),
  );
  const ids: number[] = [];
  for (const [index, result] of results.entries()) {
    const saved = await store.saveImport(result, { name: NAMES[index] ?? "", sha256: String(index) });
    ids.push(saved.programmeId);
  }
  let turns: ConnectionTurn[] = [];
  observeConnectionTurns((turn) => turns.push(turn));
  const held: Record<Kind, number[]> = { list: [], read: [], edit: [], put: [], import: [] };
  const cpu: Record<Kind, number[]> = { list: [], read: [], edit: [], put: [], import: [] };
  const timed = async (kind: Kind, work: () => Promise<unknown>) => {
    turns = [];
    await work();
    held[kind].push(turns.reduce((sum, turn) => sum + turn.heldMs, 0));
    cpu[kind].push(turns.reduce((sum, turn) => sum + turn.cpuMs, 0));
  };
  for (let round = 0; round < ROUNDS; round++) {
    const index = round % ids.length;
    const id = ids[index] ?? 0;
    await timed("list", () => store.listProgrammes());
    await timed("read", () => store.getProgramme(id));
    const current = await store.getProgramme(id);
    if (!current) throw new Error("no programme");
    const item = current.programme.directions.flatMap((direction) => direction.items)[round % 7];
    if (!item) throw new Error("no project");
    const { id: itemId, children: _children, ...fields } = item;
    await timed("edit", async () => {
      const saved = await saveProjectEdit(store, {
        programmeId: id,
        itemId,
        fields: { ...fields, title: `${fields.title} [${round}]` },
        baseVersion: current.version.version,
        validate: validateProgramme,
        actor: null,
      });
      if (saved.outcome !== "saved") throw new Error(saved.outcome);
    });
    const edited = await store.getProgramme(id);
    if (!edited) throw new Error("no programme");
    const programme = { ...edited.programme, title: `${edited.programme.title} [${round}]` };
    const findings = validateProgramme(programme);
    await timed("put", () => store.saveEdit(id, programme, findings, "bench", null, edited.version.version));
    const result = results[index];
    if (!result) throw new Error("no import");
    await timed("import", () =>
      store.saveImport(result, { name: "bench", sha256: `r${round}` }, null, undefined, {
        saveIdentical: true,
      }),
    );
  }
  observeConnectionTurns(undefined);
  await store.close();
  const round = (value: number) => Math.round(value * 10) / 10;
  console.log(
    JSON.stringify(
      Object.fromEntries(
        (Object.keys(held) as Kind[]).map((kind) => [
          kind,
          { heldMedianMs: round(median(held[kind])), cpuWhileHeldMedianMs: round(median(cpu[kind])) },
        ]),
      ),
      null,
      2,
    ),
  );
}

await main();
