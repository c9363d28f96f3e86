/** Requests and responses of the agreement routes (/api/agreement), shared by the API and the web app. */
import { z } from "zod";
import { AGREEMENT_ACTIONS, AGREEMENT_STATES } from "../domain/agreement/lifecycle.js";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "дата у форматі РРРР-ММ-ДД" });

export const agreementParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const remarkParams = agreementParams.extend({
  rid: z.coerce.number().int().positive().max(2_147_483_647),
});

export const queueQuery = z.object({
  oblast: z
    .string()
    .regex(/^UA\d{2}$/)
    .optional(),
  state: z.enum(AGREEMENT_STATES).optional(),
  minAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `next` of the previous page. */
  after: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|\d{1,10}$/)
    .optional(),
});

export const queueRow = z.object({
  programmeId: z.number().int(),
  katottg: z.string(),
  community: z.string(),
  title: z.string(),
  state: z.enum(AGREEMENT_STATES),
  updatedAt: z.string(),
});
export const queuePage = z.object({ data: z.array(queueRow), next: z.string().nullable() });

export const stepBody = z.object({
  action: z.enum(AGREEMENT_ACTIONS),
  letter: z.object({ number: z.string().min(1).max(100), date: isoDate }).optional(),
  decision: z
    .object({ title: z.string().min(1).max(500), number: z.string().min(1).max(100), date: isoDate })
    .optional(),
});

export const remarkBody = z.object({
  /** Where the remark points: passport:7, direction:2, item:d1.2.1, indicator:3, section:analysis. */
  ref: z
    .string()
    .regex(
      /^(programme|passport:\d{1,2}|direction:[\w.]{1,20}|item:[\w.]{1,40}|indicator:\d{1,5}|section:[a-z]{1,20})$/,
    ),
  quote: z.string().max(2000).nullish(),
  text: z.string().min(1).max(10_000),
});

export const answerBody = z.object({
  kind: z.enum(["changed", "explained"]),
  text: z.string().min(1).max(10_000),
});

export const remark = z.object({
  id: z.number().int(),
  version: z.number().int(),
  ref: z.string(),
  quote: z.string().nullable(),
  text: z.string(),
  userId: z.number().int().nullable(),
  createdAt: z.string(),
  returnedIn: z.number().int().nullable(),
  answer: z
    .object({
      kind: z.enum(["changed", "explained"]),
      text: z.string(),
      version: z.number().int().nullable(),
      at: z.string(),
    })
    .nullable(),
});

export const agreementView = z.object({
  programmeId: z.number().int(),
  katottg: z.string(),
  state: z.enum(AGREEMENT_STATES),
  events: z.array(
    z.object({
      id: z.number().int(),
      version: z.number().int(),
      action: z.string(),
      from: z.string(),
      to: z.string(),
      userId: z.number().int().nullable(),
      at: z.string(),
      document: z.unknown(),
    }),
  ),
  remarks: z.array(remark),
  /** The steps the caller may take now. */
  steps: z.array(z.enum(AGREEMENT_ACTIONS)),
});

export const stepResult = z.object({ state: z.enum(AGREEMENT_STATES), version: z.number().int() });

export const letterQuery = z.object({
  communityLetter: z.string().max(300).default("(реквізити листа громади)"),
  signer: z.string().max(300).default("Генеральний державний замовник"),
});

export type AgreementView = z.infer<typeof agreementView>;
export type QueuePage = z.infer<typeof queuePage>;

const finding = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  location: z.object({ line: z.number().int(), ref: z.string() }),
});

export const expertiseReport = z.object({
  findings: z.array(finding),
  checklist: z.array(
    z.object({
      key: z.string(),
      requirement: z.object({ uk: z.string(), en: z.string() }),
      basis: z.string(),
      status: z.enum(["met", "not-met", "cannot-tell"]),
      ref: z.string(),
      note: z.string(),
    }),
  ),
  crossChecks: z.array(finding),
  summary: z.object({
    errors: z.number().int(),
    warnings: z.number().int(),
    met: z.number().int(),
    notMet: z.number().int(),
    cannotTell: z.number().int(),
  }),
});
export type ExpertiseReportView = z.infer<typeof expertiseReport>;

export const notificationList = z.array(
  z.object({
    id: z.number().int(),
    subject: z.string(),
    text: z.string(),
    programmeId: z.number().int().nullable(),
    createdAt: z.string(),
  }),
);
