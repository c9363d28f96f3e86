/**
 * The reviews room: the head returns an executor report with a remark, submits the annual reports
 * (their files are frozen then), and the public reads the note of a programme published with errors.
 */
import { z } from "zod";
import { executorReportSchema } from "../domain/monitoring/schema.js";
import { idParams, positiveId } from "./common.js";

export const returnBody = z.object({
  remark: z.string().trim().min(1, "Напишіть зауваження").max(4000),
});
export const yearParams = idParams.extend({ year: z.coerce.number().int().min(2000).max(2100) });

export const annualSubmissionSchema = z.object({
  year: z.int(),
  submittedAt: z.string(),
  submittedBy: z.string().nullable(),
});
export const annualReportYearSchema = z.object({
  year: z.int(),
  /** 1 March of the next year. */
  dueDate: z.string(),
  overdue: z.boolean(),
  submission: annualSubmissionSchema.nullable(),
});
export type AnnualReportYear = z.infer<typeof annualReportYearSchema>;

export const publishNoteSchema = z.object({ note: z.string().nullable() });

/** A reporting period of a programme: `/:id/periods/:periodKey`. */
export const periodParams = idParams.extend({ periodKey: executorReportSchema.shape.periodKey });
/** The head reminds one unit of the period's reports it has not submitted. */
export const remindBody = z.object({ orgUnitId: positiveId });
export const manualReminderSchema = z.object({
  orgUnitId: z.int(),
  sentAt: z.string(),
  /** Executors reminded in the app; `emails` of them also by e-mail. */
  recipients: z.int(),
  emails: z.int(),
});
export type ManualReminder = z.infer<typeof manualReminderSchema>;
export const unitReminderSchema = z.object({ orgUnitId: z.int(), sentAt: z.string(), manual: z.boolean() });
export type UnitReminder = z.infer<typeof unitReminderSchema>;
