import JSZip from "jszip";
import type { CellValue, FieldDef, OpenRow, ResourceDef } from "./fields.js";
import { RESOURCES } from "./fields.js";

const CSV_MEDIA_TYPE = "text/csv";

function csvCell(value: CellValue): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV: header of the resource's field names, CRLF line ends, UTF-8 (no BOM). */
export function toCsv(resource: ResourceDef, rows: Iterable<OpenRow>): string {
  const names = resource.fields.map((field) => field.name);
  const lines = [names.join(",")];
  for (const row of rows) lines.push(names.map((name) => csvCell(row[name] ?? null)).join(","));
  return `${lines.join("\r\n")}\r\n`;
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

/** The Frictionless Table Schema of a resource. */
export function tableSchema(resource: ResourceDef) {
  return {
    fields: resource.fields.map(tableField),
    primaryKey: resource.primaryKey,
    foreignKeys: resource.foreignKeys.map((key) => ({
      fields: key.fields,
      reference: { resource: key.reference.resource, fields: key.reference.fields },
    })),
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
      path: options.baseUrl ? `${options.baseUrl}/api/v1/${resource.name}.csv` : `${resource.name}.csv`,
      format: "csv",
      mediatype: CSV_MEDIA_TYPE,
      encoding: "utf-8",
      dialect: { delimiter: ",", lineTerminator: "\r\n", header: true },
      schema: tableSchema(resource),
    })),
  };
}

/** A zip of datapackage.json and one CSV per resource. */
export async function dataPackageZip(
  csvByResource: ReadonlyMap<string, string>,
  options: PackageOptions,
): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("datapackage.json", `${JSON.stringify(dataPackage({ modified: options.modified }), null, 2)}\n`);
  for (const resource of RESOURCES) zip.file(`${resource.name}.csv`, csvByResource.get(resource.name) ?? "");
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
