import { describe, expect, it } from "vitest";
import { FieldErrorStore, KeyedStore } from "../../web/src/lib/fieldErrorStore.js";

describe("field error store", () => {
  it("counts invalid fields and notifies only on real changes", () => {
    const store = new FieldErrorStore<"bad" | "worse">();
    let notified = 0;
    const unsubscribe = store.subscribe(() => notified++);
    store.set("a", "bad");
    store.set("a", "bad");
    store.set("b", "worse");
    expect(store.size).toBe(2);
    expect(notified).toBe(2);
    store.set("a", null);
    store.set("missing", null);
    expect(store.size).toBe(1);
    expect(store.get("b")).toBe("worse");
    expect(notified).toBe(3);
    store.clear();
    expect(store.size).toBe(0);
    unsubscribe();
    store.set("c", "bad");
    expect(notified).toBe(4);
  });
});

describe("keyed store replaceAll", () => {
  it("notifies only when the content differs", () => {
    const store = new KeyedStore<true>();
    let notified = 0;
    store.subscribe(() => notified++);
    store.replaceAll(new Map([["d1.1", true]]));
    store.replaceAll(new Map([["d1.1", true]]));
    expect(notified).toBe(1);
    store.replaceAll(new Map([["d1.2", true]]));
    expect(notified).toBe(2);
    expect(store.get("d1.1")).toBeUndefined();
    expect(store.get("d1.2")).toBe(true);
  });
});
