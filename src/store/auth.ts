/**
 * Sign-in and sessions. The session cookie carries a random 32-byte token; the database keeps only its
 * SHA-256 (`sessions.id`), so a leaked table does not yield usable sessions. Each session has its own
 * CSRF token for the double-submit check of the API.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { verify } from "@node-rs/argon2";
import { monitoringDb, writeAudit } from "./audit.js";
import type { Store } from "./index.js";
import { sha256 } from "./programmes.js";
import { findUser, hashPassword, toUser, USER_COLUMNS, type User } from "./users.js";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface Session {
  token: string;
  csrfToken: string;
  user: User;
  expiresAt: string;
}

/** A hash to verify against when the login is unknown, so that the timing does not reveal logins. */
let dummyHash: Promise<string> | undefined;

/** The user when the login and password match, else undefined. */
export async function checkPassword(
  store: Store,
  login: string,
  password: string,
): Promise<User | undefined> {
  const row = await monitoringDb(store)
    .selectFrom("users")
    .select([...USER_COLUMNS, "password_hash"])
    .where("login", "=", login)
    .executeTakeFirst();
  if (!row) {
    dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
    await verify(await dummyHash, password);
    return undefined;
  }
  return (await verify(row.password_hash, password)) ? toUser(row) : undefined;
}

export async function createSession(store: Store, user: User, now = new Date()): Promise<Session> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  await monitoringDb(store)
    .transaction()
    .execute(async (trx) => {
      await trx.deleteFrom("sessions").where("expires_at", "<=", now).execute();
      await trx
        .insertInto("sessions")
        .values({ id: sha256(token), user_id: user.id, csrf_token: csrfToken, expires_at: expiresAt })
        .execute();
      await writeAudit(trx, { userId: user.id }, { action: "login", entity: "user", entityId: user.id });
    });
  return { token, csrfToken, user, expiresAt };
}

/** The live session of a cookie token, or undefined (unknown or expired). */
export async function findSession(
  store: Store,
  token: string,
  now = new Date(),
): Promise<Session | undefined> {
  const db = monitoringDb(store);
  const id = sha256(token);
  // Kept until the next write on PGlite (a login, a logout, a user changed): every request asks.
  const found = await store.keptRead(`session ${id}`, async () => {
    const row = await db
      .selectFrom("sessions")
      .select(["user_id", "csrf_token", "expires_at"])
      .where("id", "=", id)
      .executeTakeFirst();
    const user = row && (await findUser(db, row.user_id));
    return row && user && { row, user };
  });
  if (!found) return undefined;
  const { row, user } = found;
  if (new Date(row.expires_at).getTime() <= now.getTime()) return undefined;
  return { token, csrfToken: row.csrf_token, user, expiresAt: new Date(row.expires_at).toISOString() };
}

export async function deleteSession(store: Store, token: string): Promise<void> {
  await monitoringDb(store).deleteFrom("sessions").where("id", "=", sha256(token)).execute();
}

export function sameToken(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The community of a programme, for the access check of the routes under /api/programmes/:id. */
export async function programmeKatottg(store: Store, id: number): Promise<string | undefined> {
  const row = await store.keptRead(`programme katottg ${id}`, () =>
    monitoringDb(store).selectFrom("programmes").select("katottg").where("id", "=", id).executeTakeFirst(),
  );
  return row?.katottg;
}
