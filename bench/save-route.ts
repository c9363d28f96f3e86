/**
 * The server's work for one saved amount of a 300-project programme (PATCH of one project), without a
 * browser: CPU time (`process.cpuUsage`), wall time and the answer's size per save, medians over the
 * last rounds (the first five warm up), then the CPU steps of a save timed one by one on the same programme
 * (what is left of the route's wall time is the store's statements, HTTP and the session). Run: `tsx bench/save-route.ts` (BENCH_ROUNDS, BENCH_PROJECTS); `node --cpu-prof --import tsx`
 * for a profile.
 */
import { buildApp } from "../src/api/app.js";
import type { Finding, Programme } from "../src/domain/model.js";
import type { ProjectFields } from "../src/domain/project-edit.js";
import { findingsDelta, findProject, projectPath, withProjectFields } from "../src/domain/project-edit.js";
import { programmeTotals } from "../src/domain/totals.js";
import { validateProgramme } from "../src/domain/validate.js";
import { openStore } from "../src/store/index.js";
import { userClient } from "../test/monitoring-api/support.js";
import { median } from "./goals.js";
import { timedStore } from "./server-timing.js";
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
  const timed = timedStore(store);
  const app = buildApp({ store: timed.store });
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
    if (n === 4) timed.times.clear();
    if (n >= 5) {
      cpu.push((spent.user + spent.system) / 1000);
      wall.push(performance.now() - start);
      sizes.push(answer.body.length);
    }
  }
  console.log(
    `one project saved, ${PROJECTS} projects, ${ROUNDS} rounds (medians): CPU ${median(cpu).toFixed(1)} ms, wall ${median(wall).toFixed(1)} ms, answer ${median(sizes)} B`,
  );
  const statements = [...timed.times].sort((a, b) => median(b[1]) - median(a[1]));
  console.log(
    `  SQL statements per save: ${statements.reduce((sum, [, t]) => sum + t.length, 0) / ROUNDS}, wall by statement (median ms):`,
  );
  for (const [statement, times] of statements) {
    console.log(`  ${median(times).toFixed(2).padStart(6)} ×${times.length / ROUNDS}  ${statement}`);
  }
  const steps = stepTimes(programme, "d1.1", { ...fields, funding: fields.funding });
  const spent = [...steps.values()].reduce((sum, ms) => sum + ms, 0);
  for (const [step, ms] of steps) console.log(`  ${step.padEnd(34)} ${ms.toFixed(2)} ms`);
  console.log(`  ${"rest of the wall time (SQL, HTTP)".padEnd(34)} ${(median(wall) - spent).toFixed(2)} ms`);
  await app.close();
  await store.close();
}

/**
 * The median time of each CPU step of a project save, each run 10 × ROUNDS times on the programme
 * (timed per call: CPU time of a loop would also count the collector's threads cleaning up after the
 * step before).
 */
function stepTimes(programme: Programme, itemId: string, fields: ProjectFields): Map<string, number> {
  const documentJson = JSON.stringify(programme);
  const findings = validateProgramme(programme);
  const findingsJson = JSON.stringify(findings);
  const steps: [string, () => unknown][] = [
    ["parse the base version (JSON)", () => [JSON.parse(documentJson), JSON.parse(findingsJson)]],
    ["apply the project", () => withProjectFields(programme, itemId, fields)],
    ["validate the whole programme", () => validateProgramme(programme)],
    [
      "project patch (path, JSON)",
      () => [projectPath(programme, itemId), JSON.stringify(findProject(programme, itemId))],
    ],
    ["serialise the document", () => JSON.stringify(programme)],
    ["serialise the findings", () => JSON.stringify(JSON.parse(findingsJson) as Finding[])],
    ["totals for the answer", () => programmeTotals(programme)],
    ["findings delta", () => findingsDelta(JSON.parse(findingsJson) as Finding[], findings)],
  ];
  return new Map(
    steps.map(([name, step]) => {
      for (let n = 0; n < 5; n++) step();
      const times: number[] = [];
      for (let n = 0; n < 10 * ROUNDS; n++) {
        const start = performance.now();
        step();
        times.push(performance.now() - start);
      }
      return [name, median(times)];
    }),
  );
}

await main();
