/** Route schemas of the HTTP API (zod; see zod-fastify.ts for how Fastify and OpenAPI use them). */
import { z } from "zod";
import { katottgSchema } from "../contract/community.js";
import { findingSchema, programmeSchema, sourceKindSchema } from "../domain/schema.js";
import { PROGRAMME_STATUSES } from "../store/index.js";

/** Ids are PostgreSQL `integer`s: a larger number is no id (and must not reach a query). */
export const INT4_MAX = 2 ** 31 - 1;
const positiveInt = z.coerce.number().int().positive().max(INT4_MAX);
const year = z.coerce.number().int().min(1000).max(9999);
const kopecks = z.int();
const byYear = z.record(z.string(), kopecks);

export const errorSchema = z.object({ error: z.string() });
export const idParams = z.object({ id: positiveInt });
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
export const editQuery = z.object({ note: z.string().max(1000).optional() });
export const importQuery = z.object({
  name: z.string().min(1).optional(),
  dryRun: z.enum(["0", "1", "true", "false"]).optional(),
  /** The unit of the task table's amounts as the user accepts it (see `amount.unit-suspect`). */
  unit: z.enum(["uah", "thousand"]).optional(),
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
  version: z.int(),
  created: z.boolean(),
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
