/** Units as a tree: kinds guessed on import, kind and parent on create and update, cycles refused. */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import type { OrgUnitView, UnitsOverview } from "../../src/contract/org-units.js";
import { executorKey } from "../../src/domain/executors.js";
import type { Store } from "../../src/store/index.js";
import { FIXTURES } from "../import/support.js";
import { openTestStore } from "../support/db.js";
import { type Client, userClient } from "./support.js";

const ROMNY = "UA59060110000049734";
const OTHER = "UA68040390010084208";
const text = readFileSync(path.join(FIXTURES, "romny-2026-2028.txt"), "utf8");

describe("organisational units as a tree", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let head: Client;
  let otherHead: Client;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    app = buildApp({ store, webDist: "/nonexistent" });
    head = await userClient(app, store, "romny-head", "head", { katottg: ROMNY });
    otherHead = await userClient(app, store, "staro-head", "head", { katottg: OTHER });
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  const create = async (client: Client, payload: Record<string, unknown>) =>
    client.inject({ method: "POST", url: "/api/org-units", payload });
  const created = async (payload: Record<string, unknown>): Promise<OrgUnitView> => {
    const response = await create(head, { katottg: ROMNY, ...payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const update = (id: number, payload: Record<string, unknown>) =>
    head.inject({ method: "PATCH", url: `/api/org-units/${id}`, payload });
  const overview = async () => (await head.inject("/api/org-units/overview")).json() as UnitsOverview;

  it("guesses the kind of units made from imported executors", async () => {
    const imported = await head.inject({
      method: "POST",
      url: "/api/import?name=romny.txt",
      payload: text,
      headers: { "content-type": "text/plain" },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const { units } = await overview();
    const education = units.find((unit) => executorKey(unit.name) === "відділ освіти");
    expect(education?.kind).toBe("department");
    expect(units.every((unit) => unit.parentId === null)).toBe(true);
  });

  it("creates a unit with a kind and a parent, guesses the kind when none is given, and lists both", async () => {
    const council = await created({ name: "Виконавчий комітет", kind: "executive" });
    expect(council).toMatchObject({ kind: "executive", parentId: null });
    const department = await created({ name: "Відділ з питань кібербезпеки", parentId: council.id });
    expect(department).toMatchObject({ kind: "department", parentId: council.id });
    const listed = (await head.inject("/api/org-units")).json() as OrgUnitView[];
    expect(listed.find((unit) => unit.id === department.id)).toEqual(department);
    expect((await overview()).units.find((unit) => unit.id === department.id)?.parentId).toBe(council.id);
  });

  it("refuses a parent of another community, on create and on update", async () => {
    const foreign = await create(otherHead, { katottg: OTHER, name: "Відділ освіти" });
    expect(foreign.statusCode, foreign.body).toBe(201);
    const refused = await create(head, { katottg: ROMNY, name: "Сектор", parentId: foreign.json().id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatch(/не належить цій громаді/);
    const unit = await created({ name: "Сектор архіву" });
    const moved = await update(unit.id, { parentId: foreign.json().id });
    expect(moved.statusCode).toBe(400);
  });

  it("refuses making a unit its own parent or a child of its descendant, and allows a valid move", async () => {
    const top = await created({ name: "Управління економіки", kind: "department" });
    const middle = await created({ name: "Відділ інвестицій", parentId: top.id });
    const bottom = await created({ name: "Сектор грантів", parentId: middle.id });
    for (const parentId of [top.id, middle.id, bottom.id]) {
      const refused = await update(top.id, { parentId });
      expect(refused.statusCode, String(parentId)).toBe(400);
      expect(refused.json().error).toMatch(/не може входити до самого себе/);
    }
    const moved = await update(bottom.id, {
      parentId: top.id,
      kind: "other",
      name: "Сектор грантів і донорів",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: top.id, kind: "other", name: "Сектор грантів і донорів" });
    const detached = await update(bottom.id, { parentId: null });
    expect(detached.json().parentId).toBeNull();
    expect((await update(top.id, { kind: "sorting-office" })).statusCode).toBe(400);
    expect((await update(top.id, {})).statusCode).toBe(400);
  });

  it("merging moves the merged unit's subunits under the target", async () => {
    const from = await created({ name: "Відділ культури" });
    const into = await created({ name: "Управління культури і туризму" });
    const child = await created({ name: "Сектор музеїв", parentId: from.id });
    const merged = await head.inject({
      method: "POST",
      url: `/api/org-units/${from.id}/merge`,
      payload: { into: into.id },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await overview()).units.find((unit) => unit.id === child.id)?.parentId).toBe(into.id);
  });

  it("merging a unit into its own subunit lifts the subunit to the merged one's place", async () => {
    const top = await created({ name: "Виконавчий апарат" });
    const from = await created({ name: "Загальний відділ", parentId: top.id });
    const into = await created({ name: "Відділ діловодства", parentId: from.id });
    const merged = await head.inject({
      method: "POST",
      url: `/api/org-units/${from.id}/merge`,
      payload: { into: into.id },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().parentId).toBe(top.id);
    expect((await overview()).units.find((unit) => unit.id === into.id)?.parentId).toBe(top.id);
  });
});
