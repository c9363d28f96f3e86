/**
 * Reminders to executors who have not reported: `daysBefore` days before a due date ("before") and once
 * after it ("after"), by email (SMTP_URL, nodemailer) and in the app. Each reminder is recorded in
 * `reminders` before it is sent — the unique key (programme, period, unit, kind, channel, recipient)
 * makes a second run send nothing new; a failed email is un-recorded so the next run retries it.
 */
import nodemailer from "nodemailer";
import { config } from "../config.js";
import { ukrainianDate } from "../domain/format.js";
import type { Programme } from "../domain/model.js";
import type { ReportingPeriod } from "../domain/monitoring/periods.js";
import { type MissingReport, missingReports } from "../domain/monitoring/rollup.js";
import type { ItemUnit } from "../domain/monitoring/units.js";
import { type Actor, type MonitoringDb, type MonitoringTrx, monitoringDb, writeAudit } from "./audit.js";
import type { Store } from "./index.js";
import { domainReport, itemUnitsOf, listReports, programmePeriods, readReports } from "./monitoring.js";

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** What the job needs of a mail transport; a nodemailer Transporter is one. */
export interface Mailer {
  sendMail(message: MailMessage): Promise<unknown>;
}

export function createMailer(smtpUrl = config().smtp.url): Mailer | undefined {
  return smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;
}

/** Scheduled before or after the due date, or sent by the programme head by hand. */
export type ReminderKind = "before" | "after" | "manual";

export interface SentReminder {
  programmeId: number;
  periodKey: string;
  orgUnitId: number;
  kind: ReminderKind;
  channel: "email" | "app";
  to: string;
}

export interface ReminderOptions {
  daysBefore?: number;
  from?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** "before" from `daysBefore` days ahead through the due day, "after" once it has passed, else none. */
export function reminderKind(
  period: ReportingPeriod,
  today: string,
  daysBefore: number,
): ReminderKind | null {
  if (today > period.dueDate) return "after";
  return today >= addDays(period.dueDate, -daysBefore) ? "before" : null;
}

function missingByUnit(missing: MissingReport[], links: ItemUnit[]): Map<number, MissingReport[]> {
  const out = new Map<number, MissingReport[]>();
  for (const report of missing) {
    for (const link of links.filter((each) => each.itemId === report.itemId)) {
      out.set(link.orgUnitId, [...(out.get(link.orgUnitId) ?? []), report]);
    }
  }
  return out;
}

/** The executor's report form for a period, at the configured public address (never the request's Host). */
function reportFormLink(programmeId: number, periodKey: string): string {
  return `${config().publicUrl}/reports/${programmeId}?period=${encodeURIComponent(periodKey)}`;
}

function reminderSubject(period: ReportingPeriod, kind: ReminderKind, due: string, on: string): string {
  if (kind === "before") return `Нагадування: звіт за період ${period.key} потрібно подати до ${due}`;
  if (kind === "after") return `Прострочено: звіт за період ${period.key} мав бути поданий до ${due}`;
  return on > period.dueDate
    ? `Керівник програми нагадує: звіт за період ${period.key} мав бути поданий до ${due}`
    : `Керівник програми нагадує: звіт за період ${period.key} потрібно подати до ${due}`;
}

export function reminderText(
  programme: Programme,
  period: ReportingPeriod,
  kind: ReminderKind,
  items: MissingReport[],
  /** The executor's report form for the period (config().publicUrl + /reports/<programme id>). */
  link?: string,
  /** The day it is sent ("YYYY-MM-DD"): a manual reminder says whether the due date has passed. */
  on: string = new Date().toISOString().slice(0, 10),
) {
  const due = ukrainianDate(period.dueDate);
  const subject = reminderSubject(period, kind, due, on);
  const lines = items.map((item) => `- ${item.number} ${item.title}`);
  const text = [
    `Програма: ${programme.title}`,
    `Звітний період: ${period.key} (${ukrainianDate(period.start)}–${ukrainianDate(period.end)})`,
    `Строк подання: ${due}`,
    "",
    "Не подано звітів щодо заходів:",
    ...lines,
    ...(link ? ["", `Заповнити звіт: ${link}`] : []),
  ].join("\n");
  return { subject, text };
}

interface Recipient {
  userId: number;
  login: string;
  email: string | null;
}

/** The unit's executors with an account, read on the store or inside a transaction. */
async function unitRecipients(db: MonitoringDb | MonitoringTrx, orgUnitId: number): Promise<Recipient[]> {
  const rows = await db
    .selectFrom("users")
    .select(["id", "login", "email"])
    .where("org_unit_id", "=", orgUnitId)
    .where("role", "=", "executor")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({ userId: row.id, login: row.login, email: row.email }));
}

/** Records the reminder; false when it was recorded before (already sent). */
async function record(store: Store, reminder: SentReminder, userId: number): Promise<boolean> {
  const inserted = await monitoringDb(store)
    .insertInto("reminders")
    .values({
      programme_id: reminder.programmeId,
      period_key: reminder.periodKey,
      org_unit_id: reminder.orgUnitId,
      kind: reminder.kind,
      channel: reminder.channel,
      to: reminder.to,
      user_id: userId,
    })
    .onConflict((conflict) => conflict.doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted !== undefined;
}

async function unrecord(store: Store, reminder: SentReminder): Promise<void> {
  await monitoringDb(store)
    .deleteFrom("reminders")
    .where("programme_id", "=", reminder.programmeId)
    .where("period_key", "=", reminder.periodKey)
    .where("org_unit_id", "=", reminder.orgUnitId)
    .where("kind", "=", reminder.kind)
    .where("channel", "=", reminder.channel)
    .where("to", "=", reminder.to)
    .execute();
}

interface UnitNotice {
  base: Omit<SentReminder, "channel" | "to">;
  message: { subject: string; text: string };
}

async function notifyUnit(store: Store, mailer: Mailer | undefined, notice: UnitNotice, from: string) {
  const sent: SentReminder[] = [];
  for (const recipient of await unitRecipients(monitoringDb(store), notice.base.orgUnitId)) {
    const app: SentReminder = { ...notice.base, channel: "app", to: recipient.login };
    if (await record(store, app, recipient.userId)) sent.push(app);
    if (!mailer || !recipient.email) continue;
    const email: SentReminder = { ...notice.base, channel: "email", to: recipient.email };
    if (!(await record(store, email, recipient.userId))) continue;
    try {
      await mailer.sendMail({ from, to: recipient.email, ...notice.message });
      sent.push(email);
    } catch (error) {
      await unrecord(store, email);
      throw error;
    }
  }
  return sent;
}

async function programmeReminders(
  store: Store,
  mailer: Mailer | undefined,
  programmeId: number,
  today: string,
  options: Required<ReminderOptions>,
): Promise<SentReminder[]> {
  const stored = await store.getProgramme(programmeId);
  if (!stored) return [];
  const { programme } = stored;
  const links = await itemUnitsOf(store, programmeId, programme, stored.summary.katottg);
  const reports = (await listReports(store, programmeId)).map(domainReport);
  const sent: SentReminder[] = [];
  for (const period of await programmePeriods(store, programmeId, programme)) {
    const kind = reminderKind(period, today, options.daysBefore);
    if (!kind) continue;
    const missing = missingByUnit(missingReports(programme, reports, period, today), links);
    for (const [orgUnitId, items] of missing) {
      const base = { programmeId, periodKey: period.key, orgUnitId, kind };
      const link = reportFormLink(programmeId, period.key);
      const message = reminderText(programme, period, kind, items, link);
      sent.push(...(await notifyUnit(store, mailer, { base, message }, options.from)));
    }
  }
  return sent;
}

/**
 * Sends the reminders due on `today` ("YYYY-MM-DD") for every programme; returns what was sent now.
 * Without a mailer only the in-app reminders are recorded.
 */
export async function sendDueReminders(
  store: Store,
  mailer: Mailer | undefined,
  today: string,
  options: ReminderOptions = {},
): Promise<SentReminder[]> {
  const settings = {
    daysBefore: options.daysBefore ?? 5,
    from: options.from ?? config().smtp.from,
  };
  const sent: SentReminder[] = [];
  for (const programmeId of await programmesWithExecutors(store)) {
    sent.push(...(await programmeReminders(store, mailer, programmeId, today, settings)));
  }
  return sent;
}

/**
 * Only programmes of communities where an executor has an account can be reminded of anything; on a
 * national database most communities have none, and reading each programme hourly would cost seconds.
 */
async function programmesWithExecutors(store: Store): Promise<number[]> {
  const rows = await monitoringDb(store)
    .selectFrom("programmes as p")
    .select("p.id")
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("users as u")
          .innerJoin("org_units as o", "o.id", "u.org_unit_id")
          .select("u.id")
          .where("u.role", "=", "executor")
          .whereRef("o.katottg", "=", "p.katottg"),
      ),
    )
    .orderBy("p.id")
    .execute();
  return rows.map((row) => row.id);
}

export interface AppReminder {
  programmeId: number;
  periodKey: string;
  kind: ReminderKind;
  sentAt: string;
}

/** The in-app reminders of a user, newest first. */
export async function remindersOf(store: Store, userId: number): Promise<AppReminder[]> {
  const rows = await monitoringDb(store)
    .selectFrom("reminders")
    .select(["programme_id", "period_key", "kind", "sent_at"])
    .where("user_id", "=", userId)
    .where("channel", "=", "app")
    .orderBy("sent_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map((row) => ({
    programmeId: row.programme_id,
    periodKey: row.period_key,
    kind: row.kind,
    sentAt: new Date(row.sent_at).toISOString(),
  }));
}

/**
 * Runs `sendDueReminders` now and then every `everyMs` (default hourly) with the given mailer (the
 * server's SMTP_URL transport; none: in-app only); returns the function that stops it. Failures are
 * reported to `onError` and retried on the next run.
 */
export function scheduleReminders(
  store: Store,
  mailer: Mailer | undefined,
  onError: (error: unknown) => void,
  everyMs = 60 * 60 * 1000,
): () => void {
  const run = () => {
    sendDueReminders(store, mailer, new Date().toISOString().slice(0, 10)).catch(onError);
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  run();
  return () => clearInterval(timer);
}

/** Why a manual reminder was not sent; `reason` maps to the HTTP status (not-found 404, else 409). */
export class ReminderRefused extends Error {
  constructor(
    readonly reason: "not-found" | "nothing-missing" | "no-recipients" | "too-soon",
    message: string,
  ) {
    super(message);
  }
}

export interface ManualReminderInput {
  programmeId: number;
  katottg: string;
  programme: Programme;
  periodKey: string;
  orgUnitId: number;
  actor: Actor;
  now: Date;
  mailer?: Mailer | undefined;
}

export interface ManualReminderSent {
  orgUnitId: number;
  sentAt: string;
  /** Executors of the unit reminded in the app, and those of them reached by e-mail. */
  recipients: number;
  emails: number;
}

const MANUAL_GAP_MS = DAY_MS;

/**
 * The head reminds one unit now of the period's reports it has not submitted: each of its executors
 * in the app, and by e-mail where a mailer and their address are known. Once per unit and period a
 * day; the missing reports read, checked and recorded in one transaction (after the unit's row is
 * locked), the e-mails sent after it commits (a failed one is un-recorded, as the scheduled ones are).
 */
export async function remindUnit(store: Store, input: ManualReminderInput): Promise<ManualReminderSent> {
  const { programme, programmeId, orgUnitId, now } = input;
  const period = (await programmePeriods(store, programmeId, programme)).find(
    (each) => each.key === input.periodKey,
  );
  if (!period) throw new ReminderRefused("not-found", "Такого звітного періоду в програмі немає");
  const on = now.toISOString().slice(0, 10);
  const links = await itemUnitsOf(store, programmeId, programme, input.katottg);
  // Read inside the transaction, after the unit's row is locked: a report submitted before then is
  // not reminded of.
  const missingOf = async (trx: MonitoringTrx): Promise<MissingReport[]> => {
    const reports = (await readReports(trx, programmeId)).map(domainReport);
    return missingByUnit(missingReports(programme, reports, period, on), links).get(orgUnitId) ?? [];
  };
  const recorded = await recordManual(store, input, missingOf);
  const link = reportFormLink(programmeId, period.key);
  const message = reminderText(programme, period, "manual", recorded.items, link, on);
  const emails = await mailManual(store, input.mailer, recorded, message);
  return { orgUnitId, sentAt: now.toISOString(), recipients: recorded.app, emails };
}

interface RecordedManual {
  app: number;
  emails: { id: number; to: string }[];
  /** The unit's missing reports the reminder names, as the transaction saw them. */
  items: MissingReport[];
}

async function recordManual(
  store: Store,
  input: ManualReminderInput,
  missingOf: (trx: MonitoringTrx) => Promise<MissingReport[]>,
): Promise<RecordedManual> {
  const { programmeId, orgUnitId, now, actor } = input;
  return monitoringDb(store)
    .transaction()
    .execute(async (trx) => {
      const unit = await trx
        .selectFrom("org_units")
        .select("id")
        .where("id", "=", orgUnitId)
        .where("katottg", "=", input.katottg)
        .forUpdate()
        .executeTakeFirst();
      if (!unit) throw new ReminderRefused("not-found", "Такого підрозділу в громаді програми немає");
      const items = await missingOf(trx);
      if (items.length === 0)
        throw new ReminderRefused("nothing-missing", "Підрозділ подав усі звіти за цей період");
      const recent = await trx
        .selectFrom("reminders")
        .select("sent_at")
        .where("programme_id", "=", programmeId)
        .where("period_key", "=", input.periodKey)
        .where("org_unit_id", "=", orgUnitId)
        .where("kind", "=", "manual")
        .where("sent_at", ">", new Date(now.getTime() - MANUAL_GAP_MS))
        .orderBy("sent_at", "desc")
        .executeTakeFirst();
      if (recent)
        throw new ReminderRefused(
          "too-soon",
          `Підрозділу вже нагадано ${new Date(recent.sent_at).toISOString().slice(0, 16).replace("T", " ")} UTC; наступне нагадування — не раніше ніж за добу`,
        );
      const executors = await unitRecipients(trx, orgUnitId);
      if (executors.length === 0)
        throw new ReminderRefused(
          "no-recipients",
          "У підрозділі немає жодного виконавця з обліковим записом: запросіть його на сторінці «Підрозділи і користувачі»",
        );
      const base = {
        programme_id: programmeId,
        period_key: input.periodKey,
        org_unit_id: orgUnitId,
        kind: "manual" as const,
        sent_at: now.toISOString(),
        sent_by: actor?.userId ?? null,
      };
      await trx
        .insertInto("reminders")
        .values(
          executors.map((user) => ({
            ...base,
            channel: "app" as const,
            to: user.login,
            user_id: user.userId,
          })),
        )
        .execute();
      const mailed = input.mailer ? executors.filter((user) => user.email) : [];
      const emails =
        mailed.length === 0
          ? []
          : await trx
              .insertInto("reminders")
              .values(
                mailed.map((user) => ({
                  ...base,
                  channel: "email" as const,
                  to: user.email ?? "",
                  user_id: user.userId,
                })),
              )
              .returning(["id", "to"])
              .execute();
      await writeAudit(trx, actor, {
        action: "remind",
        entity: "org_unit",
        entityId: orgUnitId,
        after: {
          programmeId,
          periodKey: input.periodKey,
          recipients: executors.length,
          emails: emails.length,
        },
      });
      return { app: executors.length, emails, items };
    });
}

async function mailManual(
  store: Store,
  mailer: Mailer | undefined,
  recorded: RecordedManual,
  message: { subject: string; text: string },
): Promise<number> {
  if (!mailer) return 0;
  let sent = 0;
  for (const email of recorded.emails) {
    try {
      await mailer.sendMail({ from: config().smtp.from, to: email.to, ...message });
      sent += 1;
    } catch {
      await monitoringDb(store).deleteFrom("reminders").where("id", "=", email.id).execute();
    }
  }
  return sent;
}

/** The latest reminder (of any kind) each unit got for the period, for the head's reporting page. */
export async function lastReminders(
  store: Store,
  programmeId: number,
  periodKey: string,
): Promise<{ orgUnitId: number; sentAt: string; manual: boolean }[]> {
  const rows = await monitoringDb(store)
    .selectFrom("reminders")
    .select(["org_unit_id", "kind", "sent_at"])
    .distinctOn("org_unit_id")
    .where("programme_id", "=", programmeId)
    .where("period_key", "=", periodKey)
    .where("channel", "=", "app")
    .orderBy("org_unit_id")
    .orderBy("sent_at", "desc")
    .execute();
  return rows.map((row) => ({
    orgUnitId: row.org_unit_id,
    sentAt: new Date(row.sent_at).toISOString(),
    manual: row.kind === "manual",
  }));
}
