import { Zip, ZipDeflate } from "fflate";
import { csvLines } from "../export/csv-writer.js";
import type { CellValue, FieldDef, OpenRow, ResourceDef } from "./fields.js";
import { RESOURCES } from "./fields.js";
import { resourceCsvUrl } from "./links.js";

const CSV_MEDIA_TYPE = "text/csv";

const OPEN_DATA_CSV = { delimiter: ",", quoteEdgeSpaces: true } as const;

const valuesOf = (resource: ResourceDef, row: OpenRow) =>
  resource.fields.map((field) => row[field.name] ?? null);

/** The header line of a resource's CSV: its field names. */
export function csvHeader(resource: ResourceDef): string {
  return csvLines([resource.fields.map((field) => field.name)], OPEN_DATA_CSV);
}

/** RFC 4180 CSV: header of the resource's field names, CRLF line ends, UTF-8 (no BOM). */
export function toCsv(resource: ResourceDef, rows: Iterable<OpenRow>): string {
  return (
    csvHeader(resource) +
    csvLines(
      [...rows].map((row) => valuesOf(resource, row)),
      OPEN_DATA_CSV,
    )
  );
}

const CSV_CHUNK_CHARS = 64 * 1024;
/** Rows handed to the CSV writer at a time. */
const CSV_BATCH_ROWS = 256;

/** The same CSV as `toCsv`, as text chunks of about 64 K characters while the rows arrive. */
export async function* csvChunks(
  resource: ResourceDef,
  rows: AsyncIterable<OpenRow> | Iterable<OpenRow>,
): AsyncGenerator<string> {
  let chunk = csvHeader(resource);
  let batch: CellValue[][] = [];
  for await (const row of rows) {
    batch.push(valuesOf(resource, row));
    if (batch.length === CSV_BATCH_ROWS) {
      chunk += csvLines(batch, OPEN_DATA_CSV);
      batch = [];
    }
    if (chunk.length >= CSV_CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  chunk += csvLines(batch, OPEN_DATA_CSV);
  if (chunk) yield chunk;
}

function tableField(field: FieldDef) {
  const constraints: Record<string, unknown> = {};
  if (field.required) constraints.required = true;
  if (field.enum) constraints.enum = field.enum;
  return {
    name: field.name,
    type: field.type,
    description: field.description,
    ...(field.type === "datetime" ? { format: "default" } : {}),
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
  };
}

/** The Frictionless Table Schema of a resource; `foreignKeys`, when present, must not be empty. */
export function tableSchema(resource: ResourceDef) {
  const foreignKeys = resource.foreignKeys.map((key) => ({
    fields: key.fields,
    reference: { resource: key.reference.resource, fields: key.reference.fields },
  }));
  return {
    fields: resource.fields.map(tableField),
    primaryKey: resource.primaryKey,
    ...(foreignKeys.length > 0 ? { foreignKeys } : {}),
    missingValues: [""],
  };
}

export interface PackageOptions {
  /** Absolute base URL of the API, for resource paths CKAN can fetch; omit for paths inside the zip. */
  baseUrl?: string;
  /** ISO timestamp of the data's last change. */
  modified: string;
}

/** datapackage.json (Frictionless Data Package, tabular) describing every open-data CSV. */
export function dataPackage(options: PackageOptions) {
  return {
    profile: "tabular-data-package",
    name: "infoprog-informatization-programmes",
    title: "Програми інформатизації територіальних громад",
    description:
      "Оприлюднені програми інформатизації громад (постанова КМУ № 119 від 02.02.2024): програми, напрями, заходи з категоріями, фінансування, показники, подані звіти виконавців, перелік цільових програм (постанова КМУ № 835).",
    licenses: [
      {
        name: "CC-BY-4.0",
        title: "Creative Commons Attribution 4.0",
        path: "https://creativecommons.org/licenses/by/4.0/",
      },
    ],
    keywords: ["інформатизація", "громади", "бюджет", "відкриті дані"],
    language: "uk",
    created: options.modified,
    resources: RESOURCES.map((resource) => ({
      name: resource.name,
      title: resource.title,
      description: resource.description,
      profile: "tabular-data-resource",
      path: resourceCsvUrl(options.baseUrl, resource.name),
      format: "csv",
      mediatype: CSV_MEDIA_TYPE,
      encoding: "utf-8",
      dialect: { delimiter: ",", lineTerminator: "\r\n", header: true },
      schema: tableSchema(resource),
    })),
  };
}

/** datapackage.json as it is stored inside the zip: resource paths relative to the zip. */
export function dataPackageJsonText(modified: string): string {
  return `${JSON.stringify(dataPackage({ modified }), null, 2)}\n`;
}

/** DOS time in a zip starts in 1980; an empty store's "last change" is the Unix epoch. */
const EARLIEST_ZIP_TIME = Date.UTC(1980, 0, 2);

/**
 * A zip of datapackage.json and one CSV per resource, deflated while the CSV text arrives and handed to
 * `write` chunk by chunk (awaited, so a slow disk or client holds the reading back). The entries carry
 * the data's last change as their time, so the same data gives the same bytes.
 */
export async function writeDataPackageZip(
  csvOf: (resource: ResourceDef) => AsyncIterable<string>,
  options: PackageOptions,
  write: (chunk: Uint8Array) => Promise<void>,
): Promise<void> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else ready.push(chunk);
  });
  const flush = async () => {
    if (failure) throw failure;
    for (const chunk of ready.splice(0)) await write(chunk);
  };
  const encoder = new TextEncoder();
  const mtime = Math.max(Date.parse(options.modified) || 0, EARLIEST_ZIP_TIME);
  async function add(name: string, texts: AsyncIterable<string> | Iterable<string>) {
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = mtime;
    zip.add(file);
    for await (const text of texts) {
      file.push(encoder.encode(text));
      await flush();
    }
    file.push(new Uint8Array(0), true);
    await flush();
  }
  await add("datapackage.json", [dataPackageJsonText(options.modified)]);
  for (const resource of RESOURCES) await add(`${resource.name}.csv`, csvOf(resource));
  zip.end();
  await flush();
}
