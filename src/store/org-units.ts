/**
 * Managing a community's organisational units: an overview (how many projects and users each has, and
 * which look like one unit spelt two ways), renaming, merging. Each write checks and acts in one
 * transaction; `mayWrite` is the caller's community scope, asked of the units' own community.
 */
import { similarUnits } from "../domain/executors.js";
import { type Actor, type MonitoringTrx, monitoringDb, writeAudit } from "./audit.js";
import type { Store } from "./index.js";
import type { OrgUnit } from "./users.js";

export interface UnitOverview extends OrgUnit {
  projects: number;
  users: number;
}

export interface UnitsOverview {
  units: UnitOverview[];
  /** Pairs of unit ids that are probably one unit: suggestions to merge. */
  similar: [number, number][];
}

export async function unitsOverview(store: Store, katottg: string): Promise<UnitsOverview> {
  const db = monitoringDb(store);
  const rows = await db
    .selectFrom("org_units as u")
    .select((eb) => [
      "u.id",
      "u.katottg",
      "u.name",
      eb
        .selectFrom("item_units as iu")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("iu.org_unit_id", "=", "u.id")
        .as("projects"),
      eb
        .selectFrom("users as us")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("us.org_unit_id", "=", "u.id")
        .as("users"),
    ])
    .where("u.katottg", "=", katottg)
    .orderBy("u.name")
    .execute();
  const units = rows.map((row) => ({
    id: row.id,
    katottg: row.katottg,
    name: row.name,
    projects: Number(row.projects ?? 0),
    users: Number(row.users ?? 0),
  }));
  return { units, similar: similarUnits(units).map(([a, b]) => [a.id, b.id]) };
}

export class UnitNotFoundError extends Error {}
export class UnitScopeError extends Error {}
export class UnitConflictError extends Error {}

async function lockUnit(
  trx: MonitoringTrx,
  id: number,
  mayWrite: (katottg: string) => boolean,
): Promise<OrgUnit> {
  const unit = await trx
    .selectFrom("org_units")
    .select(["id", "katottg", "name"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!unit) throw new UnitNotFoundError(`Підрозділ ${id} не знайдено`);
  if (!mayWrite(unit.katottg)) throw new UnitScopeError("Це підрозділ іншої громади");
  return unit;
}

export function renameUnit(
  store: Store,
  id: number,
  name: string,
  mayWrite: (katottg: string) => boolean,
  actor: Actor,
): Promise<OrgUnit> {
  return monitoringDb(store)
    .transaction()
    .execute(async (trx) => {
      const before = await lockUnit(trx, id, mayWrite);
      const clash = await trx
        .selectFrom("org_units")
        .select("id")
        .where("katottg", "=", before.katottg)
        .where("name", "=", name)
        .where("id", "<>", id)
        .executeTakeFirst();
      if (clash) throw new UnitConflictError(`Підрозділ «${name}» уже є: об'єднайте їх`);
      const after = await trx
        .updateTable("org_units")
        .set({ name })
        .where("id", "=", id)
        .returning(["id", "katottg", "name"])
        .executeTakeFirstOrThrow();
      await writeAudit(trx, actor, { action: "rename", entity: "org_unit", entityId: id, before, after });
      return after;
    });
}

/**
 * Merges unit `from` into unit `into` (of the same community): its projects, users and reports move
 * over, and `from` is removed.
 */
export function mergeUnits(
  store: Store,
  from: number,
  into: number,
  mayWrite: (katottg: string) => boolean,
  actor: Actor,
): Promise<OrgUnit> {
  return monitoringDb(store)
    .transaction()
    .execute(async (trx) => {
      if (from === into) throw new UnitConflictError("Підрозділ не можна об'єднати із самим собою");
      const source = await lockUnit(trx, from, mayWrite);
      const target = await lockUnit(trx, into, mayWrite);
      if (source.katottg !== target.katottg)
        throw new UnitScopeError("Підрозділи різних громад не об'єднуються");
      const links = await trx
        .selectFrom("item_units")
        .select(["programme_id", "item_id"])
        .where("org_unit_id", "=", from)
        .execute();
      if (links.length > 0) {
        await trx
          .insertInto("item_units")
          .values(links.map((link) => ({ ...link, org_unit_id: into })))
          .onConflict((conflict) => conflict.doNothing())
          .execute();
      }
      await trx.deleteFrom("item_units").where("org_unit_id", "=", from).execute();
      await trx.updateTable("users").set({ org_unit_id: into }).where("org_unit_id", "=", from).execute();
      await trx
        .updateTable("executor_reports")
        .set({ org_unit_id: into })
        .where("org_unit_id", "=", from)
        .execute();
      // Reminders are sent again as due; the merged unit's sent ones are not moved (one per unit and day).
      await trx.deleteFrom("reminders").where("org_unit_id", "=", from).execute();
      await trx.deleteFrom("org_units").where("id", "=", from).execute();
      await writeAudit(trx, actor, {
        action: "merge",
        entity: "org_unit",
        entityId: into,
        before: { merged: source },
        after: target,
      });
      return target;
    });
}
