/**
 * Probe: trivial vs national of two builds side by side (ENTRIES, comma-separated server entries) against
 * an already-loaded database (BENCH_KEEP), rounds alternated, with the CPU per request of each server and
 * of this (autocannon) process. Not part of the benchmark.
 */
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { startServerProcess } from "./server-process.js";

const url = process.env.DATABASE_URL ?? "";
const entries = (process.env.ENTRIES ?? "dist/server/api/main.js").split(",");
const rounds = Number(process.env.ROUNDS ?? 3);
const seconds = Number(process.env.SECONDS ?? 5);

const start = (entry: string) => startServerProcess(entry, url);

const ticks = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const servers = await Promise.all(entries.map(start));
for (const { port } of servers) await fetch(`http://127.0.0.1:${port}/api/v1/national?year=2026`);
for (let round = 0; round < rounds; round++) {
  for (const [index, { child, port }] of servers.entries()) {
    const line: string[] = [];
    const rps: number[] = [];
    for (const path of ["/api/health", "/api/v1/national?year=2026"]) {
      const pid = child.pid ?? 0;
      const serverBefore = ticks(pid);
      const clientBefore = process.cpuUsage();
      const result = await autocannon({
        url: `http://127.0.0.1:${port}${path}`,
        connections: 100,
        duration: seconds,
      });
      const client = process.cpuUsage(clientBefore);
      const n = result.requests.total;
      rps.push(result.requests.average);
      line.push(
        `${path.slice(0, 12)} ${Math.round(result.requests.average)}/s p99 ${result.latency.p99} s${(((ticks(pid) - serverBefore) * 1000) / n).toFixed(0)} c${((client.user + client.system) / n).toFixed(0)}`,
      );
    }
    console.log(
      `${entries[index]}: ${line.join(" | ")} ratio ${(((rps[1] ?? 0) / (rps[0] ?? 1)) * 100).toFixed(0)} %`,
    );
  }
}
for (const { child } of servers) child.kill("SIGTERM");
