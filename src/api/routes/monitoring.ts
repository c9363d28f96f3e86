/**
 * Executor reports over HTTP: reporting periods with per-unit status, report drafts, submission
 * (locks), corrections, idempotency keys (`Idempotency-Key` header on create, submit and correct),
 * the programme's cadence and item → unit table, and the head's annual report files.
 */
import { create as contentDisposition } from "content-disposition";
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import { type AuditPage, auditPage, auditQuery } from "../../contract/audit.js";
import { errorSchema, idParams, MEDIA_TYPES } from "../../contract/common.js";
import {
  ANNUAL_FILE,
  annualParams,
  reportContentBody as contentSchema,
  createReportBody as createBody,
  itemUnitsBody,
  itemUnitsSchema,
  periodSchema,
  reportParams,
  settingsBody,
  todayQuery,
} from "../../contract/monitoring.js";
import { reportPage, storedReport as reportSchema, reportsQuery } from "../../contract/reports.js";
import { allItems, type Programme } from "../../domain/model.js";
import { progressReport, resultsReport } from "../../domain/monitoring/forms.js";
import { unitStates } from "../../domain/monitoring/index.js";
import type { ReportInput } from "../../export/reports/index.js";
import { pageProgrammeAudit } from "../../store/audit.js";
import type { Store, StoredProgramme } from "../../store/index.js";
import {
  correctReport,
  createDraft,
  domainReport,
  getCadence,
  getReport,
  itemUnitsOf,
  listReports,
  pageReports,
  programmePeriods,
  ReportConflict,
  type ReportContent,
  type StoredReport,
  setCadence,
  setItemUnits,
  submitReport,
  updateDraft,
} from "../../store/monitoring.js";
import { frozenAnnualFile } from "../../store/reviews.js";
import { listOrgUnits } from "../../store/users.js";
import { actorOf, currentUser, forbidden } from "../auth.js";
import { HttpError, notFound } from "../errors.js";
import { requireProgramme } from "../require-programme.js";
import type { ZodApp } from "../zod-provider.js";

const TAGS = ["monitoring"];
export type Clock = () => Date;

type Id = z.infer<typeof idParams>;
type ReportParams = z.infer<typeof reportParams>;

function idempotencyKey(request: FastifyRequest): string | undefined {
  const value = request.headers["idempotency-key"];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !/^[\x21-\x7e]{8,200}$/.test(value)) {
    throw new HttpError(400, "Заголовок Idempotency-Key: 8–200 видимих ASCII-символів");
  }
  return value;
}

function conflictToHttp(error: unknown): never {
  if (error instanceof ReportConflict)
    throw new HttpError(error.reason === "not-found" ? 404 : 409, error.message);
  throw error;
}

/** An executor reaches only its own unit's reports. */
function checkUnit(request: FastifyRequest, report: StoredReport): StoredReport {
  const user = currentUser(request);
  if (user.role === "executor" && user.orgUnitId !== report.orgUnitId) {
    throw forbidden("Це звіт іншого структурного підрозділу");
  }
  return report;
}

async function requireReport(store: Store, request: FastifyRequest<{ Params: ReportParams }>) {
  const report = await getReport(store, request.params.id, request.params.rid);
  if (!report) throw notFound("Звіт не знайдено");
  return checkUnit(request, report);
}

function checkContent(programme: Programme, content: ReportContent): void {
  const bad = content.indicatorActuals.find((entry) => entry.indicatorIndex >= programme.indicators.length);
  if (bad) throw new HttpError(400, `Програма не має індикатора № ${bad.indicatorIndex + 1}`);
}

async function resolveUnit(
  store: Store,
  request: FastifyRequest,
  stored: StoredProgramme,
  body: z.infer<typeof createBody>,
): Promise<number> {
  const user = currentUser(request);
  const links = await itemUnitsOf(store, stored.summary.id, stored.programme, stored.summary.katottg);
  const units = links.filter((link) => link.itemId === body.itemId).map((link) => link.orgUnitId);
  if (user.role === "executor") {
    if (user.orgUnitId === null || !units.includes(user.orgUnitId)) {
      throw forbidden("Ваш підрозділ не є виконавцем цього заходу");
    }
    return user.orgUnitId;
  }
  const chosen = body.orgUnitId ?? (units.length === 1 ? units[0] : undefined);
  if (chosen === undefined) throw new HttpError(400, "Зазначте підрозділ-виконавця (orgUnitId)");
  const known = await listOrgUnits(store, stored.summary.katottg);
  if (!known.some((unit) => unit.id === chosen)) throw new HttpError(400, "Невідомий структурний підрозділ");
  return chosen;
}

async function checkTarget(
  store: Store,
  stored: StoredProgramme,
  body: z.infer<typeof createBody>,
): Promise<void> {
  const periods = await programmePeriods(store, stored.summary.id, stored.programme);
  if (!periods.some((period) => period.key === body.periodKey)) {
    throw new HttpError(400, "Такого звітного періоду програма не має (див. /periods)");
  }
  const item = allItems(stored.programme).find((each) => each.id === body.itemId);
  if (!item || item.children.length > 0)
    throw new HttpError(400, "Звітують лише про заходи (проєкти) програми");
  checkContent(stored.programme, body);
}

export function todayOf(query: { today?: string }, clock: Clock): string {
  return query.today ?? clock().toISOString().slice(0, 10);
}

function reportRoutes(app: ZodApp, store: Store, clock: Clock): void {
  app.get(
    "/:id/reports",
    {
      schema: {
        tags: TAGS,
        summary:
          "Звіти виконавців, сторінками (?limit=, ?after= — поле next); виконавець бачить лише свого підрозділу",
        params: idParams,
        querystring: reportsQuery,
        response: { 200: reportPage, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      await requireProgramme(store, request.params.id);
      const user = currentUser(request);
      const { periodKey, limit, after } = request.query;
      const orgUnitId = user.role === "executor" ? (user.orgUnitId ?? -1) : request.query.orgUnitId;
      const page = await pageReports(store, request.params.id, { orgUnitId, periodKey }, { limit, after });
      if (!page) throw new HttpError(400, "Курсор сторінки не є звітом цієї програми");
      const last = page.reports.at(-1);
      return { data: page.reports, next: page.more && last ? last.id : null };
    },
  );

  app.post<{ Params: Id; Body: z.infer<typeof createBody> }>(
    "/:id/reports",
    {
      schema: {
        tags: TAGS,
        summary: "Нова чернетка звіту (Idempotency-Key для безпечного повтору)",
        params: idParams,
        body: createBody,
        response: {
          200: reportSchema,
          201: reportSchema,
          400: errorSchema,
          404: errorSchema,
          409: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const stored = await requireProgramme(store, request.params.id);
      await checkTarget(store, stored, request.body);
      const orgUnitId = await resolveUnit(store, request, stored, request.body);
      const { orgUnitId: _ignored, ...content } = request.body;
      const { report, created } = await createDraft(
        store,
        stored.summary.id,
        { ...content, orgUnitId },
        actorOf(request),
        idempotencyKey(request),
      ).catch(conflictToHttp);
      return reply.status(created ? 201 : 200).send(report);
    },
  );

  app.get(
    "/:id/reports/:rid",
    {
      schema: {
        tags: TAGS,
        summary: "Звіт",
        params: reportParams,
        response: { 200: reportSchema, 404: errorSchema },
      },
    },
    (request) => requireReport(store, request),
  );

  app.put<{ Params: ReportParams; Body: z.infer<typeof contentSchema> }>(
    "/:id/reports/:rid",
    {
      schema: {
        tags: TAGS,
        summary: "Змінити чернетку (поданий звіт — 409)",
        params: reportParams,
        body: contentSchema,
        response: { 200: reportSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => {
      const stored = await requireProgramme(store, request.params.id);
      await requireReport(store, request);
      checkContent(stored.programme, request.body);
      return updateDraft(store, request.params.id, request.params.rid, request.body, actorOf(request)).catch(
        conflictToHttp,
      );
    },
  );

  app.post(
    "/:id/reports/:rid/submit",
    {
      schema: {
        tags: TAGS,
        summary: "Подати звіт (після цього він незмінний); повтор безпечний",
        params: reportParams,
        response: { 200: reportSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => {
      await requireReport(store, request);
      idempotencyKey(request);
      const { report } = await submitReport(
        store,
        request.params.id,
        request.params.rid,
        actorOf(request),
        clock(),
      ).catch(conflictToHttp);
      return report;
    },
  );

  app.post<{ Params: ReportParams; Body: z.infer<typeof contentSchema> }>(
    "/:id/reports/:rid/corrections",
    {
      schema: {
        tags: TAGS,
        summary: "Виправлення поданого звіту (оригінал зберігається)",
        params: reportParams,
        body: contentSchema,
        response: { 200: reportSchema, 201: reportSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const stored = await requireProgramme(store, request.params.id);
      await requireReport(store, request);
      checkContent(stored.programme, request.body);
      const { report, created } = await correctReport(
        store,
        request.params.id,
        request.params.rid,
        request.body,
        actorOf(request),
        clock(),
        idempotencyKey(request),
      ).catch(conflictToHttp);
      return reply.status(created ? 201 : 200).send(report);
    },
  );
}

function settingsRoutes(app: ZodApp, store: Store, clock: Clock): void {
  app.get<{ Params: Id; Querystring: z.infer<typeof todayQuery> }>(
    "/:id/periods",
    {
      schema: {
        tags: TAGS,
        summary: "Звітні періоди зі строками й станом подання за підрозділами",
        params: idParams,
        querystring: todayQuery,
        response: { 200: periodSchema.array(), 404: errorSchema },
      },
    },
    async (request) => {
      const stored = await requireProgramme(store, request.params.id);
      const user = currentUser(request);
      const today = todayOf(request.query, clock);
      const links = await itemUnitsOf(store, stored.summary.id, stored.programme, stored.summary.katottg);
      const units = new Map(
        (await listOrgUnits(store, stored.summary.katottg))
          .filter((unit) => user.role !== "executor" || unit.id === user.orgUnitId)
          .map((unit) => [unit.id, unit.name]),
      );
      const reports = await listReports(store, stored.summary.id, { submittedOnly: true });
      const periods = await programmePeriods(store, stored.summary.id, stored.programme);
      return periods.map((period) => ({
        ...period,
        units: unitStates(stored.programme, reports, period, links, units, today),
      }));
    },
  );

  app.get(
    "/:id/settings",
    {
      schema: {
        tags: TAGS,
        summary: "Налаштування звітності",
        params: idParams,
        response: { 200: settingsBody, 404: errorSchema },
      },
    },
    async (request) => {
      await requireProgramme(store, request.params.id);
      return { cadence: await getCadence(store, request.params.id) };
    },
  );
  app.put<{ Params: Id; Body: z.infer<typeof settingsBody> }>(
    "/:id/settings",
    {
      schema: {
        tags: TAGS,
        summary: "Змінити періодичність звітування",
        params: idParams,
        body: settingsBody,
        response: { 200: settingsBody, 404: errorSchema },
      },
    },
    async (request) => {
      await requireProgramme(store, request.params.id);
      await setCadence(store, request.params.id, request.body.cadence, actorOf(request));
      return request.body;
    },
  );
  app.get(
    "/:id/item-units",
    {
      schema: {
        tags: TAGS,
        summary: "Який підрозділ виконує який захід",
        params: idParams,
        response: { 200: itemUnitsSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const stored = await requireProgramme(store, request.params.id);
      return itemUnitsOf(store, stored.summary.id, stored.programme, stored.summary.katottg);
    },
  );
  app.put<{ Params: Id; Body: z.infer<typeof itemUnitsBody> }>(
    "/:id/item-units",
    {
      schema: {
        tags: TAGS,
        summary: "Задати виконавців заходів",
        params: idParams,
        body: itemUnitsBody,
        response: { 200: itemUnitsSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const stored = await requireProgramme(store, request.params.id);
      const units = new Set((await listOrgUnits(store, stored.summary.katottg)).map((unit) => unit.id));
      if (request.body.some((link) => !units.has(link.orgUnitId)))
        throw new HttpError(400, "Невідомий структурний підрозділ");
      await setItemUnits(store, request.params.id, request.body, actorOf(request));
      return request.body;
    },
  );
  app.get<{ Params: Id; Querystring: z.infer<typeof auditQuery> }>(
    "/:id/audit",
    {
      schema: {
        tags: TAGS,
        summary: "Журнал змін програми та її звітів, сторінками (?limit=, ?after= — поле next)",
        params: idParams,
        querystring: auditQuery,
        response: { 200: auditPage },
      },
    },
    async (request): Promise<AuditPage> => {
      await requireProgramme(store, request.params.id);
      const { limit, after } = request.query;
      const page = await pageProgrammeAudit(store.kysely(), request.params.id, {
        limit,
        after: Number(after ?? 0),
      });
      const last = page.records.at(-1);
      return { data: page.records, next: page.more && last ? String(last.id) : null };
    },
  );
}

const CONTENT_TYPES = { docx: MEDIA_TYPES.docx, xlsx: MEDIA_TYPES.xlsx, json: MEDIA_TYPES.json } as const;

/** Loaded at first use: DOCX, XLSX and chart rendering are heavy, and most processes never write a report. */
const reportWriters = () => import("../../export/reports/index.js");

const WRITERS: Record<string, (input: ReportInput) => Promise<Uint8Array> | unknown> = {
  "progress.docx": async (input) => (await reportWriters()).progressReportDocx(input),
  "progress.xlsx": async (input) => (await reportWriters()).progressReportXlsx(input),
  "results.docx": async (input) => (await reportWriters()).resultsReportDocx(input),
  "results.xlsx": async (input) => (await reportWriters()).resultsReportXlsx(input),
  "evaluation.docx": async (input) => (await reportWriters()).evaluationSummaryDocx(input),
  "progress.json": (input) => progressReport(input.programme, input.reports, input.year),
  "results.json": (input) => resultsReport(input.programme, input.reports, input.year),
};

export function checkYear(stored: StoredProgramme, year: number): void {
  if (year < stored.programme.period.from || year > stored.programme.period.to) {
    throw new HttpError(400, "Рік поза періодом програми");
  }
}

/** One annual form compiled from the submitted executor reports: file bytes, or the JSON value. */
export async function writeAnnualForm(
  store: Store,
  stored: StoredProgramme,
  year: number,
  form: string,
  compiledOn: string,
): Promise<unknown> {
  const reports = (await listReports(store, stored.summary.id, { submittedOnly: true })).map(domainReport);
  const input: ReportInput = {
    programme: stored.programme,
    reports,
    year,
    compiledOn,
    cadence: await getCadence(store, stored.summary.id),
  };
  const writer = WRITERS[form];
  if (!writer) throw notFound();
  return writer(input);
}

function annualRoutes(app: ZodApp, store: Store, clock: Clock): void {
  app.get<{ Params: z.infer<typeof annualParams>; Querystring: z.infer<typeof todayQuery> }>(
    "/:id/reports/annual/:year/:form",
    {
      schema: {
        tags: TAGS,
        summary: "Річні звіти керівника програми: progress|results .docx/.xlsx/.json, evaluation.docx",
        params: annualParams,
        querystring: todayQuery,
        response: { 200: ANNUAL_FILE, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const stored = await requireProgramme(store, request.params.id);
      const { year, form } = request.params;
      checkYear(stored, year);
      const frozen = await frozenAnnualFile(store, stored.summary.id, year, form);
      const body =
        frozen ?? (await writeAnnualForm(store, stored, year, form, todayOf(request.query, clock)));
      const extension = form.split(".")[1] as keyof typeof CONTENT_TYPES;
      reply.header("content-type", CONTENT_TYPES[extension]);
      if (extension === "json") {
        return reply.send(frozen ? Buffer.from(frozen) : JSON.stringify(body));
      }
      reply.header("content-disposition", contentDisposition(form.replace(".", `-${year}.`)));
      return reply.send(Buffer.from(body as Uint8Array));
    },
  );
}

export interface MonitoringRouteOptions {
  store: Store;
  clock?: Clock;
}

export async function monitoringRoutes(app: ZodApp, options: MonitoringRouteOptions): Promise<void> {
  const clock = options.clock ?? (() => new Date());
  reportRoutes(app, options.store, clock);
  settingsRoutes(app, options.store, clock);
  annualRoutes(app, options.store, clock);
}
