/** Users, their roles and organisational units. Passwords are kept only as argon2id hashes. */
import { hash } from "@node-rs/argon2";
import { guessUnitKind, type UnitKind } from "../domain/org-units.js";
import type { Role } from "../domain/roles.js";
import { type Actor, type MonitoringDb, monitoringDb, writeAudit } from "./audit.js";
import type { Store } from "./index.js";

export interface User {
  id: number;
  login: string;
  displayName: string;
  email: string | null;
  role: Role;
  orgUnitId: number | null;
  /** The community the user works for; null = every community (admin). */
  katottg: string | null;
}

export interface NewUser {
  login: string;
  password: string;
  displayName: string;
  role: Role;
  email?: string | null;
  orgUnitId?: number | null;
  katottg?: string | null;
}

export interface OrgUnit {
  id: number;
  katottg: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
}

/** The columns of `org_units` read as an `OrgUnit`. */
export const UNIT_COLUMNS = ["id", "katottg", "name", "kind", "parent_id as parentId"] as const;

export class UnitInvalidError extends Error {}

/** Refuses a parent that is not a unit of the community `katottg`. */
export async function checkParentUnit(
  db: MonitoringDb,
  katottg: string,
  parentId: number | null,
): Promise<void> {
  if (parentId === null) return;
  const parent = await db
    .selectFrom("org_units")
    .select("katottg")
    .where("id", "=", parentId)
    .executeTakeFirst();
  if (parent?.katottg !== katottg)
    throw new UnitInvalidError(`Вищий підрозділ ${parentId} не належить цій громаді`);
}

type UserRow = {
  id: number;
  login: string;
  display_name: string;
  email: string | null;
  role: Role;
  org_unit_id: number | null;
  katottg: string | null;
};

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    email: row.email,
    role: row.role,
    orgUnitId: row.org_unit_id,
    katottg: row.katottg,
  };
}

export const USER_COLUMNS = [
  "id",
  "login",
  "display_name",
  "email",
  "role",
  "org_unit_id",
  "katottg",
] as const;

/** Names of units as printed vary in case, quotes, spaces and dashes; compare them normalized. */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[«»"“”„'’ʼ`]/g, "")
    .replace(/[‐‑–—−]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Creates a user (CLI and demo seeding use it too); executors need an org unit. */
export async function createUser(store: Store, input: NewUser, actor: Actor = null): Promise<User> {
  if (input.role === "executor" && !input.orgUnitId) throw new Error("an executor needs an org unit");
  const passwordHash = await hashPassword(input.password);
  return monitoringDb(store)
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto("users")
        .values({
          login: input.login,
          password_hash: passwordHash,
          display_name: input.displayName,
          email: input.email ?? null,
          role: input.role,
          org_unit_id: input.orgUnitId ?? null,
          katottg: input.katottg ?? null,
        })
        .returning(USER_COLUMNS)
        .executeTakeFirstOrThrow();
      const user = toUser(row);
      await writeAudit(trx, actor, { action: "create", entity: "user", entityId: user.id, after: user });
      return user;
    });
}

export async function findUser(db: MonitoringDb, id: number): Promise<User | undefined> {
  const row = await db.selectFrom("users").select(USER_COLUMNS).where("id", "=", id).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

/** Every user, or those of one community. */
export async function listUsers(store: Store, katottg?: string): Promise<User[]> {
  let query = monitoringDb(store).selectFrom("users").select(USER_COLUMNS);
  if (katottg !== undefined) query = query.where("katottg", "=", katottg);
  const rows = await query.orderBy("id").execute();
  return rows.map(toUser);
}

/**
 * The unit of a community by name (matched normalized), created when missing: of the kind given, or the
 * one its name suggests, under `parentId` (a unit of the same community) when given.
 */
export async function ensureOrgUnit(
  store: Store,
  katottg: string,
  name: string,
  actor: Actor = null,
  place: { kind?: UnitKind; parentId?: number | null } = {},
): Promise<OrgUnit> {
  const db = monitoringDb(store);
  const existing = (await listOrgUnits(store, katottg)).find(
    (unit) => normalizeName(unit.name) === normalizeName(name),
  );
  if (existing) return existing;
  return db.transaction().execute(async (trx) => {
    const parentId = place.parentId ?? null;
    await checkParentUnit(trx, katottg, parentId);
    const unit = await trx
      .insertInto("org_units")
      .values({
        katottg,
        name: name.replace(/\s+/g, " ").trim(),
        kind: place.kind ?? guessUnitKind(name),
        parent_id: parentId,
      })
      .returning(UNIT_COLUMNS)
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: "create", entity: "org_unit", entityId: unit.id, after: unit });
    return unit;
  });
}

export function listOrgUnits(store: Store, katottg?: string): Promise<OrgUnit[]> {
  let query = monitoringDb(store).selectFrom("org_units").select(UNIT_COLUMNS);
  if (katottg) query = query.where("katottg", "=", katottg);
  return query.orderBy("id").execute();
}
