import { readFileSync } from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import type { UnitsOverview } from "../../src/contract/org-units.js";
import { executorKey } from "../../src/domain/executors.js";
import { allItems, type Programme } from "../../src/domain/model.js";
import type { Store } from "../../src/store/index.js";
import { FIXTURES } from "../import/support.js";
import { openTestStore } from "../support/db.js";
import { type Client, userClient } from "./support.js";

const ROMNY = "UA59060110000049734";
const OTHER = "UA68040390010084208";
const text = readFileSync(path.join(FIXTURES, "romny-2026-2028.txt"), "utf8");

describe("organisational units from an import, and their management", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let head: Client;
  let otherHead: Client;
  let programmeId = 0;

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

  const importRomny = () =>
    head.inject({
      method: "POST",
      url: "/api/import?name=romny.txt",
      payload: text,
      headers: { "content-type": "text/plain" },
    });
  const overview = async (client: Client) => {
    const response = await client.inject("/api/org-units/overview");
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as UnitsOverview;
  };

  it("creates a unit for each distinct executor and links every project to its executors' units", async () => {
    const imported = await importRomny();
    expect(imported.statusCode, imported.body).toBe(201);
    programmeId = imported.json().programmeId;
    const { units } = await overview(head);
    const names = units.map((unit) => unit.name);
    // Spellings with and without the council are one unit.
    expect(names.filter((name) => executorKey(name) === "відділ освіти")).toHaveLength(1);
    expect(new Set(names.map(executorKey)).size).toBe(names.length);

    const programme = (await head.inject(`/api/programmes/${programmeId}`)).json().programme as Programme;
    const links = (await head.inject(`/api/programmes/${programmeId}/item-units`)).json() as {
      itemId: string;
      orgUnitId: number;
    }[];
    const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
    const leaves = allItems(programme).filter(
      (item) => item.children.length === 0 && item.executors.length > 0,
    );
    for (const item of leaves) {
      const linked = links
        .filter((link) => link.itemId === item.id)
        .map((link) => unitName.get(link.orgUnitId));
      expect(linked.length, item.id).toBeGreaterThan(0);
      expect(new Set(linked.map((name) => executorKey(name ?? ""))), item.id).toEqual(
        new Set(item.executors.map(executorKey)),
      );
    }
    expect(units.reduce((sum, unit) => sum + unit.projects, 0)).toBe(links.length);
  });

  it("re-importing the programme adds no unit and keeps the mapping", async () => {
    const before = await overview(head);
    const links = (await head.inject(`/api/programmes/${programmeId}/item-units`)).json();
    expect((await importRomny()).statusCode).toBe(200);
    expect((await overview(head)).units).toEqual(before.units);
    expect((await head.inject(`/api/programmes/${programmeId}/item-units`)).json()).toEqual(links);
  });

  it("suggests merging names that are one unit spelt two ways, and merges them with their projects", async () => {
    const { units, similar } = await overview(head);
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    const pair = similar.find(([a, b]) =>
      [a, b].every((id) => byId.get(id)?.name.startsWith("Структурні підрозділи")),
    );
    expect(pair).toBeDefined();
    const [from = 0, into = 0] = pair ?? [];
    const projects = (byId.get(from)?.projects ?? 0) + (byId.get(into)?.projects ?? 0);

    const merged = await head.inject({
      method: "POST",
      url: `/api/org-units/${from}/merge`,
      payload: { into },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const after = await overview(head);
    expect(after.units.some((unit) => unit.id === from)).toBe(false);
    expect(after.units.find((unit) => unit.id === into)?.projects).toBe(projects);

    const renamed = await head.inject({
      method: "PATCH",
      url: `/api/org-units/${into}`,
      payload: { name: "Структурні підрозділи міської ради" },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().name).toBe("Структурні підрозділи міської ради");
  });

  it("refuses another community's head: 403 on renaming, merging, creating units and users there", async () => {
    const { units } = await overview(head);
    const [first, second] = units;
    const rename = await otherHead.inject({
      method: "PATCH",
      url: `/api/org-units/${first?.id}`,
      payload: { name: "Захоплено" },
    });
    expect(rename.statusCode).toBe(403);
    const merge = await otherHead.inject({
      method: "POST",
      url: `/api/org-units/${first?.id}/merge`,
      payload: { into: second?.id },
    });
    expect(merge.statusCode).toBe(403);
    const unit = await otherHead.inject({
      method: "POST",
      url: "/api/org-units",
      payload: { katottg: ROMNY, name: "Чужий відділ" },
    });
    expect(unit.statusCode).toBe(403);
    const user = await otherHead.inject({
      method: "POST",
      url: "/api/users",
      payload: {
        login: "intruder",
        password: "password-123",
        displayName: "X",
        role: "head",
        katottg: ROMNY,
      },
    });
    expect(user.statusCode).toBe(403);
    // Their own overview shows none of Romny's units.
    expect((await overview(otherHead)).units).toEqual([]);
    expect((await overview(head)).units.find((each) => each.id === first?.id)?.name).toBe(first?.name);
  });

  it("lets a head add an executor to a unit of their community, but not an admin", async () => {
    const [unit] = (await overview(head)).units;
    const executor = await head.inject({
      method: "POST",
      url: "/api/users",
      payload: {
        login: "romny-exec",
        password: "password-123",
        displayName: "Виконавиця",
        role: "executor",
        katottg: ROMNY,
        orgUnitId: unit?.id,
      },
    });
    expect(executor.statusCode, executor.body).toBe(201);
    const admin = await head.inject({
      method: "POST",
      url: "/api/users",
      payload: {
        login: "romny-admin",
        password: "password-123",
        displayName: "A",
        role: "admin",
        katottg: ROMNY,
      },
    });
    expect(admin.statusCode).toBe(403);
    const users = (await head.inject("/api/users")).json() as { login: string }[];
    expect(users.map((each) => each.login).sort()).toEqual(["romny-exec", "romny-head"]);
  });
});
