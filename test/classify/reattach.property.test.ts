import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ItemIdentity, reattachOverrides, titleKey } from "../../src/domain/classify/index.js";

/** A project of the model: `key` is who it is, whatever its position; ids come from positions. */
interface Project {
  key: number;
  title: string;
  number: string;
}
type Tree = Project[][];

type Edit =
  | { kind: "insert"; direction: number; position: number }
  | { kind: "delete"; direction: number; position: number }
  | { kind: "move"; from: [number, number]; to: [number, number] };

const WORDS = [
  "придбання",
  "ноутбуків",
  "сайту",
  "камер",
  "обслуговування",
  "мережі",
  "ЦНАП",
  "школи",
  "Дія",
];
const title = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 })
  .map((words) => words.join(" "));
const index = fc.nat({ max: 20 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), direction: index, position: index }),
  fc.record({ kind: fc.constant("delete" as const), direction: index, position: index }),
  fc.record({ kind: fc.constant("move" as const), from: fc.tuple(index, index), to: fc.tuple(index, index) }),
);

function buildTree(titles: string[], directions: number): Tree {
  const tree: Tree = Array.from({ length: directions }, () => []);
  titles.forEach((text, key) => {
    const direction = tree[key % directions] ?? [];
    direction.push({ key, title: text, number: `${(key % directions) + 1}.${direction.length + 1}` });
  });
  return tree;
}

/** Applies the edits to a copy; inserted projects take titles from `fresh` in turn. */
function applyEdits(tree: Tree, edits: Edit[], fresh: string[], firstKey: number): Tree {
  const out = tree.map((projects) => [...projects]);
  let next = firstKey;
  for (const each of edits) {
    if (each.kind === "insert") {
      const projects = out[each.direction % out.length] ?? [];
      const text = fresh[next - firstKey];
      if (text === undefined) continue;
      projects.splice(each.position % (projects.length + 1), 0, { key: next++, title: text, number: "" });
    } else if (each.kind === "delete") {
      const projects = out[each.direction % out.length] ?? [];
      if (projects.length > 0) projects.splice(each.position % projects.length, 1);
    } else {
      const from = out[each.from[0] % out.length] ?? [];
      if (from.length === 0) continue;
      const [moved] = from.splice(each.from[1] % from.length, 1);
      const to = out[each.to[0] % out.length] ?? [];
      if (moved) to.splice(each.to[1] % (to.length + 1), 0, moved);
    }
  }
  return out;
}

/** Positional ids as `assignItemIds` gives them; numbers kept as printed, or renumbered, and titles restyled. */
function identities(tree: Tree, options: { renumber: boolean; restyle: boolean }): Map<number, ItemIdentity> {
  const out = new Map<number, ItemIdentity>();
  tree.forEach((projects, direction) => {
    projects.forEach((project, position) => {
      const id = `d${direction + 1}.${position + 1}`;
      const number = options.renumber || !project.number ? id.slice(1) : project.number;
      const shown = options.restyle ? `  ${project.title.toUpperCase()}.` : project.title;
      out.set(project.key, { id, number, title: shown });
    });
  });
  return out;
}

const scenario = (titles: fc.Arbitrary<string[]>) =>
  fc.record({
    titles,
    fresh: fc.array(title, { maxLength: 6 }),
    directions: fc.integer({ min: 1, max: 3 }),
    edits: fc.array(edit, { maxLength: 8 }),
    corrected: fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
    renumber: fc.boolean(),
    restyle: fc.boolean(),
  });

function run(input: {
  titles: string[];
  fresh: string[];
  directions: number;
  edits: Edit[];
  corrected: boolean[];
  renumber: boolean;
  restyle: boolean;
}) {
  const before = buildTree(input.titles, input.directions);
  const after = applyEdits(before, input.edits, input.fresh, input.titles.length);
  const oldIds = identities(before, { renumber: false, restyle: false });
  const newIds = identities(after, input);
  const corrections = [...oldIds]
    .filter(([key]) => input.corrected[key % input.corrected.length])
    .map(([key, anchor]) => ({ key, itemId: anchor.id, itemNumber: anchor.number, itemTitle: anchor.title }));
  const results = reattachOverrides(oldIds.values(), newIds.values(), corrections);
  return { results, newIds };
}

describe("corrections follow their project through inserts, deletes and moves (property)", () => {
  it("with distinct titles: each correction is on its project's new id, or dropped because it was deleted", () => {
    const distinct = fc.uniqueArray(title, { minLength: 1, maxLength: 12, selector: titleKey });
    fc.assert(
      fc.property(scenario(distinct), (input) => {
        fc.pre(input.fresh.every((text) => !input.titles.some((old) => titleKey(old) === titleKey(text))));
        fc.pre(new Set(input.fresh.map(titleKey)).size === input.fresh.length);
        const { results, newIds } = run(input);
        for (const result of results) {
          const now = newIds.get(result.override.key);
          if (now) {
            expect(result.outcome).not.toBe("dropped");
            if (result.outcome !== "dropped") expect(result.item.id).toBe(now.id);
          } else {
            expect(result).toMatchObject({ outcome: "dropped", reason: "not-found" });
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("with repeated titles: never on an item with another title, never two on one item", () => {
    const repeated = fc.array(
      fc.constantFrom("придбання ноутбуків", "Придбання  ноутбуків", "сайт", "камери"),
      {
        minLength: 1,
        maxLength: 12,
      },
    );
    fc.assert(
      fc.property(scenario(repeated), (input) => {
        const { results, newIds } = run(input);
        const newById = new Map([...newIds.values()].map((each) => [each.id, each]));
        const targets = new Set<string>();
        for (const result of results) {
          if (result.outcome === "dropped") continue;
          expect(newById.get(result.item.id)).toEqual(result.item);
          expect(titleKey(result.item.title)).toBe(titleKey(result.override.itemTitle));
          expect(targets.has(result.item.id)).toBe(false);
          targets.add(result.item.id);
        }
        const keysNow = [...newIds.values()].map((each) => titleKey(each.title));
        for (const result of results) {
          const now = newIds.get(result.override.key);
          const key = titleKey(result.override.itemTitle);
          const uniqueBefore =
            results.filter((each) => titleKey(each.override.itemTitle) === key).length === 1;
          const uniqueNow = keysNow.filter((each) => each === key).length === 1;
          if (now && uniqueBefore && uniqueNow) expect(result).toMatchObject({ item: { id: now.id } });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("without edits every correction stays where it is", () => {
    fc.assert(
      fc.property(scenario(fc.array(title, { minLength: 1, maxLength: 12 })), (input) => {
        const { results } = run({ ...input, edits: [] });
        for (const result of results)
          expect(result).toMatchObject({ outcome: "kept", item: { id: result.override.itemId } });
      }),
      { numRuns: 100 },
    );
  });
});
