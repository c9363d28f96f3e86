/**
 * The monitoring room: executor reports (drafts, submission, corrections), reporting periods with
 * each unit's state, the cadence, who executes which project, and the head's annual report files.
 */
import { z } from "zod";
import { executorReportSchema } from "../domain/monitoring/schema.js";
import { fileResponse, idParams, MEDIA_TYPES, positiveId } from "./common.js";

export const ANNUAL_FORMS = [
  "progress.docx",
  "progress.xlsx",
  "progress.json",
  "results.docx",
  "results.xlsx",
  "results.json",
] as const;
export type AnnualForm = (typeof ANNUAL_FORMS)[number];

export const reportContentBody = executorReportSchema
  .pick({
    status: true,
    actual: true,
    progressPercent: true,
    text: true,
    attachments: true,
    indicatorActuals: true,
  })
  .extend({
    text: executorReportSchema.shape.text.default(""),
    attachments: executorReportSchema.shape.attachments.default([]),
    indicatorActuals: executorReportSchema.shape.indicatorActuals.default([]),
  });
export const createReportBody = reportContentBody.extend({
  itemId: executorReportSchema.shape.itemId,
  periodKey: executorReportSchema.shape.periodKey,
  orgUnitId: positiveId.optional(),
});
export const reportParams = idParams.extend({ rid: z.uuid() });
export const todayQuery = z.object({ today: z.iso.date().optional() });
export const cadenceSchema = z.enum(["half-year", "quarter"]);
export const settingsBody = z.object({ cadence: cadenceSchema });
export const itemUnitsBody = z.array(z.object({ itemId: z.string().min(1), orgUnitId: positiveId }));
export const annualParams = idParams.extend({
  year: z.coerce.number().int().min(2000).max(2100),
  form: z.enum([...ANNUAL_FORMS, "evaluation.docx"]),
});

export const unitPeriodStateSchema = z.object({
  orgUnitId: z.int(),
  unit: z.string(),
  projects: z.int(),
  submitted: z.int(),
  overdue: z.int(),
  state: z.enum(["on-time", "late", "overdue", "pending", "none"]),
});
export const periodSchema = z.object({
  key: z.string(),
  kind: z.enum(["half-year", "quarter", "year"]),
  year: z.int(),
  start: z.string(),
  end: z.string(),
  dueDate: z.string(),
  units: z.array(unitPeriodStateSchema),
});
export type PeriodWithUnits = z.infer<typeof periodSchema>;

export const itemUnitsSchema = itemUnitsBody;

export const ANNUAL_FILE = fileResponse("Річний звіт: DOCX, XLSX або JSON", [
  MEDIA_TYPES.docx,
  MEDIA_TYPES.xlsx,
  MEDIA_TYPES.json,
]);
