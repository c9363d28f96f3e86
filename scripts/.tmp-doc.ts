import { writeFileSync } from "node:fs";
import { buildApp } from "../src/api/app.js";
import { openStore } from "../src/store/index.js";
const store = await openStore({ dataDir: ":memory:" });
const app = buildApp({ store, webDist: "/nonexistent" });
const r = await app.inject("/api/docs/json");
writeFileSync("/tmp/arch-api/openapi.json", r.body);
await app.close(); await store.close();
