/**
 * The notification outbox (migration 0024): agreement events notify the community's heads and the
 * reviewers who cover it, in the app and by e-mail. Rows are written in the event's transaction; e-mail
 * rows go out later (`sendNotifications`, SMTP_URL through nodemailer, or any Mailer such as the dev
 * catcher) and are marked sent, so a crash between the two sends nothing twice and loses nothing.
 */
import type { Transaction } from "kysely";
import { oblastOf } from "../domain/agreement/lifecycle.js";
import type { Store } from "./index.js";
import type { Mailer } from "./reminders.js";
import type { Database } from "./schema.js";

export interface Notice {
  subject: string;
  text: string;
  programmeId: number;
}

type Trx = Transaction<Database>;

/** Heads and admins bound to the community. */
async function communityStaff(trx: Trx, katottg: string) {
  return trx
    .selectFrom("users")
    .select(["id", "email"])
    .where("katottg", "=", katottg)
    .where("role", "in", ["head", "admin"])
    .execute();
}

/** Reviewers of the Ministry and of the community's oblast. */
async function reviewersOf(trx: Trx, katottg: string) {
  return trx
    .selectFrom("users")
    .select(["id", "email"])
    .where("role", "=", "reviewer")
    .where((eb) => eb.or([eb("review_oblast", "is", null), eb("review_oblast", "=", oblastOf(katottg))]))
    .execute();
}

export async function notify(
  trx: Trx,
  who: "community" | "reviewers",
  katottg: string,
  notice: Notice,
): Promise<number> {
  const recipients =
    who === "community" ? await communityStaff(trx, katottg) : await reviewersOf(trx, katottg);
  const rows = recipients.flatMap((user) => [
    { channel: "app" as const, to: String(user.id), user_id: user.id },
    ...(user.email ? [{ channel: "email" as const, to: user.email, user_id: user.id }] : []),
  ]);
  if (rows.length === 0) return 0;
  await trx
    .insertInto("notifications")
    .values(
      rows.map((row) => ({
        ...row,
        subject: notice.subject,
        text: notice.text,
        programme_id: notice.programmeId,
      })),
    )
    .execute();
  return rows.length;
}

export interface InAppNotice {
  id: number;
  subject: string;
  text: string;
  programmeId: number | null;
  createdAt: string;
}

/** The user's in-app notifications, newest first. */
export async function notificationsOf(store: Store, userId: number, limit = 50): Promise<InAppNotice[]> {
  const rows = await store
    .kysely()
    .selectFrom("notifications")
    .select(["id", "subject", "text", "programme_id", "created_at"])
    .where("user_id", "=", userId)
    .where("channel", "=", "app")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    subject: row.subject,
    text: row.text,
    programmeId: row.programme_id,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}

/** Sends the unsent e-mails of the outbox; returns how many went out. */
export async function sendNotifications(store: Store, mailer: Mailer, from: string): Promise<number> {
  const pending = await store
    .kysely()
    .selectFrom("notifications")
    .select(["id", "to", "subject", "text"])
    .where("channel", "=", "email")
    .where("sent_at", "is", null)
    .orderBy("id")
    .limit(500)
    .execute();
  let sent = 0;
  for (const row of pending) {
    await mailer.sendMail({ from, to: row.to, subject: row.subject, text: row.text });
    await store
      .kysely()
      .updateTable("notifications")
      .set({ sent_at: new Date().toISOString() })
      .where("id", "=", row.id)
      .execute();
    sent++;
  }
  return sent;
}

/** Without SMTP_URL the mail stays on this machine: printed, and marked sent like real mail. */
export const devMailCatcher: Mailer = {
  async sendMail(message) {
    console.log(`✉ (SMTP_URL не задано) ${message.to}: ${message.subject}`);
  },
};

/** Sends the outbox's e-mails every `everyMs` (a minute by default); returns the function that stops it. */
export function scheduleNotifications(
  store: Store,
  mailer: Mailer,
  from: string,
  onError: (error: unknown) => void,
  everyMs = 60_000,
): () => void {
  const run = () => {
    sendNotifications(store, mailer, from).catch(onError);
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
