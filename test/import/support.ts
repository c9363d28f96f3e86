import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ImportResult, Item, Programme } from "../../src/domain/model.js";
import { interpretBlocks } from "../../src/import/interpret/index.js";
import { readTextBlocks } from "../../src/import/text/reader.js";

export const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".txt"))
    .sort();
}

const cache = new Map<string, ImportResult>();

/**
 * Imports a fixture once per test file, with the importer's own findings only (`importText` adds
 * the validator's, tested in api.test.ts).
 */
export function importFixture(name: string): ImportResult {
  let result = cache.get(name);
  if (!result) {
    result = interpretBlocks(readTextBlocks(readFileSync(path.join(FIXTURES, name), "utf8")));
    cache.set(name, result);
  }
  return result;
}

/** An item by its id ("d1.3.1"). */
export function item(programme: Programme, id: string): Item {
  const parts = id.replace(/^d/, "").split(".").map(Number);
  const direction = programme.directions[(parts[0] ?? 0) - 1];
  let items = direction?.items ?? [];
  let found: Item | undefined;
  for (const position of parts.slice(1)) {
    found = items[position - 1];
    items = found?.children ?? [];
  }
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

export function countByLevel(programme: Programme): number[] {
  const counts: number[] = [];
  const visit = (items: Item[], level: number): void => {
    for (const each of items) {
      counts[level] = (counts[level] ?? 0) + 1;
      visit(each.children, level + 1);
    }
  };
  for (const direction of programme.directions) visit(direction.items, 0);
  return counts;
}
