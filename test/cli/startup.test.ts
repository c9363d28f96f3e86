import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BuildOptions, build, type Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = process.cwd();
const FIXTURE = path.resolve(ROOT, "../shared/fixtures/programs/romny-2026-2028.txt");
const BUILD_SCRIPT = path.join(ROOT, "scripts/build-cli.mjs");

/** Everything an output file loads before it runs: its static imports, transitively. */
function staticClosure(metafile: Metafile, start: string): { inputs: Set<string>; externals: Set<string> } {
  const inputs = new Set<string>();
  const externals = new Set<string>();
  const seen = new Set<string>();
  const visit = (output: string) => {
    if (seen.has(output)) return;
    seen.add(output);
    const file = metafile.outputs[output];
    if (!file) throw new Error(`no output ${output}`);
    for (const input of Object.keys(file.inputs)) inputs.add(input);
    for (const imported of file.imports) {
      if (imported.kind !== "import-statement") continue;
      if (imported.external) externals.add(imported.path);
      else visit(imported.path);
    }
  };
  visit(start);
  return { inputs, externals };
}

describe("what `infoprog import --dry-run` of a text loads (issue 13: start-up)", () => {
  let outdir: string;
  let metafile: Metafile;

  beforeAll(async () => {
    const { cliBuildOptions } = (await import(BUILD_SCRIPT)) as { cliBuildOptions: BuildOptions };
    // Outside the checkout: a run from there finds no node_modules, so it may load no package at all.
    outdir = await mkdtemp(path.join(tmpdir(), "infoprog-cli-"));
    const result = await build({ ...cliBuildOptions, outdir, metafile: true, logLevel: "silent" });
    metafile = result.metafile as Metafile;
  }, 120_000);
  afterAll(async () => {
    await rm(outdir, { recursive: true, force: true });
  });

  const outputOf = (predicate: (name: string, inputs: string[]) => boolean) => {
    const found = Object.entries(metafile.outputs).find(
      ([name, file]) => name.endsWith(".js") && predicate(name, Object.keys(file.inputs)),
    );
    if (!found) throw new Error("no such output");
    return found[0];
  };

  it("loads only Node's built-ins besides its own chunks: no commander, XML parser, database or zod package", () => {
    const main = staticClosure(
      metafile,
      outputOf((name) => path.basename(name) === "main.js"),
    );
    const importer = staticClosure(
      metafile,
      outputOf((_name, inputs) => inputs.includes("src/import/index.ts")),
    );
    const externals = new Set([...main.externals, ...importer.externals]);
    expect(externals.size).toBeGreaterThan(0);
    for (const external of externals) expect(external).toMatch(/^node:/);
    const inputs = [...main.inputs, ...importer.inputs];
    expect(inputs).toContain("src/import/zip.ts");
    expect(inputs).toContain("node_modules/commander/lib/command.js");
    for (const absent of [
      /^src\/import\/docx\.ts$/,
      /^src\/store\/index\.ts$/,
      /saxes|xmlchars|exceljs|kysely|pglite/,
    ]) {
      expect(inputs.filter((input) => absent.test(input))).toEqual([]);
    }
  });

  it("loads no built-in before its first use: zlib waits for a zip entry to inflate, crypto for a save's hash", () => {
    const main = staticClosure(
      metafile,
      outputOf((name) => path.basename(name) === "main.js"),
    );
    const importer = staticClosure(
      metafile,
      outputOf((_name, inputs) => inputs.includes("src/import/index.ts")),
    );
    const builtIns = [...main.externals, ...importer.externals];
    expect(builtIns).toContain("node:path");
    expect(builtIns).not.toContain("node:zlib");
    expect(builtIns).not.toContain("node:crypto");
  });

  it("runs from a folder without node_modules: the bundled commander finds Node's built-ins", () => {
    const run = spawnSync(process.execPath, [path.join(outdir, "main.js"), "import", "--dry-run", FIXTURE], {
      cwd: outdir,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: "" },
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Роменська міська територіальна громада");
    const help = spawnSync(process.execPath, [path.join(outdir, "main.js"), "--help"], { encoding: "utf8" });
    expect(help.stdout).toContain("Usage: infoprog");
  }, 120_000);
});
