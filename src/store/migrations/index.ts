import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import * as init from "./0001_init.js";
import * as monitoring from "./0002_monitoring.js";
import * as opendata from "./0003_opendata.js";
import * as idempotency from "./0004_idempotency.js";
import * as opendataReports from "./0005_opendata_reports.js";
import * as overrideIdentity from "./0006_override_identity.js";
import * as changeNotify from "./0007_change_notify.js";
import * as correctionIndex from "./0008_report_correction_index.js";
import * as oneSubmittedOriginal from "./0009_one_submitted_original.js";
import * as publishReason from "./0012_publish_reason.js";
import * as reportReviews from "./0013_report_reviews.js";
import * as auditPagingIndex from "./0020_audit_paging_index.js";
import * as agreement from "./0023_agreement.js";
import * as notifications from "./0024_notifications.js";
import * as reportListIndexes from "./0025_report_list_indexes.js";
import * as reportAttachments from "./0026_report_attachments.js";
import * as invitations from "./0027_invitations.js";
import * as orgUnitTree from "./0028_org_unit_tree.js";
import * as nationalSums from "./0031_national_sums.js";
import * as manualReminders from "./0032_manual_reminders.js";
import * as versionDocumentStorage from "./0033_version_document_storage.js";

/** Every migration, in order. A new one is a new file here, never an edit of an applied one. */
const MIGRATIONS: Record<string, Migration> = {
  "0001_init": init,
  "0002_monitoring": monitoring,
  "0003_opendata": opendata,
  "0004_idempotency": idempotency,
  "0005_opendata_reports": opendataReports,
  "0006_override_identity": overrideIdentity,
  "0007_change_notify": changeNotify,
  "0008_report_correction_index": correctionIndex,
  "0009_one_submitted_original": oneSubmittedOriginal,
  "0012_publish_reason": publishReason,
  "0013_report_reviews": reportReviews,
  "0020_audit_paging_index": auditPagingIndex,
  "0023_agreement": agreement,
  "0024_notifications": notifications,
  "0025_report_list_indexes": reportListIndexes,
  "0026_report_attachments": reportAttachments,
  "0027_invitations": invitations,
  "0028_org_unit_tree": orgUnitTree,
  "0031_national_sums": nationalSums,
  "0032_manual_reminders": manualReminders,
  "0033_version_document_storage": versionDocumentStorage,
};

class InCodeProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/** Applies pending migrations; returns the names applied now (empty when up to date). */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema.
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // The migration tables live in the current schema: without naming it, Kysely's existence check
  // sees another schema's kysely_migration (tests run one schema per database) and skips creating it.
  const current = await sql<{ name: string }>`select current_schema() as name`.execute(db);
  const migrationTableSchema = current.rows[0]?.name;
  // Unordered: numbers are taken by branches developed side by side, so one that lands later may
  // carry a lower number than one already applied.
  const migrator = new Migrator({
    db,
    provider: new InCodeProvider(),
    migrationTableSchema,
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? [])
    .filter((result) => result.status === "Success")
    .map((result) => result.migrationName);
}
