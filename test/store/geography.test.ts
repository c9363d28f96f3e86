import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importText } from "../../src/import/index.js";
import { nationalView } from "../../src/opendata/aggregates.js";
import { fillCommunityGeography } from "../../src/store/geography.js";
import type { Store } from "../../src/store/index.js";
import { FIXTURES } from "../import/support.js";
import { openTestStore } from "../support/db.js";

const fixture = (name: string) => importText(readFileSync(path.join(FIXTURES, name), "utf8"));

describe("communities' geography in the store", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
  });
  afterAll(async () => dispose());

  const community = (katottg: string) =>
    store.kysely().selectFrom("communities").selectAll().where("katottg", "=", katottg).executeTakeFirst();

  it("gives an imported real programme's community its oblast and population, and lists it nationally", async () => {
    const romny = fixture("romny-2026-2028.txt");
    const saved = await store.saveImport(romny, { name: "romny.txt", sha256: "r" });
    expect(await community("UA59060110000049734")).toMatchObject({
      oblast: "Сумська область",
      population: 54264,
    });
    const staro = fixture("starokostiantyniv-2026-2028.txt");
    expect(staro.findings.map((each) => each.code)).toContain("import.katottg-not-community");
    await store.saveImport(staro, { name: "staro.txt", sha256: "s" });
    expect(await community("UA68040390010084208")).toMatchObject({ oblast: "Хмельницька область" });

    await store.setStatus(saved.programmeId, "published");
    const view = await nationalView(store.kysely(), 2026);
    expect(view.oblast_names).toEqual(["Сумська область"]);
    expect(view.top_communities.community.map((at) => view.community_names.katottg[at])).toEqual([
      "UA59060110000049734",
    ]);
    const oblast = await nationalView(store.kysely(), 2026, "Сумська область");
    expect(oblast.communities).toBe(1);
  });

  it("fills a community stored before the table shipped, by code or, without one, by its name", async () => {
    const db = store.kysely();
    await db
      .insertInto("communities")
      .values([
        { katottg: "UA63140110000087562", name: "Слобожанська селищна громада" },
        {
          katottg: "name:роменська міська територіальна громада",
          name: "Роменська міська територіальна громада",
        },
        { katottg: "UA99000000000000077", name: "Невідома громада" },
      ])
      .execute();
    expect(await fillCommunityGeography(db)).toBe(2);
    expect(await community("UA63140110000087562")).toMatchObject({ oblast: "Харківська область" });
    expect(await community("name:роменська міська територіальна громада")).toMatchObject({
      oblast: "Сумська область",
      population: 54264,
    });
    expect(await community("UA99000000000000077")).toMatchObject({ oblast: null, population: null });
    expect(await fillCommunityGeography(db)).toBe(0);
  });
});
