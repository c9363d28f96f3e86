import type { ColumnType, Generated, Insertable, Kysely, Selectable } from "kysely";
import type { UnitKind } from "../domain/org-units.js";
import type { Role } from "../domain/roles.js";

/** bigint columns: pg returns strings, PGlite numbers (or BigInt past 2^53); write numbers. */
export type BigintColumn = ColumnType<string | number | bigint, number, number>;
type Json<T> = ColumnType<T, string, string>;
type CreatedAt = ColumnType<Date, string | undefined, never>;
type NullableJson<T> = ColumnType<T | null, string | null, string | null>;
type Timestamp = ColumnType<Date, string | undefined, string>;
type NullableTimestamp = ColumnType<Date | null, string | null | undefined, string | null>;

export interface CommunitiesTable {
  katottg: string;
  name: string;
  oblast: string | null;
  population: number | null;
}

export interface ProgrammesTable {
  id: Generated<number>;
  katottg: string;
  title: string;
  period_from: number;
  period_to: number;
  status: ColumnType<string, string | undefined, string>;
  agreement_state: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, string | undefined, string>;
  /** Migration 0012: the head's reason for publishing with error findings (the public page's note). */
  publish_note: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ProgrammeVersionsTable {
  id: Generated<number>;
  programme_id: number;
  version: number;
  created_at: CreatedAt;
  source_name: string;
  source_sha256: string;
  kind: string;
  note: string | null;
  document: Json<unknown>;
  findings: Json<unknown>;
  error_count: number;
  warning_count: number;
  /** The user who saved it; null for versions stored before migration 0034 or saved by no user. */
  created_by: number | null;
}

export interface DirectionsTable {
  programme_id: number;
  position: number;
  number: string;
  title: string;
}

export interface ItemsTable {
  programme_id: number;
  id: string;
  parent_id: string | null;
  direction_position: number;
  number: string;
  title: string;
  executors: string[];
  deadline: ColumnType<unknown | null, string | null, string | null>;
  expected_result: string;
  depth: number;
  position: number;
  /** Automatic category (src/domain/classify) at the time of the write; staff overrides are separate. */
  category: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface FundingRowsTable {
  id: Generated<number>;
  programme_id: number;
  /** Set for an item's own row; null for a printed "Всього" row of a direction or the programme. */
  item_id: string | null;
  /** Number of the direction the row belongs to; null for the programme's grand total rows. */
  direction: string | null;
  source: string;
  label: string;
  /** Null: the row's total; a year: that year's amount. */
  year: number | null;
  amount_kopecks: BigintColumn;
}

export interface IndicatorsTable {
  programme_id: number;
  position: number;
  number: string;
  direction: string;
  name: string;
  unit: string;
  baseline: string;
  targets: Json<unknown>;
}

export interface CategoryOverridesTable {
  programme_id: number;
  item_id: string;
  category: string;
  set_by: string;
  set_at: ColumnType<Date, string | undefined, string>;
  /** The item the correction was made on (migration 0006), to find it again after a re-import. */
  item_number: ColumnType<string | null, string | null | undefined, string | null>;
  item_title: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Money per programme × year (null: whole period) × source × effective category. */
export interface ProgrammeSummariesTable {
  programme_id: number;
  year: number | null;
  source: string;
  category: string;
  amount_kopecks: BigintColumn;
}

/** The national view's money per published programme (latest version), year and category. */
export interface NationalSumsTable {
  year: number;
  katottg: string;
  category: string;
  programme_id: number;
  version: number;
  amount_kopecks: BigintColumn;
}

export interface IdempotencyKeysTable {
  key: string;
  request_sha256: string;
  programme_id: ColumnType<number | null, number | null | undefined, number | null>;
  version: ColumnType<number | null, number | null | undefined, number | null>;
  created: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  created_at: ColumnType<Date, string | undefined, never>;
}

export interface OrgUnitsTable {
  id: Generated<number>;
  katottg: string;
  name: string;
  kind: ColumnType<UnitKind, UnitKind | undefined, UnitKind>;
  parent_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface UsersTable {
  id: Generated<number>;
  login: string;
  password_hash: string;
  display_name: string;
  email: string | null;
  role: Role;
  org_unit_id: number | null;
  katottg: string | null;
  /** A reviewer's oblast (`UA05`), null for the Ministry and for every other role. */
  review_oblast: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: ColumnType<Date, string, string>;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: string;
  before: NullableJson<unknown>;
  after: NullableJson<unknown>;
}

export interface ReportingSettingsTable {
  programme_id: number;
  cadence: "half-year" | "quarter";
}

export interface ItemUnitsTable {
  programme_id: number;
  item_id: string;
  org_unit_id: number;
}

export interface ExecutorReportsTable {
  id: string;
  programme_id: number;
  item_id: string;
  period_key: string;
  org_unit_id: number;
  status: string;
  progress_percent: number | null;
  actual: Json<unknown>;
  text: string;
  attachments: Json<unknown>;
  indicator_actuals: Json<unknown>;
  created_by: number | null;
  created_at: Timestamp;
  submitted_at: NullableTimestamp;
  locked_at: NullableTimestamp;
  correction_of: string | null;
  idempotency_key: string | null;
  /** Migration 0013: the head sent the report back with a remark (a draft again until resubmitted). */
  returned_at: NullableTimestamp;
  returned_by: ColumnType<number | null, number | null | undefined, number | null>;
  return_remark: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Migration 0013: the head's annual reports of a year, submitted (who, when). */
export interface AnnualSubmissionsTable {
  programme_id: number;
  year: number;
  submitted_by: number | null;
  submitted_at: Timestamp;
}

/** Migration 0013: the files of submitted annual reports, frozen as they were at submission. */
export interface AnnualSubmissionFilesTable {
  programme_id: number;
  year: number;
  form: string;
  body: Uint8Array;
}

export interface RemindersTable {
  id: Generated<number>;
  programme_id: number;
  period_key: string;
  org_unit_id: number;
  kind: "before" | "after" | "manual";
  channel: "email" | "app";
  to: string;
  user_id: number | null;
  sent_at: Timestamp;
  /** The head who sent a manual reminder. */
  sent_by: number | null;
}

export interface AgreementEventsTable {
  id: Generated<number>;
  programme_id: number;
  version: number;
  action: string;
  from_state: string;
  to_state: string;
  user_id: number | null;
  at: CreatedAt;
  document: ColumnType<unknown | null, string | null | undefined, string | null>;
}

export interface AgreementRemarksTable {
  id: Generated<number>;
  programme_id: number;
  version: number;
  ref: string;
  quote: string | null;
  text: string;
  user_id: number | null;
  created_at: CreatedAt;
  returned_in: number | null;
  answer_kind: string | null;
  answer_text: string | null;
  answered_version: number | null;
  answered_at: ColumnType<Date | null, string | null | undefined, string | null>;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  channel: "email" | "app";
  to: string;
  subject: string;
  text: string;
  programme_id: number | null;
  created_at: CreatedAt;
  sent_at: ColumnType<Date | null, string | null | undefined, string | null>;
}

/** Migration 0026: files attached to an executor report. */
export interface ReportAttachmentsTable {
  id: string;
  report_id: string;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  body: Uint8Array;
  created_by: number | null;
  created_at: CreatedAt;
}

/** Migration 0027: one-time invitations (the token kept as its SHA-256 only). */
export interface InvitationsTable {
  id: Generated<number>;
  token_hash: string;
  katottg: string;
  email: string;
  display_name: string;
  role: string;
  org_unit_id: number | null;
  created_by: number | null;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, string, string>;
  used_at: NullableTimestamp;
  user_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface Database {
  communities: CommunitiesTable;
  programmes: ProgrammesTable;
  programme_versions: ProgrammeVersionsTable;
  directions: DirectionsTable;
  items: ItemsTable;
  funding_rows: FundingRowsTable;
  indicators: IndicatorsTable;
  category_overrides: CategoryOverridesTable;
  programme_summaries: ProgrammeSummariesTable;
  national_sums: NationalSumsTable;
  idempotency_keys: IdempotencyKeysTable;
  org_units: OrgUnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  reporting_settings: ReportingSettingsTable;
  item_units: ItemUnitsTable;
  executor_reports: ExecutorReportsTable;
  reminders: RemindersTable;
  annual_submissions: AnnualSubmissionsTable;
  annual_submission_files: AnnualSubmissionFilesTable;
  agreement_events: AgreementEventsTable;
  agreement_remarks: AgreementRemarksTable;
  notifications: NotificationsTable;
  report_attachments: ReportAttachmentsTable;
  invitations: InvitationsTable;
}

/** The database handle, for rooms that pass it to the store without importing Kysely. */
export type Db = Kysely<Database>;

/** Rows as read (`Selectable`) and as written (`Insertable`): use these, not the table interfaces. */
export type ProgrammeRow = Selectable<ProgrammesTable>;
export type NewProgramme = Insertable<ProgrammesTable>;
export type ProgrammeVersionRow = Selectable<ProgrammeVersionsTable>;
export type NewProgrammeVersion = Insertable<ProgrammeVersionsTable>;
export type NewDirection = Insertable<DirectionsTable>;
export type NewItem = Insertable<ItemsTable>;
export type FundingRowRow = Selectable<FundingRowsTable>;
export type NewFundingRow = Insertable<FundingRowsTable>;
export type NewIndicator = Insertable<IndicatorsTable>;
export type CategoryOverrideRow = Selectable<CategoryOverridesTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLog = Insertable<AuditLogTable>;
export type ExecutorReportRow = Selectable<ExecutorReportsTable>;
export type NewExecutorReport = Insertable<ExecutorReportsTable>;
