import type { ColumnType, Generated } from "kysely";

/** bigint columns: pg returns strings, PGlite numbers (or BigInt past 2^53); write numbers. */
export type BigintColumn = ColumnType<string | number | bigint, number, number>;
type Json<T> = ColumnType<T, string, string>;
type CreatedAt = ColumnType<Date, string | undefined, never>;

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
  created_at: CreatedAt;
  updated_at: ColumnType<Date, string | undefined, string>;
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
  deadline: ColumnType<unknown, string | null, string | null>;
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
}

/** Money per programme × year (null: whole period) × source × effective category. */
export interface ProgrammeSummariesTable {
  programme_id: number;
  year: number | null;
  source: string;
  category: string;
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
  idempotency_keys: IdempotencyKeysTable;
}
