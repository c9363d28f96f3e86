/**
 * Managing a community's organisational units: an overview (how many projects and users each has, and
 * which look like one unit spelt two ways), editing (name, kind, parent: the units form a tree within
 * the community), merging. Each write checks and acts in one
 * transaction; `mayWrite` is the caller's community scope, asked of the units' own community.
 */
import { similarUnits } from "../domain/executors.js";
import { makesCycle, type UnitKind } from "../domain/org-units.js";
import { type Actor, type MonitoringTrx, monitoringDb, writeAudit } from "./audit.js";
import type { Store } from "./index.js";
import { checkParentUnit, type OrgUnit, UNIT_COLUMNS, UnitInvalidError } from "./users.js";

export { UnitInvalidError };

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
      "u.kind",
      "u.parent_id as parentId",
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
    kind: row.kind,
    parentId: row.parentId,
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
    .select(UNIT_COLUMNS)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!unit) throw new UnitNotFoundError(`Підрозділ ${id} не знайдено`);
  if (!mayWrite(unit.katottg)) throw new UnitScopeError("Це підрозділ іншої громади");
  return unit;
}

export interface UnitChanges {
  name?: string;
  kind?: UnitKind;
  /** null: a top-level unit. */
  parentId?: number | null;
}

async function checkNameFree(trx: MonitoringTrx, unit: OrgUnit, name: string): Promise<void> {
  const clash = await trx
    .selectFrom("org_units")
    .select("id")
    .where("katottg", "=", unit.katottg)
    .where("name", "=", name)
    .where("id", "<>", unit.id)
    .executeTakeFirst();
  if (clash) throw new UnitConflictError(`Підрозділ «${name}» уже є: об'єднайте їх`);
}

/** Refuses a parent of another community, the unit itself or one of its descendants. */
async function checkParent(trx: MonitoringTrx, unit: OrgUnit, parentId: number | null): Promise<void> {
  await checkParentUnit(trx, unit.katottg, parentId);
  // Locked so that two concurrent moves cannot close a cycle between them.
  const links = await trx
    .selectFrom("org_units")
    .select(["id", "parent_id as parentId"])
    .where("katottg", "=", unit.katottg)
    .forUpdate()
    .execute();
  if (makesCycle(links, unit.id, parentId))
    throw new UnitInvalidError("Підрозділ не може входити до самого себе чи до свого підпорядкованого");
}

/** Changes a unit's name, kind or parent (what `changes` names); audited as one update. */
export function updateUnit(
  store: Store,
  id: number,
  changes: UnitChanges,
  mayWrite: (katottg: string) => boolean,
  actor: Actor,
): Promise<OrgUnit> {
  return monitoringDb(store)
    .transaction()
    .execute(async (trx) => {
      const before = await lockUnit(trx, id, mayWrite);
      if (changes.name !== undefined) await checkNameFree(trx, before, changes.name);
      if (changes.parentId !== undefined) await checkParent(trx, before, changes.parentId);
      const after = await trx
        .updateTable("org_units")
        .set({
          name: changes.name ?? before.name,
          kind: changes.kind ?? before.kind,
          parent_id: changes.parentId === undefined ? before.parentId : changes.parentId,
        })
        .where("id", "=", id)
        .returning(UNIT_COLUMNS)
        .executeTakeFirstOrThrow();
      await writeAudit(trx, actor, { action: "update", entity: "org_unit", entityId: id, before, after });
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
      // The merged unit's subunits move under the target; the target leaves the merged one if it was under it.
      await trx
        .updateTable("org_units")
        .set({ parent_id: into })
        .where("parent_id", "=", from)
        .where("id", "<>", into)
        .execute();
      if (target.parentId === from)
        await trx
          .updateTable("org_units")
          .set({ parent_id: source.parentId })
          .where("id", "=", into)
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
      return target.parentId === from ? { ...target, parentId: source.parentId } : target;
    });
}
