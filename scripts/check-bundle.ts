/**
 * Builds the web app into a temporary folder and measures the gzip size of the JavaScript the public
 * page loads (its entry chunk, the app the entry starts after the first paint, and every chunk they
 * import statically). Fails above the phone budget.
 * Usage: npx tsx scripts/check-bundle.ts
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type InlineConfig, type Manifest } from "vite";

export const PUBLIC_JS_BUDGET_BYTES = 200 * 1024;
/** The public page's entry, fetched before its first paint: a loader of the app, nothing more. */
export const PUBLIC_ENTRY_BUDGET_BYTES = 4 * 1024;

export interface BundleSize {
  files: { file: string; gzipBytes: number }[];
  gzipBytes: number;
  /** What the browser fetches before the first paint: the entry and its static imports, gzip. */
  entryGzipBytes: number;
  /** `<link rel="stylesheet">` in the built public.html: each one holds the first paint back. */
  blockingStylesheets: number;
  /** React's development build slipped in (a build run with NODE_ENV other than production). */
  developmentReact: boolean;
}

function staticKeys(manifest: Manifest, entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entry);
  return seen;
}

const jsFiles = (manifest: Manifest, keys: Iterable<string>) =>
  [...keys]
    .map((key) => manifest[key]?.file)
    .filter((file): file is string => Boolean(file?.endsWith(".js")));

/** Every chunk an entry loads before it runs: the entry and its static imports, transitively. */
export function staticChunks(manifest: Manifest, entry: string): string[] {
  return jsFiles(manifest, staticKeys(manifest, entry));
}

/**
 * Every chunk the page runs to show itself: the entry's static chunks, and the app the entry itself
 * imports dynamically after the first paint (web/src/public/main.tsx) with its static chunks — not the
 * app's own lazy parts (charts), which load when their section is opened.
 */
export function startupChunks(manifest: Manifest, entry: string): string[] {
  const keys = staticKeys(manifest, entry);
  for (const app of manifest[entry]?.dynamicImports ?? []) {
    for (const key of staticKeys(manifest, app)) keys.add(key);
  }
  return jsFiles(manifest, keys);
}

/**
 * Vite builds React's development bundle when NODE_ENV is already set to something else (Vitest sets
 * "test"), so a build started from a test must say "production" itself.
 */
export async function productionBuild(config: InlineConfig): Promise<void> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      configFile: resolve(import.meta.dirname, "../web/vite.config.ts"),
      logLevel: "error",
      ...config,
    });
  } finally {
    process.env.NODE_ENV = previous;
  }
}

export async function measurePublicBundle(): Promise<BundleSize> {
  const outDir = await mkdtemp(join(tmpdir(), "infoprog-bundle-"));
  try {
    await productionBuild({ build: { outDir, manifest: "manifest.json", emptyOutDir: true } });
    const manifest = JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")) as Manifest;
    const chunks = startupChunks(manifest, "public.html");
    const texts = await Promise.all(chunks.map((file) => readFile(join(outDir, file))));
    const files = chunks.map((file, index) => ({
      file,
      gzipBytes: gzipSync(texts[index] ?? "", { level: 9 }).length,
    }));
    const entry = new Set(staticChunks(manifest, "public.html"));
    const html = await readFile(join(outDir, "public.html"), "utf8");
    return {
      files,
      gzipBytes: files.reduce((sum, each) => sum + each.gzipBytes, 0),
      entryGzipBytes: files
        .filter((each) => entry.has(each.file))
        .reduce((sum, each) => sum + each.gzipBytes, 0),
      blockingStylesheets: html.match(/<link[^>]*rel="stylesheet"/g)?.length ?? 0,
      developmentReact: texts.some((text) => text.includes("jsxDEV")),
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = await measurePublicBundle();
  for (const each of size.files)
    console.log(`${(each.gzipBytes / 1024).toFixed(1).padStart(8)} KB  ${each.file}`);
  const verdict = size.gzipBytes < PUBLIC_JS_BUDGET_BYTES ? "OK" : "OVER BUDGET";
  console.log(
    `${(size.gzipBytes / 1024).toFixed(1).padStart(8)} KB  public page JS, gzip (budget 200 KB): ${verdict}`,
  );
  if (verdict !== "OK") process.exitCode = 1;
}
