/**
 * One project's own fields saved as a new version (PATCH /api/programmes/:id/projects/:itemId): the
 * version it was edited from is checked under the programme's row lock, and only that item's rows of
 * the query tables are rewritten. The edited document is made and validated before the transaction.
 */

import type { Transaction } from "kysely";
import type { Finding, Programme } from "../domain/model.js";
import { findProject, type ProjectFields, projectPath, withProjectFields } from "../domain/project-edit.js";
import type { Actor } from "./audit.js";
import type { Store } from "./index.js";
import { type ProjectPatch, refuseFrozen, versionInfo, writeProjectVersion } from "./programmes.js";
import type { Database } from "./schema.js";
import { rememberVersion, type VersionKey, versionDocument } from "./version-documents.js";

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

interface PreparedEdit {
  programme: Programme;
  documentJson: string;
  projectPatch: ProjectPatch | undefined;
  findingsJson: string;
  findings: Finding[];
  previousFindings: Finding[];
}

/**
 * The edited programme, its findings and its JSON, made from the base version before any transaction:
 * versions never change, so this CPU work need not hold the programme's lock (nor, on PGlite, the one
 * connection every other request waits for). Undefined when there is no such version.
 */
async function prepareEdit(
  store: Store,
  input: ProjectEditInput,
): Promise<PreparedEdit | "no-project" | undefined> {
  const db = store.kysely();
  const base = await versionInfo(db, input.programmeId, input.baseVersion);
  if (!base) return undefined;
  const key = {
    programmeId: input.programmeId,
    version: base.version,
    sha256: base.sourceSha256,
    createdAt: base.createdAt,
  };
  const stored = await versionDocument(db, key);
  if (!stored) return undefined;
  const programme = withProjectFields(stored.document as Programme, input.itemId, input.fields);
  if (!programme) return "no-project";
  const findings = input.validate(programme);
  const previousFindings = stored.findings as Finding[];
  const projectPatch = patchOf(programme, input.itemId, base.version);
  const documentJson = JSON.stringify(programme);
  const findingsJson = JSON.stringify(findings);
  return { programme, documentJson, projectPatch, findings, findingsJson, previousFindings };
}

/** The project as a patch of the base document; none (the whole document is written) when not found. */
function patchOf(programme: Programme, itemId: string, baseVersion: number): ProjectPatch | undefined {
  const path = projectPath(programme, itemId);
  const item = findProject(programme, itemId);
  return path && item && { baseVersion, path, itemJson: JSON.stringify(item) };
}

async function latestVersion(trx: Transaction<Database>, programmeId: number): Promise<number | undefined> {
  const row = await trx
    .selectFrom("programme_versions")
    .select((eb) => eb.fn.max("version").as("version"))
    .where("programme_id", "=", programmeId)
    .executeTakeFirst();
  return row?.version ?? undefined;
}

export async function saveProjectEdit(store: Store, input: ProjectEditInput): Promise<ProjectEditOutcome> {
  const prepared = await prepareEdit(store, input);
  if (prepared === "no-project") return { outcome: "no-project" };
  const db = store.kysely();
  let written: VersionKey | undefined;
  const outcome = await db.transaction().execute(async (trx): Promise<ProjectEditOutcome> => {
    await refuseFrozen(trx, input.programmeId); // also locks the programme's row
    const latest = await latestVersion(trx, input.programmeId);
    if (latest === undefined) return { outcome: "not-found" };
    if (latest !== input.baseVersion || !prepared) return { outcome: "conflict", latestVersion: latest };
    const { programme, findings, previousFindings, documentJson, projectPatch, findingsJson } = prepared;
    written = await writeProjectVersion(trx, {
      programmeId: input.programmeId,
      programme,
      findings,
      note: input.note,
      actor: input.actor,
      prepared: { changedItem: input.itemId, documentJson, findingsJson, projectPatch, version: latest + 1 },
    });
    return { outcome: "saved", version: written.version, programme, findings, previousFindings };
  });
  if (written && prepared) {
    rememberVersion(db, written, { document: prepared.documentJson, findings: prepared.findingsJson });
  }
  return outcome;
}
