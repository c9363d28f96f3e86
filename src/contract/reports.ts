/** The executor report list route's query and page, shared by the API route and the web app. */
import { z } from "zod";
import { executorReportSchema } from "../domain/monitoring/schema.js";

export const REPORT_PAGE_LIMIT = { default: 100, max: 500 } as const;

export const reportsQuery = z.object({
  periodKey: z.string().optional(),
  orgUnitId: z.coerce.number().int().optional(),
  limit: z.coerce.number().int().min(1).max(REPORT_PAGE_LIMIT.max).default(REPORT_PAGE_LIMIT.default),
  /** The `next` of the previous page: reports after this one. */
  after: z.uuid({ message: "курсор сторінки — поле next попередньої сторінки" }).optional(),
});

export const storedReport = executorReportSchema.extend({
  programmeId: z.number().int(),
  orgUnitId: z.number().int(),
  createdBy: z.number().int().nullable(),
  createdAt: z.string(),
  /** Set when the head sent the report back; a draft again until resubmitted. */
  returnedAt: z.string().optional(),
  returnRemark: z.string().optional(),
});
export type StoredReport = z.infer<typeof storedReport>;

/** Oldest first (created_at, then id); `next` is null on the last page. */
export const reportPage = z.object({ data: z.array(storedReport), next: z.string().nullable() });
export type ReportPage = z.infer<typeof reportPage>;
