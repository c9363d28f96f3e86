/**
 * One-time invitations (migration 0027). The head invites a person by e-mail with a role and a unit;
 * the link carries a random token that is kept only as its SHA-256, expires, and is spent once: the
 * invitee sets a password and becomes a user (login = the e-mail) in the same transaction.
 */
import { randomBytes } from "node:crypto";
import type { Role } from "../domain/roles.js";
import { type Actor, type MonitoringDb, type MonitoringTrx, monitoringDb, writeAudit } from "./audit.js";
import type { Store } from "./index.js";
import { sha256 } from "./index.js";
import { hashPassword, toUser, USER_COLUMNS, type User } from "./users.js";

export type InvitedRole = Extract<Role, "head" | "executor" | "controller">;

export interface NewInvitation {
  katottg: string;
  email: string;
  displayName: string;
  role: InvitedRole;
  orgUnitId: number | null;
}

export interface Invitation extends NewInvitation {
  id: number;
  unitName: string | null;
  createdAt: string;
  expiresAt: string;
}

export type InvitationRefusal = "unknown" | "used" | "expired" | "taken";

export class InvitationError extends Error {
  constructor(
    readonly reason: InvitationRefusal,
    message: string,
  ) {
    super(message);
  }
}

const MESSAGES: Record<InvitationRefusal, string> = {
  unknown: "Запрошення не знайдено: перевірте посилання",
  used: "Запрошення вже використано: увійдіть зі своїм паролем",
  expired: "Строк дії запрошення минув: попросіть надіслати нове",
  taken: "Користувач з цією адресою вже є: увійдіть зі своїм паролем",
};

const refuse = (reason: InvitationRefusal) => new InvitationError(reason, MESSAGES[reason]);

/** The login an invitee gets: the e-mail as written, lower-cased. */
export const loginOf = (email: string) => email.trim().toLowerCase();

const iso = (value: Date | string) => new Date(value).toISOString();

function selectInvitations(db: MonitoringDb | MonitoringTrx) {
  return db
    .selectFrom("invitations as i")
    .leftJoin("org_units as u", "u.id", "i.org_unit_id")
    .select([
      "i.id",
      "i.katottg",
      "i.email",
      "i.display_name",
      "i.role",
      "i.org_unit_id",
      "u.name as unit_name",
      "i.created_at",
      "i.expires_at",
      "i.used_at",
    ]);
}

type InvitationRow = Awaited<ReturnType<ReturnType<typeof selectInvitations>["execute"]>>[number];

function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    katottg: row.katottg,
    email: row.email,
    displayName: row.display_name,
    role: row.role as InvitedRole,
    orgUnitId: row.org_unit_id,
    unitName: row.unit_name,
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
  };
}

/** A new invitation; the token is returned this once and never stored. */
export function createInvitation(
  store: Store,
  input: NewInvitation,
  expiresAt: Date,
  actor: Actor,
): Promise<{ invitation: Invitation; token: string }> {
  const token = randomBytes(32).toString("base64url");
  return monitoringDb(store)
    .transaction()
    .execute(async (trx) => {
      const { id } = await trx
        .insertInto("invitations")
        .values({
          token_hash: sha256(token),
          katottg: input.katottg,
          email: input.email.trim(),
          display_name: input.displayName,
          role: input.role,
          org_unit_id: input.orgUnitId,
          created_by: actor?.userId ?? null,
          expires_at: expiresAt.toISOString(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const invitation = toInvitation(
        await selectInvitations(trx).where("i.id", "=", id).executeTakeFirstOrThrow(),
      );
      await writeAudit(trx, actor, {
        action: "invite",
        entity: "user",
        entityId: `invitation:${id}`,
        after: invitation,
      });
      return { invitation, token };
    });
}

/** The community's invitations not yet accepted (expired ones included, marked by their date). */
export async function pendingInvitations(store: Store, katottg: string): Promise<Invitation[]> {
  const rows = await selectInvitations(monitoringDb(store))
    .where("i.katottg", "=", katottg)
    .where("i.used_at", "is", null)
    .orderBy("i.id", "desc")
    .execute();
  return rows.map(toInvitation);
}

/** The invitation a link names, if it may still be accepted. */
export async function openInvitation(store: Store, token: string, now: Date): Promise<Invitation> {
  const row = await selectInvitations(monitoringDb(store))
    .where("i.token_hash", "=", sha256(token))
    .executeTakeFirst();
  if (!row) throw refuse("unknown");
  if (row.used_at !== null) throw refuse("used");
  if (new Date(row.expires_at).getTime() <= now.getTime()) throw refuse("expired");
  return toInvitation(row);
}

/** Spends the invitation: the invitee becomes a user with the invited role, unit and community. */
export async function acceptInvitation(
  store: Store,
  token: string,
  password: string,
  now: Date,
): Promise<User> {
  const passwordHash = await hashPassword(password);
  return monitoringDb(store)
    .transaction()
    .execute(async (trx) => {
      const found = await trx
        .selectFrom("invitations")
        .selectAll()
        .where("token_hash", "=", sha256(token))
        .forUpdate()
        .executeTakeFirst();
      if (!found) throw refuse("unknown");
      if (found.used_at !== null) throw refuse("used");
      if (new Date(found.expires_at).getTime() <= now.getTime()) throw refuse("expired");
      const login = loginOf(found.email);
      const clash = await trx.selectFrom("users").select("id").where("login", "=", login).executeTakeFirst();
      if (clash) throw refuse("taken");
      const row = await trx
        .insertInto("users")
        .values({
          login,
          password_hash: passwordHash,
          display_name: found.display_name,
          email: found.email,
          role: found.role as Role,
          org_unit_id: found.org_unit_id,
          katottg: found.katottg,
        })
        .returning(USER_COLUMNS)
        .executeTakeFirstOrThrow();
      const user = toUser(row);
      await trx
        .updateTable("invitations")
        .set({ used_at: now.toISOString(), user_id: user.id })
        .where("id", "=", found.id)
        .execute();
      await writeAudit(
        trx,
        { userId: user.id },
        {
          action: "accept-invitation",
          entity: "user",
          entityId: user.id,
          before: { invitation: found.id },
          after: user,
        },
      );
      return user;
    });
}
