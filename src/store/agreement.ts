/**
 * Agreement with the Ministry: the queue, the steps, the remarks and their answers. Every step's checks
 * (the domain's `takeStep`, the reviewer's oblast, the answered remarks) and writes (the state, the
 * event, the passport field a letter or decision fills) run in one transaction.
 */
import { sql, type Transaction } from "kysely";
import { amendmentNeedsAgreement } from "../domain/agreement/amendment.js";
import {
  type AgreementAction,
  type AgreementState,
  type CouncilDecision,
  field3Text,
  field4Text,
  type Letter,
  oblastOf,
  type Party,
  type ReviewerScope,
  reviewerCovers,
  STEPS,
  takeStep,
} from "../domain/agreement/lifecycle.js";
import type { Programme } from "../domain/model.js";
import { validateProgramme } from "../domain/validate.js";
import { type Actor, monitoringDb, writeAudit } from "./audit.js";
import { parseJson } from "./convert.js";
import type { Store } from "./index.js";
import { notify } from "./notifications.js";
import { writeEdit } from "./programmes.js";
import type { Database } from "./schema.js";

export interface AgreementEvent {
  id: number;
  version: number;
  action: string;
  from: string;
  to: string;
  userId: number | null;
  at: string;
  document: unknown;
}

export interface Remark {
  id: number;
  version: number;
  ref: string;
  quote: string | null;
  text: string;
  userId: number | null;
  createdAt: string;
  /** The return that sent it to the community; null while it is the reviewer's draft. */
  returnedIn: number | null;
  answer: { kind: "changed" | "explained"; text: string; version: number | null; at: string } | null;
}

export interface AgreementView {
  programmeId: number;
  katottg: string;
  state: AgreementState;
  events: AgreementEvent[];
  remarks: Remark[];
}

export interface QueueFilter {
  oblast?: string;
  states?: AgreementState[];
  /** Waiting at least this many days since the last step. */
  minAgeDays?: number;
  limit: number;
  /** Cursor: the `updatedAt|id` of the last row of the previous page. */
  after?: { updatedAt: string; id: number };
}

export interface QueueRow {
  programmeId: number;
  katottg: string;
  community: string;
  title: string;
  state: AgreementState;
  updatedAt: string;
}

const REVIEWABLE: AgreementState[] = ["submitted", "resubmitted"];

const iso = (value: Date | string | null) => (value === null ? "" : new Date(value).toISOString());

/** The reviewer's reach: the Ministry, or one oblast; null for a user who is no reviewer. */
export async function reviewerScope(store: Store, userId: number): Promise<ReviewerScope | null> {
  const row = await monitoringDb(store)
    .selectFrom("users")
    .select(["role", "review_oblast"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (row?.role !== "reviewer") return null;
  return row.review_oblast ? { kind: "oblast", oblast: row.review_oblast } : { kind: "ministry" };
}

export async function setReviewOblast(store: Store, userId: number, oblast: string | null): Promise<void> {
  await monitoringDb(store)
    .updateTable("users")
    .set({ review_oblast: oblast })
    .where("id", "=", userId)
    .execute();
}

/** Programmes waiting for a reviewer, oldest first, paged in SQL. */
export async function agreementQueue(store: Store, filter: QueueFilter): Promise<QueueRow[]> {
  let query = store
    .kysely()
    .selectFrom("programmes as p")
    .innerJoin("communities as c", "c.katottg", "p.katottg")
    .select(["p.id", "p.katottg", "c.name", "p.title", "p.agreement_state"])
    // Microseconds, as stored: a cursor cut to milliseconds repeats or skips rows updated within one.
    .select(
      sql<string>`to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as("updated_at"),
    )
    .where("p.agreement_state", "in", filter.states?.length ? filter.states : REVIEWABLE);
  if (filter.oblast) query = query.where("p.katottg", "like", `${filter.oblast}%`);
  if (filter.minAgeDays !== undefined) {
    const before = new Date(Date.now() - filter.minAgeDays * 86_400_000).toISOString();
    query = query.where("p.updated_at", "<=", before as never);
  }
  if (filter.after) {
    const { updatedAt, id } = filter.after;
    query = query.where((eb) =>
      eb.or([
        eb("p.updated_at", ">", updatedAt as never),
        eb.and([eb("p.updated_at", "=", updatedAt as never), eb("p.id", ">", id)]),
      ]),
    );
  }
  const rows = await query.orderBy("p.updated_at").orderBy("p.id").limit(filter.limit).execute();
  return rows.map((row) => ({
    programmeId: row.id,
    katottg: row.katottg,
    community: row.name,
    title: row.title,
    state: row.agreement_state as AgreementState,
    updatedAt: row.updated_at,
  }));
}

export async function agreementOf(store: Store, programmeId: number): Promise<AgreementView | undefined> {
  const db = store.kysely();
  const programme = await db
    .selectFrom("programmes")
    .select(["id", "katottg", "agreement_state"])
    .where("id", "=", programmeId)
    .executeTakeFirst();
  if (!programme) return undefined;
  const events = await db
    .selectFrom("agreement_events")
    .selectAll()
    .where("programme_id", "=", programmeId)
    .orderBy("id")
    .execute();
  const remarks = await db
    .selectFrom("agreement_remarks")
    .selectAll()
    .where("programme_id", "=", programmeId)
    .orderBy("id")
    .execute();
  return {
    programmeId,
    katottg: programme.katottg,
    state: programme.agreement_state as AgreementState,
    events: events.map((row) => ({
      id: row.id,
      version: row.version,
      action: row.action,
      from: row.from_state,
      to: row.to_state,
      userId: row.user_id,
      at: iso(row.at),
      document: row.document ?? null,
    })),
    remarks: remarks.map(toRemark),
  };
}

function toRemark(row: {
  id: number;
  version: number;
  ref: string;
  quote: string | null;
  text: string;
  user_id: number | null;
  created_at: Date | string;
  returned_in: number | null;
  answer_kind: string | null;
  answer_text: string | null;
  answered_version: number | null;
  answered_at: Date | string | null;
}): Remark {
  return {
    id: row.id,
    version: row.version,
    ref: row.ref,
    quote: row.quote,
    text: row.text,
    userId: row.user_id,
    createdAt: iso(row.created_at),
    returnedIn: row.returned_in,
    answer:
      row.answer_kind === null
        ? null
        : {
            kind: row.answer_kind as "changed" | "explained",
            text: row.answer_text ?? "",
            version: row.answered_version,
            at: iso(row.answered_at),
          },
  };
}

export type StepOutcome =
  | { ok: true; state: AgreementState; version: number }
  | { ok: false; status: 404 | 403 | 409; message: string };

export interface StepRequest {
  programmeId: number;
  action: AgreementAction;
  party: Party;
  /** The reviewer's reach (party "reviewer"). */
  scope?: ReviewerScope;
  letter?: Letter;
  decision?: CouncilDecision;
  actor: Actor;
}

type Trx = Transaction<Database>;

async function latestVersion(
  trx: Trx,
  programmeId: number,
): Promise<{ version: number; programme: Programme }> {
  const row = await trx
    .selectFrom("programme_versions")
    .select(["version", "document"])
    .where("programme_id", "=", programmeId)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  return { version: row.version, programme: parseJson(row.document) as Programme };
}

/** The version before the amendment began: the one the last entry into force was recorded on. */
async function versionInForce(trx: Trx, programmeId: number): Promise<Programme | null> {
  const event = await trx
    .selectFrom("agreement_events")
    .select("version")
    .where("programme_id", "=", programmeId)
    .where("to_state", "=", "in-force")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!event) return null;
  const row = await trx
    .selectFrom("programme_versions")
    .select("document")
    .where("programme_id", "=", programmeId)
    .where("version", "=", event.version)
    .executeTakeFirst();
  if (!row) return null;
  return parseJson(row.document) as Programme;
}

async function countRemarks(trx: Trx, programmeId: number, which: "new" | "unanswered"): Promise<number> {
  let query = trx
    .selectFrom("agreement_remarks")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("programme_id", "=", programmeId);
  query =
    which === "new"
      ? query.where("returned_in", "is", null)
      : query.where("returned_in", "is not", null).where("answer_kind", "is", null);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The passport with field `number` set, as a new version. */
function withField(programme: Programme, number: number, label: string, value: string): Programme {
  const fields = programme.passport.fields.filter((field) => field.number !== number);
  fields.push({ number, label, value, line: 0 });
  fields.sort((a, b) => a.number - b.number);
  return { ...programme, passport: { ...programme.passport, fields } };
}

async function fillPassport(trx: Trx, request: StepRequest, programme: Programme): Promise<number | null> {
  let filled: Programme | null = null;
  if (request.action === "agree" && request.letter) {
    filled = withField(programme, 4, "Дата і номер листа-погодження з Мінцифри", field4Text(request.letter));
  }
  if (request.action === "approve" && request.decision) {
    filled = withField(
      programme,
      3,
      "Дата, номер і назва рішення про затвердження",
      field3Text(request.decision),
    );
  }
  if (!filled) return null;
  const note = request.action === "agree" ? "поле 4 з листа-погодження" : "поле 3 з рішення ради";
  const saved = await writeEdit(trx, {
    programmeId: request.programmeId,
    programme: filled,
    findings: validateProgramme(filled),
    note,
    actor: request.actor,
  });
  return saved?.version ?? null;
}

/** Who hears of a step: reviewers of a (re)submission, the community of a decision. */
async function notifyStep(
  trx: Trx,
  request: StepRequest,
  katottg: string,
  programme: Programme,
): Promise<void> {
  const name = `«${programme.title || programme.community.name}» (${programme.community.name})`;
  const link = `/agreement/${request.programmeId}`;
  const notices: Partial<Record<AgreementAction, ["community" | "reviewers", string]>> = {
    submit: ["reviewers", `Новий проєкт на погодження: ${name}`],
    resubmit: ["reviewers", `Доопрацьований проєкт на погодження: ${name}`],
    return: ["community", `Проєкт ${name} повернуто із зауваженнями`],
    agree: ["community", `Проєкт ${name} погоджено: лист № ${request.letter?.number ?? ""}`],
  };
  const notice = notices[request.action];
  if (!notice) return;
  const [who, subject] = notice;
  await notify(trx, who, katottg, {
    subject,
    text: `${subject}.\nДеталі: ${link}`,
    programmeId: request.programmeId,
  });
}

/** One step of the life cycle, checked and recorded in one transaction. */
export function takeAgreementStep(store: Store, request: StepRequest): Promise<StepOutcome> {
  return store
    .kysely()
    .transaction()
    .execute(async (trx): Promise<StepOutcome> => {
      const row = await trx
        .selectFrom("programmes")
        .select(["katottg", "agreement_state"])
        .where("id", "=", request.programmeId)
        .forUpdate()
        .executeTakeFirst();
      if (!row) return { ok: false, status: 404, message: "Програму не знайдено" };
      if (request.party === "reviewer" && !(request.scope && reviewerCovers(request.scope, row.katottg))) {
        return { ok: false, status: 403, message: "Ця громада не належить до області рецензента" };
      }
      const state = row.agreement_state as AgreementState;
      const current = await latestVersion(trx, request.programmeId);
      const inForce =
        request.action === "apply-amendment" ? await versionInForce(trx, request.programmeId) : null;
      const result = takeStep(state, request.action, request.party, {
        newRemarks: await countRemarks(trx, request.programmeId, "new"),
        unansweredRemarks: await countRemarks(trx, request.programmeId, "unanswered"),
        letter: request.letter,
        decision: request.decision,
        amendmentNeedsAgreement: inForce ? amendmentNeedsAgreement(inForce, current.programme) : true,
      });
      if (!result.ok) return { ok: false, status: 409, message: result.reason.uk };
      const version = (await fillPassport(trx, request, current.programme)) ?? current.version;
      const event = await trx
        .insertInto("agreement_events")
        .values({
          programme_id: request.programmeId,
          version,
          action: request.action,
          from_state: state,
          to_state: result.to,
          user_id: request.actor?.userId ?? null,
          document: JSON.stringify(request.letter ?? request.decision ?? null),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (request.action === "return") {
        await trx
          .updateTable("agreement_remarks")
          .set({ returned_in: event.id })
          .where("programme_id", "=", request.programmeId)
          .where("returned_in", "is", null)
          .execute();
      }
      await trx
        .updateTable("programmes")
        .set({ agreement_state: result.to, updated_at: new Date().toISOString() })
        .where("id", "=", request.programmeId)
        .execute();
      await notifyStep(trx, request, row.katottg, current.programme);
      await writeAudit(trx, request.actor, {
        action: `agreement.${request.action}`,
        entity: "programme",
        entityId: request.programmeId,
        before: { state },
        after: { state: result.to, version },
      });
      return { ok: true, state: result.to, version };
    });
}

export interface NewRemark {
  programmeId: number;
  ref: string;
  quote?: string | null;
  text: string;
  scope: ReviewerScope;
  actor: Actor;
}

/** A reviewer's remark on the version under review; it goes to the community with the next return. */
export function addRemark(
  store: Store,
  remark: NewRemark,
): Promise<Remark | { status: 403 | 404 | 409; message: string }> {
  return store
    .kysely()
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .selectFrom("programmes")
        .select(["katottg", "agreement_state"])
        .where("id", "=", remark.programmeId)
        .forUpdate()
        .executeTakeFirst();
      if (!row) return { status: 404 as const, message: "Програму не знайдено" };
      if (!reviewerCovers(remark.scope, row.katottg))
        return { status: 403 as const, message: "Ця громада не належить до області рецензента" };
      if (!REVIEWABLE.includes(row.agreement_state as AgreementState))
        return { status: 409 as const, message: "Зауваження пишуть лише до поданого на погодження проєкту" };
      const { version } = await latestVersion(trx, remark.programmeId);
      const inserted = await trx
        .insertInto("agreement_remarks")
        .values({
          programme_id: remark.programmeId,
          version,
          ref: remark.ref,
          quote: remark.quote ?? null,
          text: remark.text,
          user_id: remark.actor?.userId ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRemark(inserted);
    });
}

export interface RemarkAnswer {
  programmeId: number;
  remarkId: number;
  kind: "changed" | "explained";
  text: string;
  actor: Actor;
}

/** The community's answer to a returned remark; "changed" links the current (new) version. */
export function answerRemark(
  store: Store,
  answer: RemarkAnswer,
): Promise<Remark | { status: 404 | 409; message: string }> {
  return store
    .kysely()
    .transaction()
    .execute(async (trx) => {
      const programme = await trx
        .selectFrom("programmes")
        .select("agreement_state")
        .where("id", "=", answer.programmeId)
        .forUpdate()
        .executeTakeFirst();
      const remark = await trx
        .selectFrom("agreement_remarks")
        .selectAll()
        .where("id", "=", answer.remarkId)
        .where("programme_id", "=", answer.programmeId)
        .executeTakeFirst();
      if (!programme || !remark || remark.returned_in === null)
        return { status: 404 as const, message: "Зауваження не знайдено" };
      if (programme.agreement_state !== "remarks")
        return { status: 409 as const, message: "Відповідають на зауваження, поки проєкт повернуто" };
      const { version } = await latestVersion(trx, answer.programmeId);
      if (answer.kind === "changed" && version <= remark.version)
        return { status: 409 as const, message: "Зміни ще не збережено: спершу відредагуйте програму" };
      const updated = await trx
        .updateTable("agreement_remarks")
        .set({
          answer_kind: answer.kind,
          answer_text: answer.text,
          answered_version: answer.kind === "changed" ? version : null,
          answered_at: new Date().toISOString(),
        })
        .where("id", "=", answer.remarkId)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRemark(updated);
    });
}

/** Which steps the party may offer now (for the UI's buttons). */
export function stepsFor(state: AgreementState, party: Party): AgreementAction[] {
  return (Object.keys(STEPS) as AgreementAction[]).filter(
    (action) => STEPS[action].by === party && STEPS[action].from.includes(state),
  );
}

export { oblastOf };
