/**
 * The programmes room: list, detail, versions, edits, status, import, export, the public reading of
 * published programmes. Requests and responses, used by src/api (see zod-provider.ts) and web/.
 */
import { z } from "zod";
import { CATEGORY_IDS } from "../domain/classify/index.js";
import { PROGRAMME_STATUSES } from "../domain/programme-status.js";
import { findingSchema, kopecksSchema, programmeSchema, sourceKindSchema } from "../domain/schema.js";
import { idParams, positiveInt } from "./common.js";
import { katottgSchema } from "./community.js";

const year = z.coerce.number().int().min(1000).max(9999);
const kopecks = kopecksSchema;
const byYear = z.record(z.string(), kopecks);

export const statusSchema = z.enum(PROGRAMME_STATUSES);

export const listQuery = z.object({
  q: z.string().optional(),
  year: year.optional(),
  status: statusSchema.optional(),
  katottg: katottgSchema.optional(),
});
export const publicListQuery = listQuery.omit({ status: true });
export const versionQuery = z.object({ version: positiveInt.optional() });
export const diffQuery = z.object({ from: positiveInt.optional(), to: positiveInt.optional() });
export const statusBody = z.object({
  status: statusSchema,
  /** Required to publish a programme with error findings; kept in the audit and shown publicly. */
  reason: z.string().trim().max(2000).optional(),
});
export const editQuery = z.object({
  note: z.string().max(1000).optional(),
  /** The version the user edited (or `If-Match: "N"`): a newer stored version answers 409 (412). */
  baseVersion: z.coerce.number().int().min(1).max(999_999_999).optional(),
});
export const importQuery = z.object({
  name: z.string().min(1).optional(),
  dryRun: z.enum(["0", "1", "true", "false"]).optional(),
  /** The unit of the task table's amounts as the user accepts it (see `amount.unit-suspect`). */
  unit: z.enum(["uah", "thousand", "million"]).optional(),
  /** Store a new version even when the programme read is identical to the latest version. */
  saveIdentical: z.enum(["0", "1", "true", "false"]).optional(),
});
export const publicParams = z.object({ katottg: katottgSchema, from: year, to: year });

export const summarySchema = z.object({
  id: z.int(),
  katottg: z.string(),
  communityName: z.string(),
  title: z.string(),
  period: z.object({ from: z.int(), to: z.int() }),
  status: statusSchema,
  total: kopecks,
  versionCount: z.int(),
  latestVersion: z.int(),
  errors: z.int(),
  warnings: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const versionInfoSchema = z.object({
  version: z.int(),
  createdAt: z.string(),
  kind: z.enum(["import", "edit"]),
  sourceName: z.string(),
  sourceSha256: z.string(),
  note: z.string().nullable(),
  errors: z.int(),
  warnings: z.int(),
  /** Who saved it (display name); null for versions stored before authors were kept. */
  author: z.string().nullable(),
});

export const totalsSchema = z.object({
  total: kopecks,
  byYear,
  bySource: z.partialRecord(sourceKindSchema, kopecks),
  bySourceByYear: z.partialRecord(sourceKindSchema, byYear),
});

export const detailSchema = z.object({
  summary: summarySchema,
  version: versionInfoSchema,
  programme: programmeSchema,
  findings: z.array(findingSchema),
  totals: totalsSchema,
  versions: z.array(versionInfoSchema),
});

export const checkSchema = z.object({ findings: z.array(findingSchema), totals: totalsSchema });
export const previewSchema = checkSchema.extend({ programme: programmeSchema });
export const savedSchema = z.object({
  programmeId: z.int(),
  /** The version stored; with `identicalTo`, the existing version the document is identical to. */
  version: z.int(),
  created: z.boolean(),
  /**
   * Present when nothing was stored: the programme read is identical to this (the latest) version.
   * Send `saveIdentical` to store it as a new version all the same.
   */
  identicalTo: z.int().optional(),
  findings: z.array(findingSchema),
});

const itemRef = z.object({ id: z.string(), number: z.string(), title: z.string() });
export const diffSchema = z.object({
  from: z.int(),
  to: z.int(),
  itemsAdded: z.array(itemRef),
  itemsRemoved: z.array(itemRef),
  itemsRetitled: z.array(z.object({ before: itemRef, after: itemRef })),
  amountsChanged: z.array(
    z.object({
      item: itemRef,
      source: sourceKindSchema,
      label: z.string(),
      year: z.string().nullable(),
      before: kopecks.nullable(),
      after: kopecks.nullable(),
    }),
  ),
  total: z.object({ before: kopecks, after: kopecks }),
});

/** 409 of a publication refused for error findings: which findings, so the form can show them. */
export const publishRefusedSchema = z.object({
  error: z.string(),
  findings: z.array(z.object({ code: z.string(), message: z.string(), ref: z.string() })),
});

export const EXPORT_FORMATS = ["json", "csv", "xlsx", "docx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
const formatParam = z.enum(EXPORT_FORMATS);
export const exportParams = idParams.extend({ format: formatParam });
export const publicExportParams = publicParams.extend({ format: formatParam });

export const categoryParams = z.object({ id: z.coerce.number().int().positive(), itemId: z.string().min(1) });
export const categoryBody = z.object({ category: z.enum(CATEGORY_IDS) });
export const categorySetSchema = z.object({
  programmeId: z.number().int().positive(),
  itemId: z.string(),
  category: z.enum(CATEGORY_IDS),
});
