/**
 * One project's own fields saved as a new version (PATCH /api/programmes/:id/projects/:itemId): the
 * version it was edited from is checked under the programme's row lock, and only that item's rows of
 * the query tables are rewritten.
 */
import type { Finding, Programme } from "../domain/model.js";
import { type ProjectFields, withProjectFields } from "../domain/project-edit.js";
import type { Actor } from "./audit.js";
import { parseJson } from "./convert.js";
import type { Store } from "./index.js";
import { refuseFrozen, writeEdit } from "./programmes.js";

export interface ProjectEditInput {
  programmeId: number;
  itemId: string;
  fields: ProjectFields;
  /** The version the edit was made on: the latest, or the edit is refused. */
  baseVersion: number;
  /** The findings of the programme as it will be stored (the caller's validator). */
  validate: (programme: Programme) => Finding[];
  note?: string;
  actor: Actor;
}

export type ProjectEditOutcome =
  | { outcome: "not-found" }
  | { outcome: "no-project" }
  | { outcome: "conflict"; latestVersion: number }
  | {
      outcome: "saved";
      version: number;
      programme: Programme;
      findings: Finding[];
      previousFindings: Finding[];
    };

export function saveProjectEdit(store: Store, input: ProjectEditInput): Promise<ProjectEditOutcome> {
  return store
    .kysely()
    .transaction()
    .execute(async (trx): Promise<ProjectEditOutcome> => {
      await refuseFrozen(trx, input.programmeId);
      const latest = await trx
        .selectFrom("programme_versions")
        .select(["version", "document", "findings"])
        .where("programme_id", "=", input.programmeId)
        .orderBy("version", "desc")
        .limit(1)
        .executeTakeFirst();
      if (!latest) return { outcome: "not-found" };
      if (latest.version !== input.baseVersion) return { outcome: "conflict", latestVersion: latest.version };
      const before = parseJson(latest.document) as Programme;
      const programme = withProjectFields(before, input.itemId, input.fields);
      if (!programme) return { outcome: "no-project" };
      const findings = input.validate(programme);
      const saved = await writeEdit(
        trx,
        input.programmeId,
        programme,
        findings,
        input.note,
        input.actor,
        input.itemId,
      );
      if (!saved) return { outcome: "not-found" };
      const previousFindings = parseJson(latest.findings) as Finding[];
      return { outcome: "saved", version: saved.version, programme, findings, previousFindings };
    });
}
