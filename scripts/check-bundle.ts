/**
 * Builds the web app into a temporary folder and measures the gzip size of the JavaScript the public
 * page loads (its entry chunk and every chunk it imports statically). Fails above the phone budget.
 * Usage: npx tsx scripts/check-bundle.ts
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Manifest } from "vite";

export const PUBLIC_JS_BUDGET_BYTES = 200 * 1024;

export interface BundleSize {
  files: { file: string; gzipBytes: number }[];
  gzipBytes: number;
}

/** Every chunk an entry loads before it runs: the entry and its static imports, transitively. */
export function staticChunks(manifest: Manifest, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entry);
  return [...seen].map((key) => manifest[key]?.file).filter((file): file is string => Boolean(file?.endsWith(".js")));
}

export async function measurePublicBundle(): Promise<BundleSize> {
  const outDir = await mkdtemp(join(tmpdir(), "infoprog-bundle-"));
  try {
    await build({
      configFile: resolve(import.meta.dirname, "../web/vite.config.ts"),
      logLevel: "error",
      build: { outDir, manifest: "manifest.json", emptyOutDir: true },
    });
    const manifest = JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")) as Manifest;
    const files = await Promise.all(
      staticChunks(manifest, "public.html").map(async (file) => ({
        file,
        gzipBytes: gzipSync(await readFile(join(outDir, file)), { level: 9 }).length,
      })),
    );
    return { files, gzipBytes: files.reduce((sum, each) => sum + each.gzipBytes, 0) };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = await measurePublicBundle();
  for (const each of size.files) console.log(`${(each.gzipBytes / 1024).toFixed(1).padStart(8)} KB  ${each.file}`);
  const verdict = size.gzipBytes < PUBLIC_JS_BUDGET_BYTES ? "OK" : "OVER BUDGET";
  console.log(`${(size.gzipBytes / 1024).toFixed(1).padStart(8)} KB  public page JS, gzip (budget 200 KB): ${verdict}`);
  if (verdict !== "OK") process.exitCode = 1;
}
