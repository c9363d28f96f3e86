/**
 * Backup and restore in a portable format of our own, the same on PGlite and PostgreSQL.
 *
 * A backup is gzip'd JSON lines: a header (format, migrations applied, tables with their columns
 * and row counts), then for each table in foreign-key order a `{"table": …}` line followed by its
 * rows, one JSON text per line, then an `{"end": …}` trailer. Rows are converted to and from JSON by
 * the database itself (`row_to_json`, `jsonb_populate_recordset`), so timestamps keep their
 * microseconds, bigints their digits and jsonb its exact numbers; JavaScript never parses a row.
 * A json/jsonb column is written wrapped in a one-element array (SQL NULL stays `null`), because in
 * a row's JSON a JSON `null` and an SQL NULL would both be `null` (format 1 restored JSON null as
 * SQL NULL). Sessions are live credentials and are left out. The file is readable by its owner only.
 * Every query goes through Kysely with bound values; identifiers come from the catalog and are
 * quoted by Kysely (`sql.table`, `sql.ref`).
 */
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { chmod, rename, rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { type Kysely, sql, type Transaction } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: backup works on whatever tables the migrations created.
type AnyDb = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: as above, inside a transaction.
type AnyTrx = Transaction<any>;

export const BACKUP_FORMAT = "infoprog-backup";
export const BACKUP_FORMAT_VERSION = 2;
/** Format 1 files (before json columns were wrapped) are still restored. */
const READABLE_FORMAT_VERSIONS = [1, 2];
const PAGE = 2000;
const INSERT_CHUNK = 500;
const MIGRATION_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);
/** Live sign-ins: never written to a backup, never restored from an older one. */
const LEFT_OUT_TABLES = new Set(["sessions"]);
const JSON_TYPES = new Set(["json", "jsonb"]);

export interface TableInfo {
  name: string;
  columns: string[];
  /** Primary key columns (dump order); empty when the table has none. */
  key: string[];
  /** Columns fed by a sequence (serial, identity): their sequence is moved past the restored rows. */
  sequenced: string[];
  /** json/jsonb columns, written wrapped in a one-element array. */
  json: string[];
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  /** Migration names applied to the database the backup was taken from, in order. */
  migrations: string[];
  /** `json`: the columns written wrapped (format 2; absent in format 1). */
  tables: (Pick<TableInfo, "name" | "columns"> & Partial<Pick<TableInfo, "json">> & { rows: number })[];
}

export interface BackupSummary {
  tables: number;
  rows: number;
}

export class BackupError extends Error {
  override name = "BackupError";
}

async function appliedMigrations(db: AnyDb | AnyTrx): Promise<string[]> {
  const rows = await db.selectFrom("kysely_migration").select("name").orderBy("name").execute();
  return rows.map((row) => String(row.name));
}

interface ForeignKey {
  child: string;
  parent: string;
}

async function foreignKeys(db: AnyDb | AnyTrx): Promise<ForeignKey[]> {
  const result = await sql<ForeignKey>`
    select child.relname as child, parent.relname as parent
    from pg_constraint k
    join pg_class child on child.oid = k.conrelid
    join pg_class parent on parent.oid = k.confrelid
    where k.contype = 'f' and k.connamespace = (select oid from pg_namespace where nspname = current_schema())
  `.execute(db);
  return result.rows;
}

async function primaryKeys(db: AnyDb | AnyTrx): Promise<Map<string, string[]>> {
  const result = await sql<{ table: string; column: string }>`
    select c.relname as table, a.attname as column
    from pg_index i
    join pg_class c on c.oid = i.indrelid
    join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey::int2[])
    where i.indisprimary and c.relnamespace = (select oid from pg_namespace where nspname = current_schema())
    order by c.relname, array_position(i.indkey::int2[], a.attnum)
  `.execute(db);
  const keys = new Map<string, string[]>();
  for (const row of result.rows) keys.set(row.table, [...(keys.get(row.table) ?? []), row.column]);
  return keys;
}

/** Tables so that every table comes after the tables it references (self-references ignored). */
export function dependencyOrder(tables: string[], keys: ForeignKey[]): string[] {
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (table: string, path: Set<string>): void => {
    if (placed.has(table) || path.has(table)) return;
    path.add(table);
    for (const key of keys) {
      if (key.child === table && key.parent !== table && tables.includes(key.parent)) visit(key.parent, path);
    }
    placed.add(table);
    ordered.push(table);
  };
  for (const table of [...tables].sort()) visit(table, new Set());
  return ordered;
}

/** The data tables of the current schema, in dependency order. */
export async function describeTables(db: AnyDb | AnyTrx): Promise<TableInfo[]> {
  const schema = await sql<{ name: string }>`select current_schema() as name`.execute(db);
  const current = schema.rows[0]?.name;
  const all = (await db.introspection.getTables()).filter(
    (table) => table.schema === current && !table.isView && !MIGRATION_TABLES.has(table.name),
  );
  const keys = await primaryKeys(db);
  const order = dependencyOrder(
    all.map((table) => table.name),
    await foreignKeys(db),
  );
  return order.map((name) => {
    const table = all.find((each) => each.name === name);
    const columns = table?.columns ?? [];
    return {
      name,
      columns: columns.map((column) => column.name),
      key: keys.get(name) ?? [],
      sequenced: columns.filter((column) => column.isAutoIncrementing).map((column) => column.name),
      json: columns.filter((column) => JSON_TYPES.has(column.dataType)).map((column) => column.name),
    };
  });
}

function rowCount(db: AnyTrx, table: string): Promise<number> {
  return db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string | number>().as("count"))
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.count));
}

/** A row as JSON made by the database, its json columns wrapped: `[value]`, or `null` for SQL NULL. */
function rowJson(table: TableInfo) {
  if (table.json.length === 0) return sql<string>`row_to_json(r)::text`;
  const wrapped = table.json.map(
    (column) =>
      sql`${column}::text, case when ${sql.ref(`r.${column}`)} is null then null else jsonb_build_array(${sql.ref(`r.${column}`)}) end`,
  );
  return sql<string>`(row_to_json(r)::jsonb || jsonb_build_object(${sql.join(wrapped)}))::text`;
}

/** Rows of a table as JSON text made by the database (backup format 2), in primary-key order. */
export async function* tableRows(db: AnyDb | AnyTrx, table: TableInfo): AsyncGenerator<string> {
  const order = table.key.length > 0 ? table.key : table.columns;
  for (let offset = 0; ; offset += PAGE) {
    let query = db.selectFrom(`${table.name} as r`).select(rowJson(table).as("row"));
    for (const column of order) query = query.orderBy(`r.${column}`);
    const rows = await query.limit(PAGE).offset(offset).execute();
    for (const row of rows) yield row.row as string;
    if (rows.length < PAGE) return;
  }
}

async function writeLine(out: Writable, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await once(out, "drain");
}

/**
 * Writes a consistent snapshot of every data table (sessions left out) to a gzip'd JSON-lines file,
 * mode 600: it holds password hashes. Written beside the target and renamed over it when complete,
 * so a failed backup never replaces a good one and an existing file's wider mode is not inherited.
 */
export async function backupDatabase(db: AnyDb, file: string): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  await rm(partial, { force: true });
  try {
    const summary = await writeBackup(db, partial);
    await chmod(partial, 0o600);
    await rename(partial, file);
    return summary;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

async function writeBackup(db: AnyDb, file: string): Promise<BackupSummary> {
  const gzip = createGzip();
  const done = finished(gzip.pipe(createWriteStream(file, { mode: 0o600, flags: "wx" })));
  let rows = 0;
  const tables = await db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => {
      const described = (await describeTables(trx)).filter((table) => !LEFT_OUT_TABLES.has(table.name));
      const counts = await Promise.all(described.map((table) => rowCount(trx, table.name)));
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        migrations: await appliedMigrations(trx),
        tables: described.map((table, index) => ({
          name: table.name,
          columns: table.columns,
          json: table.json,
          rows: counts[index] ?? 0,
        })),
      };
      await writeLine(gzip, JSON.stringify(header));
      for (const [index, table] of described.entries()) {
        await writeLine(gzip, JSON.stringify({ table: table.name, rows: counts[index] }));
        for await (const row of tableRows(trx, table)) {
          await writeLine(gzip, row);
          rows++;
        }
      }
      return described.length;
    });
  await writeLine(gzip, JSON.stringify({ end: true, tables, rows }));
  gzip.end();
  await done;
  return { tables, rows };
}

/** Reads a backup file line by line. */
class BackupReader {
  private readonly lines: AsyncIterator<string>;

  constructor(file: string) {
    const input = createReadStream(file).pipe(createGunzip());
    this.lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })[Symbol.asyncIterator]();
  }

  async next(): Promise<string> {
    try {
      const { value, done } = await this.lines.next();
      if (done) throw new BackupError("Резервна копія обірвана: файл закінчився раніше, ніж слід");
      return value;
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw new BackupError(`Резервну копію не прочитано: ${(error as Error).message}`);
    }
  }

  async json<T>(): Promise<T> {
    const line = await this.next();
    try {
      return JSON.parse(line) as T;
    } catch {
      throw new BackupError("Резервна копія пошкоджена: рядок не є JSON");
    }
  }
}

function checkHeader(header: BackupHeader, migrations: string[], tables: TableInfo[]): void {
  if (header.format !== BACKUP_FORMAT || !READABLE_FORMAT_VERSIONS.includes(header.formatVersion)) {
    throw new BackupError("Це не резервна копія infoprog (або її формат новіший за цю версію)");
  }
  const missing = header.migrations.filter((name) => !migrations.includes(name));
  if (missing.length > 0) {
    throw new BackupError(`Копію зроблено новішою версією: у базі немає міграцій ${missing.join(", ")}`);
  }
  for (const table of header.tables) {
    const target = tables.find((each) => each.name === table.name);
    const unknown = table.columns.filter((column) => !target?.columns.includes(column));
    if (!target || unknown.length > 0) {
      throw new BackupError(`Таблиця ${table.name} у базі не має стовпців копії: ${unknown.join(", ")}`);
    }
  }
}

async function isEmpty(trx: AnyTrx, tables: TableInfo[]): Promise<boolean> {
  for (const table of tables) {
    const row = await trx.selectFrom(table.name).select(sql<number>`1`.as("one")).limit(1).executeTakeFirst();
    if (row) return false;
  }
  return true;
}

type TableHeader = BackupHeader["tables"][number];

/** A column of the restored rows: a wrapped json column unwrapped (`[null]` → JSON null). */
function restoredColumn(table: TableHeader, column: string) {
  if (!table.json?.includes(column)) return `r.${column}`;
  return sql`${sql.ref(`r.${column}`)} -> 0`.as(column);
}

async function insertRows(trx: AnyTrx, table: TableHeader, rows: string[]): Promise<void> {
  const json = `[${rows.join(",")}]`;
  const source = sql`jsonb_populate_recordset(null::${sql.table(table.name)}, ${json}::jsonb)`.as("r");
  await trx
    .insertInto(table.name)
    .columns(table.columns)
    .expression(trx.selectFrom(source).select(table.columns.map((column) => restoredColumn(table, column))))
    .execute();
}

async function moveSequences(trx: AnyTrx, table: TableInfo): Promise<void> {
  for (const column of table.sequenced) {
    await sql`select setval(pg_get_serial_sequence(${table.name}, ${column}),
      coalesce(max(${sql.ref(column)}), 0) + 1, false) from ${sql.table(table.name)}`.execute(trx);
  }
}

async function restoreTable(trx: AnyTrx, reader: BackupReader, header: TableHeader) {
  const start = await reader.json<{ table?: string; rows?: number }>();
  if (start.table !== header.name || start.rows !== header.rows) {
    throw new BackupError(`Резервна копія пошкоджена: очікувалася таблиця ${header.name}`);
  }
  // A format 1 backup still carries sessions: read past them.
  const insert = LEFT_OUT_TABLES.has(header.name)
    ? async () => {}
    : (rows: string[]) => insertRows(trx, header, rows);
  let chunk: string[] = [];
  for (let index = 0; index < header.rows; index++) {
    chunk.push(await reader.next());
    if (chunk.length === INSERT_CHUNK) {
      await insert(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) await insert(chunk);
}

export interface RestoreOptions {
  /** Replace the data of a database that is not empty. */
  force?: boolean;
}

/**
 * Restores a backup into a migrated database in one transaction. Refuses a database that holds data
 * unless `force` (then its rows are deleted first, in the same transaction).
 */
export async function restoreDatabase(db: AnyDb, file: string, options: RestoreOptions = {}) {
  const reader = new BackupReader(file);
  const header = await reader.json<BackupHeader>();
  return db.transaction().execute(async (trx): Promise<BackupSummary> => {
    const tables = await describeTables(trx);
    checkHeader(header, await appliedMigrations(trx), tables);
    if (!(await isEmpty(trx, tables))) {
      if (!options.force) throw new BackupError("База даних не порожня: відновлення можливе лише з --force");
      for (const table of [...tables].reverse()) await trx.deleteFrom(table.name).execute();
    }
    for (const table of header.tables) await restoreTable(trx, reader, table);
    const end = await reader.json<{ end?: boolean; rows?: number }>();
    const rows = header.tables.reduce((sum, table) => sum + table.rows, 0);
    if (end.end !== true || end.rows !== rows)
      throw new BackupError("Резервна копія пошкоджена: немає кінця");
    for (const table of tables) await moveSequences(trx, table);
    return { tables: header.tables.length, rows };
  });
}
