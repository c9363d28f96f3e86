/**
 * src/store/schema.ts is the one `Database` type. Types are erased at run time, so this test reads
 * schema.ts's text and compares every table, column and nullability with a database the migrations
 * built (information_schema), on PGlite or on PostgreSQL when DATABASE_URL is set.
 */
import { readFile } from "node:fs/promises";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/index.js";
import { openTestStore } from "../support/db.js";

const SCHEMA_TS = new URL("../../src/store/schema.ts", import.meta.url);

interface DeclaredColumn {
  /** The type a select reads: contains `null` for a nullable column. */
  read: string;
  /** May an insert leave the column out (Generated<>, or undefined in ColumnType's insert type)? */
  insertOptional: boolean;
}
type Declared = Map<string, Map<string, DeclaredColumn>>;

/** Splits `A, B<C, D>, E` at the top-level commas (or bars). */
function splitTop(text: string, separator: "," | "|"): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "<" || char === "(" || char === "{" || char === "[") depth++;
    else if (char === ">" || char === ")" || char === "}" || char === "]") depth--;
    else if (char === separator && depth === 0) {
      parts.push(text.slice(start, index).trim());
      start = index + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

function genericArgs(text: string, name: string): string[] | undefined {
  if (!text.startsWith(`${name}<`) || !text.endsWith(">")) return undefined;
  return splitTop(text.slice(name.length + 1, -1), ",");
}

function describeType(text: string, aliases: Map<string, string>): DeclaredColumn {
  const generated = genericArgs(text, "Generated");
  if (generated?.[0]) return { read: generated[0], insertOptional: true };
  const column = genericArgs(text, "ColumnType");
  if (column?.[0] && column[1]) {
    return { read: column[0], insertOptional: splitTop(column[1], "|").includes("undefined") };
  }
  const alias = aliases.get(text.replace(/<.*$/, ""));
  if (alias) {
    const [, params = "", body = ""] = /^(?:<([^>]*)>)?\s*=\s*([\s\S]*)$/.exec(alias) ?? [];
    const args = genericArgs(text, text.replace(/<.*$/, "")) ?? [];
    let resolved = body;
    params.split(",").forEach((param, index) => {
      if (param.trim())
        resolved = resolved.replaceAll(new RegExp(`\\b${param.trim()}\\b`, "g"), args[index] ?? "");
    });
    return describeType(resolved.trim(), aliases);
  }
  return { read: text, insertOptional: false };
}

/** Reads schema.ts's `Database` interface and its table interfaces. */
function declaredTables(source: string): Declared {
  const code = source.replace(/\/\*\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  const aliases = new Map<string, string>();
  for (const match of code.matchAll(/\btype (\w+)(<[^=]*>)?\s*=\s*([^;]+);/g)) {
    aliases.set(match[1] ?? "", `${match[2] ?? ""} = ${match[3] ?? ""}`);
  }
  const interfaces = new Map<string, string>();
  for (const match of code.matchAll(/\binterface (\w+)[^{]*\{([^}]*)\}/g)) {
    interfaces.set(match[1] ?? "", match[2] ?? "");
  }
  const members = (body: string) =>
    body.split(";").flatMap((member) => {
      const match = /^\s*(\w+)\??:\s*([\s\S]+)$/.exec(member);
      return match ? [[match[1] ?? "", (match[2] ?? "").trim()] as const] : [];
    });
  const tables: Declared = new Map();
  for (const [table, interfaceName] of members(interfaces.get("Database") ?? "")) {
    const columns = new Map<string, DeclaredColumn>();
    for (const [column, type] of members(interfaces.get(interfaceName) ?? "")) {
      columns.set(column, describeType(type, aliases));
    }
    tables.set(table, columns);
  }
  return tables;
}

const isNullableType = (read: string) => splitTop(read, "|").includes("null");

interface ActualColumn {
  table_name: string;
  column_name: string;
  is_nullable: "YES" | "NO";
  column_default: string | null;
}

/** Every disagreement between the declared tables and the database's, one line each. */
function mismatches(declared: Declared, actual: readonly ActualColumn[]): string[] {
  const problems: string[] = [];
  const tables = new Map<string, ActualColumn[]>();
  for (const column of actual)
    tables.set(column.table_name, [...(tables.get(column.table_name) ?? []), column]);
  for (const [name, columns] of tables) {
    const table = declared.get(name);
    if (!table) {
      problems.push(`${name}: table not in Database`);
      continue;
    }
    for (const column of columns) problems.push(...columnMismatches(column, table.get(column.column_name)));
    const present = new Set(columns.map((column) => column.column_name));
    for (const column of table.keys()) {
      if (!present.has(column)) problems.push(`${name}.${column}: declared, no such column`);
    }
  }
  for (const name of declared.keys())
    if (!tables.has(name)) problems.push(`${name}: declared, no such table`);
  return problems;
}

function columnMismatches(column: ActualColumn, type: DeclaredColumn | undefined): string[] {
  const where = `${column.table_name}.${column.column_name}`;
  if (!type) return [`${where}: column not declared`];
  const problems: string[] = [];
  const nullable = column.is_nullable === "YES";
  if (nullable !== isNullableType(type.read)) {
    problems.push(`${where}: ${nullable ? "nullable" : "not null"} in the database, read as ${type.read}`);
  }
  if (!nullable && column.column_default !== null && !type.insertOptional) {
    problems.push(`${where}: the database fills it (default), but an insert must give it`);
  }
  if (!nullable && column.column_default === null && type.insertOptional) {
    problems.push(`${where}: no default in the database, but an insert may leave it out`);
  }
  return problems;
}

describe("schema.ts against the migrated database", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
  });
  afterAll(() => dispose?.());

  it("reads the declared tables, aliases and generics included", () => {
    const declared = declaredTables(`
      type Stamp = ColumnType<Date, string | undefined, string>;
      type MaybeJson<T> = ColumnType<T | null, string | null, string | null>;
      export interface ThingsTable {
        id: Generated<number>;
        /** Comment with a colon: here */
        name: string;
        note: string | null;
        at: Stamp;
        data: MaybeJson<unknown>;
      }
      export interface Database {
        things: ThingsTable;
      }`);
    expect(Object.fromEntries(declared.get("things") ?? [])).toEqual({
      id: { read: "number", insertOptional: true },
      name: { read: "string", insertOptional: false },
      note: { read: "string | null", insertOptional: false },
      at: { read: "Date", insertOptional: true },
      data: { read: "unknown | null", insertOptional: false },
    });
  });

  it("names each disagreement", () => {
    const declared = declaredTables(`
      export interface ThingsTable { id: number; name: string | null; gone: string; }
      export interface Database { things: ThingsTable; }`);
    const actual: ActualColumn[] = [
      { table_name: "things", column_name: "id", is_nullable: "NO", column_default: "nextval('x')" },
      { table_name: "things", column_name: "name", is_nullable: "NO", column_default: null },
      { table_name: "things", column_name: "extra", is_nullable: "YES", column_default: null },
      { table_name: "others", column_name: "id", is_nullable: "NO", column_default: null },
    ];
    expect(mismatches(declared, actual)).toEqual([
      "things.id: the database fills it (default), but an insert must give it",
      "things.name: not null in the database, read as string | null",
      "things.extra: column not declared",
      "things.gone: declared, no such column",
      "others: table not in Database",
    ]);
  });

  it("declares every table and column the migrations create, with their nullability", async () => {
    const { rows } = await sql<ActualColumn>`
      select table_name, column_name, is_nullable, column_default from information_schema.columns
      where table_schema = current_schema() and table_name not like 'kysely_migration%'
      order by table_name, ordinal_position`.execute(store.kysely());
    const declared = declaredTables(await readFile(SCHEMA_TS, "utf8"));
    expect(rows.length).toBeGreaterThan(100);
    expect(declared.size).toBeGreaterThan(15);
    expect(mismatches(declared, rows)).toEqual([]);
  });
});
