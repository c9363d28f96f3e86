import type { z } from "zod";
import { errorSchema, idParams } from "../../contract/common.js";
import { ANNUAL_FORMS, reportParams, todayQuery } from "../../contract/monitoring.js";
import { storedReport as reportSchema } from "../../contract/reports.js";
import {
  annualReportYearSchema,
  annualSubmissionSchema,
  manualReminderSchema,
  periodParams,
  remindBody,
  returnBody,
  unitReminderSchema,
  yearParams,
} from "../../contract/reviews.js";
import { headReportDue } from "../../domain/monitoring/periods.js";
import type { Store } from "../../store/index.js";
import { getReport, ReportConflict } from "../../store/monitoring.js";
import { lastReminders, type Mailer, ReminderRefused, remindUnit } from "../../store/reminders.js";
import { annualSubmissions, returnReport, submitAnnual } from "../../store/reviews.js";
import { actorOf } from "../auth.js";
import { HttpError } from "../errors.js";
import { requireProgramme } from "../require-programme.js";
import type { ZodApp } from "../zod-provider.js";
import { type Clock, checkYear, todayOf, writeAnnualForm } from "./monitoring.js";

const TAGS = ["monitoring"];

function conflictToHttp(error: unknown): never {
  if (error instanceof ReportConflict)
    throw new HttpError(error.reason === "not-found" ? 404 : 409, error.message);
  throw error;
}

function encode(value: unknown): Uint8Array {
  return value instanceof Uint8Array ? value : new TextEncoder().encode(JSON.stringify(value));
}

export interface ReviewRouteOptions {
  store: Store;
  clock?: Clock;
  /** Sends the head's reminders by e-mail too (SMTP_URL); without it they are in the app only. */
  mailer?: Mailer | undefined;
}

function refusalToHttp(error: unknown): never {
  if (error instanceof ReminderRefused)
    throw new HttpError(error.reason === "not-found" ? 404 : 409, error.message);
  throw error;
}

export async function reviewRoutes(app: ZodApp, options: ReviewRouteOptions): Promise<void> {
  const { store } = options;
  const clock = options.clock ?? (() => new Date());

  app.post<{ Params: z.infer<typeof reportParams>; Body: z.infer<typeof returnBody> }>(
    "/:id/reports/:rid/return",
    {
      schema: {
        tags: TAGS,
        summary: "Повернути поданий звіт виконавцю із зауваженням (він знову стає чернеткою)",
        params: reportParams,
        body: returnBody,
        response: { 200: reportSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => {
      const { id, rid } = request.params;
      await requireProgramme(store, id);
      await returnReport(store, id, rid, request.body.remark, actorOf(request), clock()).catch(
        conflictToHttp,
      );
      return getReport(store, id, rid);
    },
  );

  app.get<{ Params: z.infer<typeof idParams>; Querystring: z.infer<typeof todayQuery> }>(
    "/:id/annual-reports",
    {
      schema: {
        tags: TAGS,
        summary: "Річні звіти керівника за роками: строк (1 березня), чи подано, хто й коли",
        params: idParams,
        querystring: todayQuery,
        response: { 200: annualReportYearSchema.array(), 404: errorSchema },
      },
    },
    async (request) => {
      const stored = await requireProgramme(store, request.params.id);
      const today = todayOf(request.query, clock);
      const submitted = new Map((await annualSubmissions(store, stored.summary.id)).map((s) => [s.year, s]));
      const { from, to } = stored.programme.period;
      return Array.from({ length: to - from + 1 }, (_, index) => {
        const year = from + index;
        const dueDate = headReportDue(year);
        const submission = submitted.get(year) ?? null;
        return { year, dueDate, overdue: submission === null && today > dueDate, submission };
      });
    },
  );

  app.post<{ Params: z.infer<typeof yearParams> }>(
    "/:id/annual-reports/:year/submit",
    {
      schema: {
        tags: TAGS,
        summary: "Подати річні звіти за рік: файли заморожуються такими, як є зараз",
        params: yearParams,
        response: { 201: annualSubmissionSchema, 400: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const stored = await requireProgramme(store, request.params.id);
      const { year } = request.params;
      checkYear(stored, year);
      const now = clock();
      const compiledOn = now.toISOString().slice(0, 10);
      const files: Record<string, Uint8Array> = {};
      for (const form of ANNUAL_FORMS) {
        files[form] = encode(await writeAnnualForm(store, stored, year, form, compiledOn));
      }
      await submitAnnual(store, stored.summary.id, year, files, actorOf(request), now).catch(conflictToHttp);
      const submission = (await annualSubmissions(store, stored.summary.id)).find((s) => s.year === year);
      return reply.status(201).send(submission);
    },
  );

  reminderRoutes(app, options, clock);
}

function reminderRoutes(app: ZodApp, { store, mailer }: ReviewRouteOptions, clock: Clock): void {
  app.get<{ Params: z.infer<typeof periodParams> }>(
    "/:id/periods/:periodKey/reminders",
    {
      schema: {
        tags: TAGS,
        summary: "Останнє нагадування кожному підрозділу за звітний період",
        params: periodParams,
        response: { 200: unitReminderSchema.array(), 404: errorSchema },
      },
    },
    async (request) => {
      const stored = await requireProgramme(store, request.params.id);
      return lastReminders(store, stored.summary.id, request.params.periodKey);
    },
  );

  app.post<{ Params: z.infer<typeof periodParams>; Body: z.infer<typeof remindBody> }>(
    "/:id/periods/:periodKey/reminders",
    {
      schema: {
        tags: TAGS,
        summary: "Нагадати підрозділу про неподані звіти за період (у застосунку й e-mail; раз на добу)",
        params: periodParams,
        body: remindBody,
        response: { 201: manualReminderSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const stored = await requireProgramme(store, request.params.id);
      const sent = await remindUnit(store, {
        programmeId: stored.summary.id,
        katottg: stored.summary.katottg,
        programme: stored.programme,
        periodKey: request.params.periodKey,
        orgUnitId: request.body.orgUnitId,
        actor: actorOf(request),
        now: clock(),
        mailer,
      }).catch(refusalToHttp);
      return reply.status(201).send(sent);
    },
  );
}
