/**
 * The shared scene of the monitoring API tests: the real Romny programme imported with importDocument,
 * two org units named as its task table prints them, and a head, two executors and a controller.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/api/app.js";
import type { Item } from "../../src/domain/model.js";
import {
  isActiveInYear,
  plannedForYear,
  projectItems,
  sumAmounts,
} from "../../src/domain/monitoring/rollup.js";
import { importDocument } from "../../src/import/index.js";
import type { Store } from "../../src/store/index.js";
import type { Mailer } from "../../src/store/reminders.js";
import { ensureOrgUnit, type OrgUnit } from "../../src/store/users.js";
import { openTestStore } from "../support/db.js";
import { type Client, userClient } from "./support.js";

export const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");
export const DIGITAL =
  "відділ цифрового розвитку та цифровізації Виконавчого комітету Роменської міської ради";
export const CULTURE = "Відділ культури Роменської міської ради";

export interface Scene {
  store: Store;
  app: FastifyInstance;
  programmeId: number;
  katottg: string;
  title: string;
  items: Item[];
  digital: OrgUnit;
  culture: OrgUnit;
  head: Client;
  executor1: Client;
  executor2: Client;
  controller: Client;
  /** Moves the server clock (submission times). */
  setNow(iso: string): void;
  dispose(): Promise<void>;
}

export async function romnyScene(options: { mailer?: Mailer } = {}): Promise<Scene> {
  const { store, dispose } = await openTestStore();
  const name = "romny-2026-2028.txt";
  const result = await importDocument(await readFile(path.join(FIXTURES, name)), name);
  const { programmeId } = await store.saveImport(result, { name, sha256: "romny" });
  const katottg = result.programme.community.katottg;
  const digital = await ensureOrgUnit(store, katottg, DIGITAL);
  const culture = await ensureOrgUnit(store, katottg, CULTURE);
  let now = new Date("2026-01-10T09:00:00Z");
  const app = buildApp({
    store,
    webDist: "/nonexistent",
    clock: () => now,
    loginAttemptsPerMinute: 1000,
    mailer: options.mailer,
  });
  await app.ready();
  const head = await userClient(app, store, "head", "head", { katottg });
  const executor1 = await userClient(app, store, "executor1", "executor", {
    katottg,
    orgUnitId: digital.id,
    email: "digital@example.org",
  });
  const executor2 = await userClient(app, store, "executor2", "executor", {
    katottg,
    orgUnitId: culture.id,
    email: "culture@example.org",
  });
  const controller = await userClient(app, store, "controller", "controller", { katottg });
  return {
    store,
    app,
    programmeId,
    katottg,
    title: result.programme.title,
    items: result.programme.directions.flatMap((direction) => projectItems(direction.items)),
    digital,
    culture,
    head,
    executor1,
    executor2,
    controller,
    setNow: (iso) => {
      now = new Date(iso);
    },
    dispose: async () => {
      await app.close();
      await dispose();
    },
  };
}

/** Projects active in `year` that the unit executes and the other unit does not. */
export function unitProjects(scene: Scene, unitName: string, otherUnit: string, year: number): Item[] {
  return scene.items.filter(
    (item) =>
      item.executors.includes(unitName) && !item.executors.includes(otherUnit) && isActiveInYear(item, year),
  );
}

export function hasMoney(item: Item, year: number): boolean {
  return sumAmounts(plannedForYear(item, year)) > 0;
}
