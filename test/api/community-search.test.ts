import { readFileSync } from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import type { CommunitySearchAnswer } from "../../src/contract/community-search.js";
import { importText } from "../../src/import/index.js";
import type { Store } from "../../src/store/index.js";
import { FIXTURES } from "../import/support.js";
import { openTestStore } from "../support/db.js";

const fixture = (name: string) => importText(readFileSync(path.join(FIXTURES, name), "utf8"));

describe("GET /api/v1/communities/search", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    const romny = await store.saveImport(fixture("romny-2026-2028.txt"), { name: "romny.txt", sha256: "r" });
    await store.setStatus(romny.programmeId, "published");
    const staro = await store.saveImport(fixture("starokostiantyniv-2026-2028.txt"), {
      name: "staro.txt",
      sha256: "s",
    });
    await store.setStatus(staro.programmeId, "published");
    // Imported but not published: not open data, so not found.
    await store.saveImport(fixture("slobozhanska-2025-2027.txt"), { name: "slob.txt", sha256: "b" });
    app = buildApp({ store, webDist: "/nonexistent" });
  });
  afterAll(async () => {
    await app?.close();
    await dispose();
  });

  async function search(q: string): Promise<CommunitySearchAnswer["data"]> {
    const response = await app.inject({ url: `/api/v1/communities/search?q=${encodeURIComponent(q)}` });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as CommunitySearchAnswer).data;
  }

  it("finds a published community by a misspelt, Latin or partial name, with its oblast and population", async () => {
    for (const query of ["роменська", "РОМЕНСБКА", "Romenska", "ромен"]) {
      const [first] = await search(query);
      expect(first, query).toMatchObject({
        katottg: "UA59060110000049734",
        oblast: "Сумська область",
        population: 54264,
      });
    }
    const [staro] = await search("старокостянтинівьска");
    expect(staro?.katottg).toBe("UA68040390010084208");
    expect(staro?.oblast).toBe("Хмельницька область");
  });

  it("does not find a community whose programme is not published", async () => {
    expect(await search("Слобожанська")).toEqual([]);
  });

  it("refuses an empty or overlong query", async () => {
    expect((await app.inject({ url: "/api/v1/communities/search?q=" })).statusCode).toBe(400);
    const long = "а".repeat(101);
    expect(
      (await app.inject({ url: `/api/v1/communities/search?q=${encodeURIComponent(long)}` })).statusCode,
    ).toBe(400);
  });
});
