import { describe, expect, it } from "vitest";
import { allCommunities } from "../../src/domain/geo/communities.js";
import { joinCommunityName, splitCommunityName } from "../../src/domain/geo/full-name.js";

describe("a community's official name in parts", () => {
  it("splits the kind off «… територіальна громада» by an ASCII id, and joins it back", () => {
    expect(splitCommunityName("Озерянська сільська територіальна громада")).toEqual({
      name: "Озерянська",
      kind: "village",
    });
    expect(splitCommunityName("Нова Одеса міська територіальна громада")).toEqual({
      name: "Нова Одеса",
      kind: "city",
    });
    expect(splitCommunityName("Лиманська селищна територіальна громада").kind).toBe("settlement");
  });

  it("keeps a name of another shape whole, without a kind", () => {
    for (const name of [
      "Київ",
      "Демонстраційна громада",
      "міська територіальна громада",
      "Озерянська сільська територіальна громада (стара назва)",
      "Озерянська  обласна територіальна громада",
    ]) {
      expect(splitCommunityName(name)).toEqual({ name, kind: null });
    }
  });

  it("gives back every community's whole name of the codifier", () => {
    for (const community of allCommunities()) {
      const full = community.kind
        ? `${community.name} ${community.kind} територіальна громада`
        : community.name;
      const parts = splitCommunityName(full);
      expect(joinCommunityName(parts)).toBe(full);
      if (community.kind) expect(parts.name).toBe(community.name);
    }
  });
});
