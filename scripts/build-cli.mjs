/**
 * Builds the CLI into dist/cli/ as a few bundled ES modules (esbuild; well under a second), which
 * bin/infoprog.js runs. One file instead of some 350 (zod alone is 220 modules) halves the time Node
 * spends finding and compiling modules before the command starts. Packages stay external except zod
 * and commander, and every command's heavy modules stay behind dynamic imports (their own chunks).
 * Run by `npm install` (prepare) and `npm run build:cli`; test/cli/startup.test.ts builds with
 * `cliBuildOptions` to check what `import --dry-run` of a text loads.
 */
import { createHash } from "node:crypto";
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
  // The PDF reader's helper thread is started from its own file, beside the chunk that starts it.
  entryPoints: { main: "src/cli/main.ts", "page-worker": "src/import/pdf/page-worker.ts" },
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
 * The same CLI as one CommonJS script, dist/cli/main.cjs, which bin/infoprog.js runs on Node 20 (no
 * `module.enableCompileCache` there) through `vm.Script` with a V8 code cache: compiling the ES
 * modules' ~1 MB was the largest part of a dry run's start. No splitting (CommonJS has no chunks):
 * each command's heavy modules are still initialised only when its dynamic import runs, and packages
 * stay external, so a dry run of a text loads no more than the ES module build does. Its first line
 * names the build (a hash of the rest), which keys the code cache together with the file's size and
 * time and Node's version.
 */
export const cjsBuildOptions = {
  ...cliBuildOptions,
  entryPoints: ["src/cli/main-cjs.ts"],
  outdir: undefined,
  outfile: "dist/cli/main.cjs",
  splitting: false,
  format: "cjs",
  write: false,
  // pool.ts finds its worker beside itself; CommonJS has no import.meta.
  define: { "import.meta.url": "__infoprogImportMetaUrl" },
  // Strict as the ES modules were: esbuild's own "use strict" follows the banner, too late to count.
  banner: {
    js: '"use strict";var __infoprogImportMetaUrl = require("node:url").pathToFileURL(__filename).href;',
  },
};

/** What main.cjs calls instead of `import(…)`: the bin passes it in (bin/infoprog.js). */
export const CJS_IMPORT = "__infoprogImport";

/** The line main.cjs starts with: `// infoprog-build <hash>`. */
export const CJS_BUILD_LINE = /^\/\/ infoprog-build ([0-9a-f]+)\n/;

/**
 * Where the build lists the sources it read (src/ only, relative to the root): bin/infoprog.js checks
 * just these for changes since the build instead of walking all of src/ on every start.
 */
export const SOURCES_LIST = "dist/cli/sources.json";

/** Builds main.cjs into `outfile` (test/cli/code-cache.test.ts builds one of its own); returns esbuild's result. */
export async function buildCjs(outfile) {
  const cjs = await build({ ...cjsBuildOptions, outfile, metafile: true });
  const [script] = cjs.outputFiles;
  // A script run by `vm.Script` has no `import()` of its own (Node 20 loses the callback when the code
  // comes from the cache): the packages a command imports on demand come through the bin's.
  const text = script.text.replace(/(?<![\w$.])import\("/g, `${CJS_IMPORT}("`);
  const left = /(?<![\w$.])import\(/.exec(text);
  if (left)
    throw new Error(
      `main.cjs: an import() that is not of a package: ${text.slice(left.index, left.index + 80)}`,
    );
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 16);
  writeFileSync(outfile, `// infoprog-build ${hash}\n${text}`);
  return cjs;
}

/** Builds the CLI and writes the list of the sources it was built from. */
export async function buildCli() {
  const { metafile } = await build({ ...cliBuildOptions, metafile: true });
  const cjs = await buildCjs(path.join(root, cjsBuildOptions.outfile));
  const inputs = [...Object.keys(metafile.inputs), ...Object.keys(cjs.metafile.inputs)];
  const sources = [...new Set(inputs)].filter((input) => input.startsWith("src/"));
  writeFileSync(path.join(root, SOURCES_LIST), `${JSON.stringify(sources.sort())}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
}
