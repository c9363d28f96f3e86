import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Points INFOPROG_EXPORTS_DIR (where datapackage.zip is written) at a fresh temporary folder, so a test
 * writes nothing into the checkout; returns the folder and the function that removes it and restores.
 */
export async function temporaryExportsDir(): Promise<{ dir: string; restore(): Promise<void> }> {
  const previous = process.env.INFOPROG_EXPORTS_DIR;
  const dir = await mkdtemp(path.join(tmpdir(), "infoprog-exports-"));
  process.env.INFOPROG_EXPORTS_DIR = dir;
  return {
    dir,
    restore: async () => {
      if (previous === undefined) delete process.env.INFOPROG_EXPORTS_DIR;
      else process.env.INFOPROG_EXPORTS_DIR = previous;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
