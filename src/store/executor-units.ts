/**
 * Organisational units from an imported programme's executors: a unit for every executor the community
 * does not have yet (`executorGroups`: spellings of one unit grouped), and each project linked to the
 * units that execute it. A mapping the head has already set is kept; only projects without one (new
 * in a later version) get theirs. One transaction.
 */
import { executorGroups, executorKey } from "../domain/executors.js";
import type { Programme } from "../domain/model.js";
import { guessUnitKind } from "../domain/org-units.js";
import { type Actor, monitoringDb, writeAudit } from "./audit.js";
import type { Store } from "./index.js";
import { insertItemUnits, matchItemUnits } from "./monitoring.js";
import { normalizeName, type OrgUnit, UNIT_COLUMNS } from "./users.js";

export interface ExecutorUnitsResult {
  created: OrgUnit[];
  /** Item → unit links added. */
  linked: number;
}

export async function createExecutorUnits(
  store: Store,
  programmeId: number,
  katottg: string,
  programme: Programme,
  actor: Actor,
): Promise<ExecutorUnitsResult> {
  return monitoringDb(store)
    .transaction()
    .execute(async (trx) => {
      const units: OrgUnit[] = await trx
        .selectFrom("org_units")
        .select(UNIT_COLUMNS)
        .where("katottg", "=", katottg)
        .orderBy("id")
        .forUpdate()
        .execute();
      const known = new Set(units.flatMap((unit) => [normalizeName(unit.name), executorKey(unit.name)]));
      const created: OrgUnit[] = [];
      for (const group of executorGroups(programme)) {
        if (known.has(group.key) || group.spellings.some(({ text }) => known.has(normalizeName(text))))
          continue;
        const unit = await trx
          .insertInto("org_units")
          .values({ katottg, name: group.name, kind: guessUnitKind(group.name) })
          .onConflict((conflict) => conflict.doNothing())
          .returning(UNIT_COLUMNS)
          .executeTakeFirst();
        if (!unit) continue;
        known.add(group.key);
        created.push(unit);
        await writeAudit(trx, actor, {
          action: "create",
          entity: "org_unit",
          entityId: unit.id,
          after: unit,
        });
      }
      const linkedItems = new Set(
        (
          await trx
            .selectFrom("item_units")
            .select("item_id")
            .where("programme_id", "=", programmeId)
            .execute()
        ).map((row) => row.item_id),
      );
      const links = matchItemUnits(programme, [...units, ...created]).filter(
        (link) => !linkedItems.has(link.itemId),
      );
      if (links.length > 0) {
        await insertItemUnits(trx, programmeId, links);
        await writeAudit(trx, actor, {
          action: "item_units",
          entity: "programme",
          entityId: programmeId,
          before: null,
          after: links,
        });
      }
      return { created, linked: links.length };
    });
}
