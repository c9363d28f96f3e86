/**
 * Builds the CLI into dist/cli/ as a few bundled ES modules (esbuild; well under a second), which
 * bin/infoprog.js runs. One file instead of some 350 (zod alone is 220 modules) halves the time Node
 * spends finding and compiling modules before the command starts. Packages stay external except zod
 * and commander, and every command's heavy modules stay behind dynamic imports (their own chunks).
 * Run by `npm install` (prepare) and `npm run build:cli`; test/cli/startup.test.ts builds with
 * `cliBuildOptions` to check what `import --dry-run` of a text loads.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const { dependencies } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
/**
 * zod: 220 modules unbundled. commander: CommonJS, which an ES module loads through Node's CJS loader
 * and its export lexer (commander's own files, then package.json lookups) on every run, before any
 * command starts; bundled it is one more function in main.js.
 */
const BUNDLED = new Set(["zod", "commander"]);

/** Bundled CommonJS (commander) requires Node's built-ins; an ES module has no `require` of its own. */
const REQUIRE_BANNER =
  'import { createRequire as __infoprogCreateRequire } from "node:module"; const require = __infoprogCreateRequire(import.meta.url);';

/**
 * zod re-exports its messages in some 40 languages (`z.locales`), about half of its code; the CLI can
 * only ever show English (zod's default) or Ukrainian (the server's), so only those two are bundled.
 */
const twoZodLocales = {
  name: "two-zod-locales",
  setup(builder) {
    builder.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`)
        ? { path: path.join(path.dirname(args.importer), "../locales/index.js"), namespace: "zod-locales" }
        : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
      resolveDir: path.dirname(args.path),
      contents: 'export { default as en } from "./en.js";\nexport { default as uk } from "./uk.js";\n',
    }));
  },
};

export const cliBuildOptions = {
  absWorkingDir: root,
  entryPoints: ["src/cli/main.ts"],
  outdir: "dist/cli",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: Object.keys(dependencies).filter((name) => !BUNDLED.has(name)),
  plugins: [twoZodLocales],
  banner: { js: REQUIRE_BANNER },
  // Smaller to read and compile; names are kept, so a stack trace still says where.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
};

/**
 * Where the build lists the sources it read (src/ only, relative to the root): bin/infoprog.js checks
 * just these for changes since the build instead of walking all of src/ on every start.
 */
export const SOURCES_LIST = "dist/cli/sources.json";

/** Builds the CLI and writes the list of the sources it was built from. */
export async function buildCli() {
  const { metafile } = await build({ ...cliBuildOptions, metafile: true });
  const sources = Object.keys(metafile.inputs).filter((input) => input.startsWith("src/"));
  writeFileSync(path.join(root, SOURCES_LIST), `${JSON.stringify(sources.sort())}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
}
