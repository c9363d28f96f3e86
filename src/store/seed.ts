/**
 * Seeding of the demo database for `npm start`: the synthetic demo programme and its users. Kept apart
 * from demo.ts, which the web app also loads, so that the browser bundle never pulls in argon2.
 */
import { CNAP, demoProgramme, IT_DEPT } from "../domain/synthetic/demo.js";
import type { Store } from "./index.js";
import { createUser, ensureOrgUnit, listUsers, type NewUser } from "./users.js";

/** Inserts the demo programme, published, when the database holds no programme; returns whether it did. */
export async function seedDemo(store: Store): Promise<boolean> {
  if ((await store.listProgrammes()).length > 0) return false;
  const { programmeId } = await store.saveImport(
    { programme: demoProgramme(), findings: [] },
    { name: "demo", sha256: "demo" },
  );
  // Published, so that the public page and the open data have something to show from the first start.
  await store.setStatus(programmeId, "published");
  return true;
}

export const DEMO_LOGINS = ["admin", "head", "executor1", "executor2", "controller"] as const;

/**
 * Demo users of the demo community, all with one password: admin (every community), head, two
 * executors (the IT department and the administrative services centre) and a council controller.
 * Does nothing when any user exists; returns whether it created them.
 */
export async function seedDemoUsers(store: Store, password: string): Promise<boolean> {
  if ((await listUsers(store)).length > 0) return false;
  const katottg = demoProgramme().community.katottg;
  const it = await ensureOrgUnit(store, katottg, IT_DEPT);
  const cnap = await ensureOrgUnit(store, katottg, CNAP);
  const users: NewUser[] = [
    { login: "admin", displayName: "Адміністратор", role: "admin", password },
    { login: "head", displayName: "Керівник програми", role: "head", katottg, password },
    {
      login: "executor1",
      displayName: "Виконавець (ІТ)",
      role: "executor",
      katottg,
      orgUnitId: it.id,
      password,
    },
    {
      login: "executor2",
      displayName: "Виконавець (ЦНАП)",
      role: "executor",
      katottg,
      orgUnitId: cnap.id,
      password,
    },
    { login: "controller", displayName: "Контрольна комісія", role: "controller", katottg, password },
  ];
  for (const user of users) await createUser(store, user);
  return true;
}
