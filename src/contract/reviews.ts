/**
 * The reviews room: the head returns an executor report with a remark, submits the annual reports
 * (their files are frozen then), and the public reads the note of a programme published with errors.
 */
import { z } from "zod";
import { idParams } from "./common.js";

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
