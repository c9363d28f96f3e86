/**
 * Builds the CLI into dist/cli/ as a few bundled ES modules (esbuild; well under a second), which
 * bin/infoprog.js runs. One file instead of some 350 (zod alone is 220 modules) halves the time Node
 * spends finding and compiling modules before the command starts. Packages stay external except zod,
 * and every command's heavy modules stay behind dynamic imports (their own chunks).
 * Run by `npm install` (prepare) and `npm run build:cli`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const { dependencies } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const BUNDLED = new Set(["zod"]);

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

await build({
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
  // Smaller to read and compile; names are kept, so a stack trace still says where.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
});
