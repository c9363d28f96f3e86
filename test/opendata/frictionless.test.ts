/**
 * The data package, checked with Frictionless Data's own JavaScript implementation (datapackage-js and
 * tableschema-js): the descriptor against the tabular data package profile, and every resource's rows
 * against its Table Schema — types, required values, enums, primary keys and foreign keys
 * (relations: true) — on the demo data and on a small synthetic national dataset.
 */

import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import datapackage from "datapackage";
import type { FastifyInstance } from "fastify";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import { configFrom } from "../../src/config.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { generateNation } from "../../src/domain/synthetic/index.js";
import { RESOURCES } from "../../src/opendata/fields.js";
import type { Store } from "../../src/store/index.js";
import { loadProgrammes } from "../../src/store/loader.js";
import { seedDemo } from "../../src/store/seed.js";
import { openTestStore } from "../support/db.js";
import { temporaryExportsDir } from "./exports-dir.js";
import { fileReport } from "./support.js";

/** A port nobody listens on now (the system's choice), for a server that must know its address first. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

interface Checked {
  valid: boolean;
  errors: string[];
  rows: Record<string, number>;
}

/** Loads a package and reads every resource with its relations; a failing resource is an error. */
async function check(descriptor: string, basePath?: string): Promise<Checked> {
  const pkg = await datapackage.Package.load(descriptor, { basePath, strict: false });
  const errors = pkg.errors.map((error) => error.message);
  const rows: Record<string, number> = {};
  for (const resource of pkg.resources) {
    try {
      rows[resource.name] = (await resource.read({ relations: true })).length;
    } catch (error) {
      const multiple = (error as { errors?: Error[] }).errors ?? [];
      const each = multiple.length > 0 ? multiple : [error as Error];
      errors.push(`${resource.name}: ${each.map((one) => one.message).join("; ")}`);
    }
  }
  return { valid: pkg.valid, errors, rows };
}

/** The zip's entries unpacked into a folder, for checking a changed copy. */
async function unpack(zip: Uint8Array, dir: string): Promise<void> {
  const archive = await JSZip.loadAsync(zip);
  for (const [name, entry] of Object.entries(archive.files)) {
    await writeFile(path.join(dir, name), await entry.async("nodebuffer"));
  }
}

describe.each([
  { dataset: "the demo data", load: loadDemo },
  { dataset: "a synthetic national dataset", load: loadNation },
])("the data package of $dataset in Frictionless's own validator", ({ load }) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let exportsDir: Awaited<ReturnType<typeof temporaryExportsDir>>;
  let dir: string;
  let zip: Uint8Array;
  let port = 0;

  beforeAll(async () => {
    exportsDir = await temporaryExportsDir();
    ({ store, dispose } = await openTestStore());
    await load(store);
    port = await freePort();
    // The descriptor's links are absolute, from the configured public address: the one it listens at.
    const config = configFrom({ INFOPROG_PUBLIC_URL: `http://127.0.0.1:${port}` });
    app = buildApp({ store, webDist: "/nonexistent", config });
    await app.ready();
    const response = await app.inject("/api/v1/datapackage.zip");
    expect(response.statusCode).toBe(200);
    zip = response.rawPayload;
    dir = await mkdtemp(path.join(tmpdir(), "infoprog-frictionless-"));
    await writeFile(path.join(dir, "datapackage.zip"), zip);
  }, 300_000);
  afterAll(async () => {
    await app.close();
    await dispose();
    await exportsDir.restore();
    await rm(dir, { recursive: true, force: true });
  });

  it("has a valid descriptor, and every resource's rows pass their Table Schema with relations", async () => {
    const result = await check(path.join(dir, "datapackage.zip"));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(result.rows).sort()).toEqual(RESOURCES.map((resource) => resource.name).sort());
    for (const name of ["programmes", "directions", "projects", "funding", "indicators", "reports"]) {
      expect(result.rows[name], name).toBeGreaterThan(0);
    }
  }, 300_000);

  it("validates as served: datapackage.json from the API, its CSVs fetched over HTTP", async () => {
    const address = await app.listen({ host: "127.0.0.1", port });
    const result = await check(`${address}/api/v1/datapackage.json`);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.rows.funding).toBeGreaterThan(0);
  }, 300_000);

  it("is checked for real: a project whose direction is gone breaks the relation", async () => {
    const broken = path.join(dir, "broken");
    await mkdir(broken);
    await unpack(zip, broken);
    const directions = path.join(broken, "directions.csv");
    const lines = (await readFile(directions, "utf8")).split("\r\n");
    await writeFile(directions, [lines[0], ...lines.slice(2)].join("\r\n"));
    const result = await check(path.join(broken, "datapackage.json"), broken);
    expect(result.errors.some((error) => error.startsWith("projects: ") && /Foreign key/.test(error))).toBe(
      true,
    );
  }, 300_000);
});

async function loadDemo(store: Store): Promise<void> {
  await seedDemo(store);
  const programme = demoProgramme();
  await fileReport(
    store,
    { community: programme.community, programme },
    {
      leaf: 0,
      unit: "Відділ цифрового розвитку",
      amount: 12_345_00,
      text: "Придбано обладнання.",
    },
  );
}

async function loadNation(store: Store): Promise<void> {
  const nation = [...generateNation({ seed: 16, communities: 4 })];
  expect(await loadProgrammes(store.kysely(), nation, {})).toEqual({ loaded: 4, skipped: 0 });
}
