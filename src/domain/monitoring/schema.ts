import { z } from "zod";
import { SOURCE_KINDS } from "../model.js";
import {
  ATTACHMENT_KINDS,
  type ExecutorReport,
  isDreamProjectId,
  isProzorroTenderId,
  REPORT_STATUSES,
} from "./reports.js";

const kopecks = z.int().min(0);
const timestamp = z.iso.datetime({ offset: true }).or(z.iso.date());

export const attachmentSchema = z
  .object({
    kind: z.enum(ATTACHMENT_KINDS),
    ref: z.string().trim().min(1),
    url: z.url().optional(),
  })
  .refine((value) => value.kind !== "prozorro" || isProzorroTenderId(value.ref), {
    message: "Невірний ідентифікатор закупівлі ProZorro (очікується UA-РРРР-ММ-ДД-NNNNNN-x)",
    path: ["ref"],
  })
  .refine((value) => value.kind !== "dream" || isDreamProjectId(value.ref), {
    message: "Невірний ідентифікатор проєкту DREAM",
    path: ["ref"],
  });

export const actualFundingSchema = z.object({
  source: z.enum(SOURCE_KINDS).exclude(["total"]),
  label: z.string(),
  amount: kopecks,
});

export const indicatorActualSchema = z.object({
  indicatorIndex: z.int().min(0),
  value: z.string().optional(),
  variables: z.record(z.string(), z.number()).optional(),
});

export const executorReportSchema = z.object({
  id: z.string().min(1),
  itemId: z.string().regex(/^d\d+(\.\d+)+$/, "Невірний ідентифікатор заходу"),
  periodKey: z.string().regex(/^\d{4}-(H[12]|Q[1-4]|Y)$/, "Невірний звітний період"),
  unit: z.string().trim().min(1, "Зазначте структурний підрозділ"),
  status: z.enum(REPORT_STATUSES),
  actual: z.array(actualFundingSchema),
  progressPercent: z.number().min(0).max(100).optional(),
  text: z.string(),
  attachments: z.array(attachmentSchema),
  indicatorActuals: z.array(indicatorActualSchema),
  submittedAt: timestamp.nullable(),
  lockedAt: timestamp.nullable(),
  correctionOf: z.string().min(1).optional(),
}) satisfies z.ZodType<ExecutorReport>;
