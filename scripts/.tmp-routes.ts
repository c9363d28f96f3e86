import { buildApp } from "../src/api/app.js";
import { openStore } from "../src/store/index.js";
const store = await openStore({ dataDir: ":memory:" });
const app = buildApp({ store, webDist: "/nonexistent" });
const out: string[] = [];
app.addHook("onRoute", (r) => {
  if (!r.url.startsWith("/api/") || r.url.startsWith("/api/docs")) return;
  const codes = Object.keys((r.schema?.response as object) ?? {});
  if (!codes.some((c) => c.startsWith("2"))) out.push(`${r.method} ${r.url} [${codes}]`);
});
await app.ready();
console.log(out.join("\n"));
await app.close(); await store.close();
