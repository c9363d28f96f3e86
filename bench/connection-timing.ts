/**
 * Loaded into the soak's server (`node --import`, when SOAK_CONNECTION_TIMING names a file): every
 * turn of PGlite's one connection is measured (src/store/pglite-dialect.ts, `observeConnectionTurns`)
 * and counted under the kind of request that took it — list, read, edit (PATCH of a project), put
 * (PUT of a programme), import, other — then written to that file as JSON when the server exits.
 * Per kind: per request, the connection's held time (summed over its turns), the time inside PGlite's
 * statements, the process's CPU while held, the statements and the time waited for the connection.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { subscribe } from "node:diagnostics_channel";
import { writeFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { type ConnectionTurn, observeConnectionTurns } from "../src/store/pglite-dialect.js";

const file = process.env.SOAK_CONNECTION_TIMING;

/** The totals of one request's turns. */
interface RequestTurns extends ConnectionTurn {
  kind: string;
  turns: number;
}

function kindOf(method: string, url: string): string {
  const path = url.split("?")[0] ?? "";
  if (path === "/api/programmes") return method === "GET" ? "list" : "other";
  if (/^\/api\/programmes\/\d+$/.test(path)) {
    if (method === "GET") return "read";
    if (method === "PUT") return "put";
  }
  if (/^\/api\/programmes\/\d+\/projects\//.test(path) && method === "PATCH") return "edit";
  if (path === "/api/import" && method === "POST") return "import";
  return "other";
}

if (file) {
  const current = new AsyncLocalStorage<RequestTurns>();
  const done: RequestTurns[] = [];
  subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    const totals: RequestTurns = {
      kind: kindOf(request.method ?? "", request.url ?? ""),
      turns: 0,
      waitedMs: 0,
      heldMs: 0,
      inStatementsMs: 0,
      cpuMs: 0,
      statements: 0,
    };
    done.push(totals);
    current.enterWith(totals);
  });
  observeConnectionTurns((turn) => {
    const totals = current.getStore();
    if (!totals) return;
    totals.turns++;
    totals.waitedMs += turn.waitedMs;
    totals.heldMs += turn.heldMs;
    totals.inStatementsMs += turn.inStatementsMs;
    totals.cpuMs += turn.cpuMs;
    totals.statements += turn.statements;
  });
  process.on("exit", () => writeFileSync(file, JSON.stringify(done)));
}
