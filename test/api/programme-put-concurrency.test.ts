/**
 * PUT /api/programmes/:id with the version the user edited (?baseVersion= or If-Match): an edit made on
 * an older version is refused (409 / 412, with the latest version) instead of overwriting what another
 * editor saved since; without either, the whole-programme save stays last-write-wins as before.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import type { Programme } from "../../src/domain/model.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { validateProgramme } from "../../src/domain/validate.js";
import type { Store } from "../../src/store/index.js";
import { type Client, userClient } from "../monitoring-api/support.js";
import { openTestStore } from "../support/db.js";

describe("whole-programme save checks the edited version", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let head: Client;
  let id: number;
  let programme: Programme;

  const put = (edited: Programme, options: { baseVersion?: number; ifMatch?: string } = {}) =>
    head.inject({
      method: "PUT",
      url: `/api/programmes/${id}${options.baseVersion ? `?baseVersion=${options.baseVersion}` : ""}`,
      payload: edited,
      headers: options.ifMatch ? { "if-match": options.ifMatch } : {},
    });
  const versions = async () => (await store.getProgramme(id))?.versions.length;
  const renamed = (title: string) => ({ ...structuredClone(programme), title });

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    app = buildApp({ store, webDist: "/nonexistent" });
    await app.ready();
    programme = structuredClone(demoProgramme());
    head = await userClient(app, store, "head", "head", { katottg: programme.community.katottg });
    ({ programmeId: id } = await store.saveImport(
      { programme, findings: validateProgramme(programme) },
      { name: "demo", sha256: "demo" },
    ));
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it("saves an edit of the latest version, then refuses a second editor's edit of the same version", async () => {
    expect((await put(renamed("Перший редактор"), { baseVersion: 1 })).statusCode).toBe(200);
    const stale = await put(renamed("Другий редактор"), { baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ latestVersion: 2 });
    expect(stale.json().error).toMatch(/остання версія 2/);
    expect(await versions()).toBe(2);
    expect((await store.getProgramme(id))?.programme.title).toBe("Перший редактор");
  });

  it("answers 412 to a stale If-Match and 400 to a malformed one", async () => {
    const stale = await put(renamed("Третій"), { ifMatch: '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ latestVersion: 2 });
    expect((await put(renamed("Третій"), { ifMatch: "2" })).statusCode).toBe(400);
    expect((await put(renamed("Третій"), { ifMatch: 'W/"2"' })).statusCode).toBe(200);
    expect(await versions()).toBe(3);
  });

  it("without a version, saves as before", async () => {
    expect((await put(renamed("Без версії"))).statusCode).toBe(200);
    expect(await versions()).toBe(4);
  });
});
