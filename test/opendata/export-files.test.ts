import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ExportFiles } from "../../src/opendata/files.js";

const zipOf = (key: string) => ({ family: "datapackage", key, extension: ".zip" });

describe("export files (written once per data state, served from disk)", () => {
  let dir: string;
  let files: ExportFiles;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "infoprog-exports-"));
    files = new ExportFiles(path.join(dir, "exports"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("concurrent requests for one file share one writing", async () => {
    let writings = 0;
    const write = async (file: string) => {
      writings += 1;
      await new Promise((resolve) => setTimeout(resolve, 30));
      await writeFile(file, "content");
    };
    const paths = await Promise.all([files.file(zipOf("a"), write), files.file(zipOf("a"), write)]);
    expect(writings).toBe(1);
    expect(paths[0]).toBe(paths[1]);
    expect(await readFile(paths[0] ?? "", "utf8")).toBe("content");
    await files.file(zipOf("a"), write);
    expect(writings).toBe(1);
  });

  it("a failed writing leaves no file, half or whole, and the next request writes it anew", async () => {
    const failing = async (file: string) => {
      await writeFile(file, "half");
      throw new Error("database went away");
    };
    await expect(files.file(zipOf("a"), failing)).rejects.toThrow("database went away");
    expect(await readdir(path.join(dir, "exports"))).toEqual([]);
    const written = await files.file(zipOf("a"), (file) => writeFile(file, "whole"));
    expect(await readFile(written, "utf8")).toBe("whole");
  });

  it("a new state's file replaces the family's older ones and leaves other families alone", async () => {
    await files.file(zipOf("old"), (file) => writeFile(file, "old"));
    await files.file({ family: "other", key: "x", extension: ".zip" }, (file) => writeFile(file, "x"));
    await files.file(zipOf("new"), (file) => writeFile(file, "new"));
    expect((await readdir(path.join(dir, "exports"))).sort()).toEqual(["datapackage-new.zip", "other-x.zip"]);
  });

  it("a file removed by another process between writing and opening is written again", async () => {
    let writings = 0;
    const write = async (file: string) => {
      writings += 1;
      await writeFile(file, `take ${writings}`);
    };
    const first = await files.file(zipOf("a"), write);
    await rm(first);
    const handle = await files.open(zipOf("a"), write);
    try {
      expect(await handle.readFile("utf8")).toBe("take 2");
    } finally {
      await handle.close();
    }
  });
});
