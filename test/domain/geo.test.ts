import { describe, expect, it, vi } from "vitest";
import {
  allCommunities,
  communitiesNamed,
  communityOfCode,
  matchNames,
  searchCommunities,
} from "../../src/domain/geo/communities.js";
import { coreName, editDistance, normalizeName, transliterate } from "../../src/domain/geo/names.js";
import { geographyFindings, placeCommunity } from "../../src/domain/geo/placement.js";
import { emptyProgramme } from "../../src/domain/model.js";

describe("the codifier's table of communities", () => {
  const all = allCommunities();

  it("holds the 1 469 communities, each code once, in 24 oblasts, each with a raion", () => {
    expect(all).toHaveLength(1469);
    expect(new Set(all.map((each) => each.katottg)).size).toBe(1469);
    expect(new Set(all.map((each) => each.oblast)).size).toBe(24);
    for (const each of all) {
      expect(each.katottg).toMatch(/^UA\d{17}$/);
      expect(each.oblast).toMatch(/ область$/);
      expect(each.raion).toMatch(/ район$/);
      expect(each.name).toMatch(/^[А-ЯІЇЄҐ][А-ЯІЇЄҐа-яіїєґʼ'’ -]+$/);
    }
  });

  it("knows the population of the communities the open source counts, and no invented ones", () => {
    const known = all.filter((each) => each.population !== null);
    expect(known.length).toBe(1469);
    const total = known.reduce((sum, each) => sum + (each.population ?? 0), 0);
    // The State Statistics Service's estimate for 1 January 2022 without Crimea: about 37–42 million.
    expect(total).toBeGreaterThan(37_000_000);
    expect(total).toBeLessThan(42_000_000);
  });

  it("places a community's own code, and a settlement's code in its community", () => {
    expect(communityOfCode("UA59060110000049734")).toMatchObject({
      exact: true,
      community: { name: "Роменська", kind: "міська", oblast: "Сумська область", raion: "Роменський район" },
    });
    // Starokostiantyniv's programme gives the town's code (level 4), not the community's.
    expect(communityOfCode("UA68040390010084208")).toMatchObject({
      exact: false,
      community: { katottg: "UA68040390000011141", name: "Старокостянтинівська" },
    });
    expect(communityOfCode("UA99000000000000001")).toBeNull();
  });

  it("answers a code's first lookups from its text as the table answers them", async () => {
    // The text is searched by a code's line start and by a community's prefix: each must be its own.
    expect(new Set(all.map((each) => each.katottg.slice(0, 9))).size).toBe(1469);
    const [first, last] = [all[0]?.katottg ?? "", all.at(-1)?.katottg ?? ""];
    const codes = [
      first,
      last,
      "UA59060110000049734",
      "UA68040390010084208",
      `${last.slice(0, 9)}0010000000`,
      "UA99000000000000001",
      first.slice(0, -1),
      "",
    ];
    vi.resetModules();
    const fresh = await import("../../src/domain/geo/communities.js");
    const fromText = codes.map((code) => fresh.communityOfCode(code));
    expect(fromText).toEqual(codes.map((code) => communityOfCode(code)));
    expect(fromText.filter((found) => found !== null)).toHaveLength(5);
  });
});

describe("names", () => {
  it("treat apostrophes, case, quotes and dashes alike", () => {
    expect(normalizeName("«Кам’янська»  МІСЬКА")).toBe(normalizeName("кам'янська міська"));
    expect(normalizeName("КамʼЯнська")).toBe(normalizeName("Кам`янська"));
    expect(coreName("Роменська міська територіальна громада")).toBe("роменська");
    expect(coreName("Слобожанська селищна ТГ")).toBe("слобожанська");
  });

  it("transliterate by the official table", () => {
    expect(transliterate("Згурівська")).toBe("zghurivska");
    expect(transliterate("Яготинська")).toBe("yahotynska");
    expect(transliterate("Щасливцевська")).toBe("shchaslyvtsevska");
    expect(transliterate("Кам'янська")).toBe("kamianska");
  });

  it("count a transposition as one edit", () => {
    expect(editDistance("роменська", "роменсьак")).toBe(1);
    expect(editDistance("роменська", "ромеснька")).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
  });
});

describe("matching a document's community by name", () => {
  it("finds the one community of that name and kind", () => {
    expect(communitiesNamed("Роменська міська територіальна громада").map((each) => each.katottg)).toEqual([
      "UA59060110000049734",
    ]);
  });

  it("keeps every community of a shared name when the kind does not tell them apart", () => {
    const named = communitiesNamed("Слобожанська селищна громада");
    expect(named.length).toBeGreaterThan(1);
    expect(new Set(named.map((each) => each.oblast)).size).toBe(named.length);
  });

  it("answers every name as a scan of the table in its order would, the kind narrowing it", () => {
    const all = allCommunities();
    const scan = (title: string) => {
      const named = all.filter((each) => coreName(each.name) === coreName(title));
      const ofKind = named.filter((each) => title.includes(each.kind ?? "—"));
      return ofKind.length > 0 ? ofKind : named;
    };
    const titles = [
      "Слобожанська громада",
      "Слобожанська селищна громада",
      "Миколаївська сільська рада",
      "Миколаївська",
      "Роменська міська територіальна громада",
      "Demo",
    ];
    for (const title of titles) expect(communitiesNamed(title)).toEqual(scan(title));
    expect(communitiesNamed("Миколаївська").length).toBeGreaterThan(2);
  });

  it("reports a name match as a guess to confirm, and a settlement's code", () => {
    const byName = emptyProgramme();
    byName.community = { name: "Роменська міська територіальна громада", katottg: "" };
    expect(placeCommunity(byName.community)).toMatchObject({
      how: "name",
      community: { oblast: "Сумська область" },
    });
    const [guess] = geographyFindings(byName);
    expect(guess?.code).toBe("import.katottg-by-name");
    expect(guess?.message).toContain("UA59060110000049734");

    const settlement = emptyProgramme();
    settlement.community = { name: "Старокостянтинівська", katottg: "UA68040390010084208" };
    expect(geographyFindings(settlement).map((each) => each.code)).toEqual(["import.katottg-not-community"]);

    const unknown = emptyProgramme();
    unknown.community = { name: "Демо", katottg: "UA99000000000000001" };
    expect(geographyFindings(unknown).map((each) => each.code)).toEqual(["import.katottg-unknown"]);

    const exact = emptyProgramme();
    exact.community = { name: "Роменська", katottg: "UA59060110000049734" };
    expect(geographyFindings(exact)).toEqual([]);
  });
});

describe("searching communities by name", () => {
  const first = (query: string) => searchCommunities(query, 5)[0]?.name;

  it("finds a community by a misspelt, truncated or transliterated name", () => {
    expect(first("Роменська")).toBe("Роменська");
    expect(first("роменсбка")).toBe("Роменська");
    expect(first("Старокостянтинівська")).toBe("Старокостянтинівська");
    expect(first("старокостянтинівьска")).toBe("Старокостянтинівська");
    expect(first("Romenska")).toBe("Роменська");
    expect(first("starokostiantynivska")).toBe("Старокостянтинівська");
    expect(first("Старокост")).toBe("Старокостянтинівська");
  });

  it("treats every apostrophe alike", () => {
    const names = ["Кам’янська", "Кам'янська", "Камʼянська"].map((query) => first(query));
    expect(new Set(names).size).toBe(1);
    expect(names[0]).toMatch(/^Кам.янська$/);
  });

  it("finds nothing for a word no name is near", () => {
    expect(searchCommunities("Зззззззз")).toEqual([]);
    expect(matchNames("", ["Роменська"], (each) => each)).toEqual([]);
  });
});
