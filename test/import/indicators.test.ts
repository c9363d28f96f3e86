import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NotAProgrammeError } from "../../src/import/blocks.js";
import { importText } from "../../src/import/index.js";

const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");

describe("indicator annex with misaligned columns", () => {
  // Found by test/fuzz: one line of romny's indicator header shifted right by a tab put the name column
  // before the number column, and realigning rows asked for an array of negative length.
  it("imports or refuses romny with the fuzzer's shifted line, never crashes", () => {
    const lines = readFileSync(path.join(FIXTURES, "romny-2026-2028.txt"), "utf8").split("\n");
    const at = 431906011 % lines.length;
    lines[at] = `\t${lines[at]}`;
    let outcome: unknown;
    try {
      outcome = importText(lines.join("\n")).programme.community.katottg;
    } catch (error) {
      outcome = error;
    }
    if (outcome instanceof Error) expect(outcome).toBeInstanceOf(NotAProgrammeError);
    else expect(outcome).toBe("UA59060110000049734");
  });
});
