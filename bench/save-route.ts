/**
 * The server's work for one saved amount of a 300-project programme (PATCH of one project), without a
 * browser: CPU time (`process.cpuUsage`), wall time and the answer's size per save, medians over the
 * last rounds (the first five warm up). Run: `tsx bench/save-route.ts` (BENCH_ROUNDS, BENCH_PROJECTS); `node --cpu-prof --import tsx`
 * for a profile.
 */
import { buildApp } from "../src/api/app.js";
import type { Programme } from "../src/domain/model.js";
import { findProject } from "../src/domain/project-edit.js";
import { validateProgramme } from "../src/domain/validate.js";
import { openStore } from "../src/store/index.js";
import { userClient } from "../test/monitoring-api/support.js";
import { median } from "./goals.js";
import { largeProgramme } from "./workspace-data.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 300);

async function main(): Promise<void> {
  const store = await openStore({ dataDir: ":memory:" });
  const programme: Programme = largeProgramme(PROJECTS);
  const { programmeId } = await store.saveImport(
    { programme, findings: validateProgramme(programme) },
    { name: "bench", sha256: "bench" },
  );
  const app = buildApp({ store });
  const client = await userClient(app, store, "bench-head", "head", { katottg: programme.community.katottg });
  const item = findProject(programme, "d1.1");
  if (!item) throw new Error("no d1.1");
  const { id: _id, children: _children, ...fields } = item;
  let version = 1;
  const cpu: number[] = [];
  const wall: number[] = [];
  const sizes: number[] = [];
  for (let n = 0; n < ROUNDS + 5; n++) {
    const funding = fields.funding.map((row, i) =>
      i === 0
        ? { ...row, byYear: { ...row.byYear, [Object.keys(row.byYear)[0] ?? "2026"]: 10_000 + n } }
        : row,
    );
    const started = process.cpuUsage();
    const start = performance.now();
    const answer = await client.inject({
      method: "PATCH",
      url: `/api/programmes/${programmeId}/projects/d1.1`,
      payload: { baseVersion: version, project: { ...fields, funding } },
    });
    if (answer.statusCode !== 200) throw new Error(`${answer.statusCode}: ${answer.body}`);
    const spent = process.cpuUsage(started);
    version = (answer.json() as { version: number }).version;
    if (n >= 5) {
      cpu.push((spent.user + spent.system) / 1000);
      wall.push(performance.now() - start);
      sizes.push(answer.body.length);
    }
  }
  console.log(
    `one project saved, ${PROJECTS} projects, ${ROUNDS} rounds (medians): CPU ${median(cpu).toFixed(1)} ms, wall ${median(wall).toFixed(1)} ms, answer ${median(sizes)} B`,
  );
  await app.close();
  await store.close();
}

await main();
