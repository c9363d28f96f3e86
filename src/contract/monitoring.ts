/**
 * The monitoring room: executor reports (drafts, submission, corrections), reporting periods with
 * each unit's state, the cadence, who executes which project, and the head's annual report files.
 */
import { z } from "zod";
import { ATTACHMENT_KINDS, REPORT_STATUSES } from "../domain/monitoring/reports.js";
import { executorReportSchema, indicatorActualSchema } from "../domain/monitoring/schema.js";
import { sourceKindSchema } from "../domain/schema.js";
import { fileResponse, idParams, MEDIA_TYPES } from "./common.js";

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
  orgUnitId: z.int().positive().optional(),
});
export const reportParams = idParams.extend({ rid: z.uuid() });
export const reportsQuery = z.object({
  periodKey: z.string().optional(),
  orgUnitId: z.coerce.number().int().optional(),
});
export const todayQuery = z.object({ today: z.iso.date().optional() });
export const cadenceSchema = z.enum(["half-year", "quarter"]);
export const settingsBody = z.object({ cadence: cadenceSchema });
export const itemUnitsBody = z.array(z.object({ itemId: z.string().min(1), orgUnitId: z.int().positive() }));
export const annualParams = idParams.extend({
  year: z.coerce.number().int().min(2000).max(2100),
  form: z.enum([...ANNUAL_FORMS, "evaluation.docx"]),
});

/** A stored report as the API answers it (what was stored is not checked again on the way out). */
export const reportSchema = z.object({
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
export type Report = z.infer<typeof reportSchema>;

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
