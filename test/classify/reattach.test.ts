import { describe, expect, it } from "vitest";
import {
  type AnchoredOverride,
  type ItemIdentity,
  reattachOverrides,
  titleKey,
} from "../../src/domain/classify/index.js";

const item = (id: string, title: string, number = id.replace(/^d/, "")): ItemIdentity => ({
  id,
  number,
  title,
});

/** A correction made on `on` (its identity recorded), labelled so results can be told apart. */
function correction(on: ItemIdentity, category = "gis"): AnchoredOverride & { category: string } {
  return { itemId: on.id, itemNumber: on.number, itemTitle: on.title, category };
}

function summary(results: ReturnType<typeof reattachOverrides>) {
  return results.map((result) =>
    result.outcome === "dropped"
      ? { from: result.override.itemId, outcome: result.outcome, reason: result.reason }
      : { from: result.override.itemId, outcome: result.outcome, to: result.item.id },
  );
}

const laptops = item("d1.1", "Придбання ноутбуків");
const website = item("d1.2", "Модернізація офіційного сайту");
const cameras = item("d1.3", "Встановлення камер відеоспостереження");

describe("titleKey", () => {
  it("ignores case, spacing, apostrophes, hyphenation, quote style and trailing punctuation", () => {
    expect(titleKey("  Підтримка  «Дія.Центру»; ")).toBe(titleKey('підтримка "Дія.Центру"'));
    expect(titleKey("Обслу-говування комп’ютерів.")).toBe(titleKey("обслуговування комп'ютерів"));
    expect(titleKey("Придбання ноутбуків")).not.toBe(titleKey("Придбання принтерів"));
  });
});

describe("reattachOverrides", () => {
  it("keeps a correction whose item has the same id and title (up to normalisation)", () => {
    const renamed = { ...website, title: "МОДЕРНІЗАЦІЯ  офіційного сайту." };
    const results = reattachOverrides([laptops, website], [laptops, renamed], [correction(website)]);
    expect(summary(results)).toEqual([{ from: "d1.2", outcome: "kept", to: "d1.2" }]);
  });

  it("moves a correction to the new id when an item is inserted before its project", () => {
    const inserted = [item("d1.1", "Новий захід"), { ...laptops, id: "d1.2" }, { ...website, id: "d1.3" }];
    const results = reattachOverrides([laptops, website], inserted, [
      correction(website),
      correction(laptops),
    ]);
    expect(summary(results)).toEqual([
      { from: "d1.2", outcome: "moved", to: "d1.3" },
      { from: "d1.1", outcome: "moved", to: "d1.2" },
    ]);
    expect(results[0]?.override.category).toBe("gis");
  });

  it("drops a correction whose project was deleted, even though another item now has its id", () => {
    const results = reattachOverrides(
      [laptops, website, cameras],
      [laptops, { ...cameras, id: "d1.2" }],
      [correction(website)],
    );
    expect(summary(results)).toEqual([{ from: "d1.2", outcome: "dropped", reason: "not-found" }]);
    expect(results[0]?.anchor?.title).toBe(website.title);
  });

  it("drops a correction whose project was renamed (the title is its identity)", () => {
    const results = reattachOverrides(
      [laptops],
      [{ ...laptops, title: "Придбання ноутбуків і планшетів" }],
      [correction(laptops)],
    );
    expect(summary(results)).toEqual([{ from: "d1.1", outcome: "dropped", reason: "not-found" }]);
  });

  it("among items with the same title prefers the one with the same number, else drops as ambiguous", () => {
    const first = item("d1.1", "Придбання ноутбуків", "1.1");
    const second = item("d2.1", "Придбання ноутбуків", "2.1");
    const shifted = [
      item("d1.1", "Новий"),
      { ...first, id: "d1.2" },
      item("d2.1", "Інший"),
      { ...second, id: "d2.2" },
    ];
    expect(summary(reattachOverrides([first, second], shifted, [correction(second)]))).toEqual([
      { from: "d2.1", outcome: "moved", to: "d2.2" },
    ]);
    const renumbered = shifted.map((each) => ({ ...each, number: each.id.slice(1) }));
    expect(summary(reattachOverrides([first, second], renumbered, [correction(second)]))).toEqual([
      { from: "d2.1", outcome: "dropped", reason: "ambiguous" },
    ]);
  });

  it("never puts two corrections on one item: one kept in place wins, rivals moving onto it are dropped", () => {
    const twin = item("d1.5", laptops.title);
    const kept = reattachOverrides(
      [laptops, twin],
      [laptops],
      [correction(twin), correction(laptops, "other")],
    );
    expect(summary(kept)).toEqual([
      { from: "d1.5", outcome: "dropped", reason: "ambiguous" },
      { from: "d1.1", outcome: "kept", to: "d1.1" },
    ]);
    const both = reattachOverrides(
      [laptops, twin],
      [item("d1.9", laptops.title, "9")],
      [correction(laptops), correction(twin)],
    );
    expect(summary(both).map((each) => each.outcome)).toEqual(["dropped", "dropped"]);
  });

  it("takes an unrecorded identity from the old version's item with that id; none there → dropped", () => {
    const unrecorded = [{ itemId: "d1.2" }, { itemId: "d7.7", itemNumber: null, itemTitle: null }];
    const results = reattachOverrides(
      [laptops, website],
      [website, laptops].map((each, index) => ({ ...each, id: `d1.${index + 1}` })),
      unrecorded,
    );
    expect(summary(results)).toEqual([
      { from: "d1.2", outcome: "moved", to: "d1.1" },
      { from: "d7.7", outcome: "dropped", reason: "not-found" },
    ]);
    expect(results[1]?.anchor).toBeNull();
  });
});
