/** The executor report list route's query and page, shared by the API route and the web app. */
import { z } from "zod";
import { ATTACHMENT_KINDS, REPORT_STATUSES } from "../domain/monitoring/reports.js";
import { indicatorActualSchema } from "../domain/monitoring/schema.js";
import { sourceKindSchema } from "../domain/schema.js";

export const REPORT_PAGE_LIMIT = { default: 100, max: 500 } as const;

export const reportsQuery = z.object({
  periodKey: z.string().optional(),
  orgUnitId: z.coerce.number().int().optional(),
  limit: z.coerce.number().int().min(1).max(REPORT_PAGE_LIMIT.max).default(REPORT_PAGE_LIMIT.default),
  /** The `next` of the previous page: reports after this one. */
  after: z.uuid({ message: "курсор сторінки — поле next попередньої сторінки" }).optional(),
});

/** A stored report as the API answers it (what was stored is not checked again on the way out). */
export const storedReport = z.object({
  id: z.string(),
  programmeId: z.int(),
  itemId: z.string(),
  periodKey: z.string(),
  unit: z.string(),
  orgUnitId: z.int(),
  status: z.enum(REPORT_STATUSES),
  actual: z.array(z.object({ source: sourceKindSchema, label: z.string(), amount: z.int() })),
  progressPercent: z.number().optional(),
  text: z.string(),
  attachments: z.array(
    z.object({ kind: z.enum(ATTACHMENT_KINDS), ref: z.string(), url: z.string().optional() }),
  ),
  indicatorActuals: z.array(indicatorActualSchema),
  submittedAt: z.string().nullable(),
  lockedAt: z.string().nullable(),
  correctionOf: z.string().optional(),
  createdBy: z.int().nullable(),
  createdAt: z.string(),
  /** Set when the head sent the report back; it is a draft again until resubmitted. */
  returnedAt: z.string().optional(),
  returnRemark: z.string().optional(),
});
export type StoredReport = z.infer<typeof storedReport>;

/** Oldest first (created_at, then id); `next` is null on the last page. */
export const reportPage = z.object({ data: z.array(storedReport), next: z.string().nullable() });
export type ReportPage = z.infer<typeof reportPage>;
