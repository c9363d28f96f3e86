/**
 * `infoprog import --server URL`: the document goes through the running server's API instead of
 * the data folder the server holds. The CLI signs in as a user (the password comes from
 * INFOPROG_PASSWORD, never from the command line) and posts the bytes with the session cookie, the
 * CSRF token and an Idempotency-Key, so the server checks, scopes and audits the import as any other.
 */
import { randomUUID } from "node:crypto";
import { config } from "../config.js";
import type { MoneyUnit } from "../domain/money.js";
import type { SavedVersion } from "../store/index.js";

export class RemoteError extends Error {}

export interface RemoteOptions {
  server: string;
  login?: string;
}

export interface RemoteSession {
  server: string;
  headers: Record<string, string>;
}

async function errorText(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === "string") return body.error;
  } catch {
    // not JSON
  }
  return response.statusText;
}

function serverUrl(server: string): string {
  try {
    return new URL(server).origin;
  } catch {
    throw new RemoteError(`--server: «${server}» не є адресою (наприклад, http://127.0.0.1:3000)`);
  }
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new RemoteError(`сервер ${new URL(url).origin} недоступний (${cause})`);
  }
}

export async function signIn(options: RemoteOptions): Promise<RemoteSession> {
  const server = serverUrl(options.server);
  const login = options.login ?? config().cli.login;
  const { password } = config().cli;
  if (!login || !password) {
    throw new RemoteError(
      "щоб імпортувати через сервер, вкажіть користувача: --login ІМ'Я (або INFOPROG_LOGIN) і пароль у змінній INFOPROG_PASSWORD",
    );
  }
  const response = await send(`${server}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password }),
  });
  if (!response.ok) throw new RemoteError(`сервер не впустив ${login}: ${await errorText(response)}`);
  const { csrfToken } = (await response.json()) as { csrfToken?: string };
  const cookie = response.headers
    .getSetCookie()
    .map((each) => each.split(";")[0])
    .join("; ");
  return { server, headers: { cookie, "x-csrf-token": csrfToken ?? "" } };
}

/** Stores the document through `POST /api/import`; the server reads it again and decides. */
export async function importThroughServer(
  session: RemoteSession,
  bytes: Uint8Array,
  name: string,
  options: { unit?: MoneyUnit | undefined; saveIdentical?: boolean } = {},
): Promise<SavedVersion> {
  const query =
    `name=${encodeURIComponent(name)}` +
    (options.unit ? `&unit=${options.unit}` : "") +
    (options.saveIdentical ? "&saveIdentical=1" : "");
  const response = await send(`${session.server}/api/import?${query}`, {
    method: "POST",
    headers: {
      ...session.headers,
      "content-type": "application/octet-stream",
      "idempotency-key": `cli-${randomUUID()}`,
    },
    body: Buffer.from(bytes),
  });
  if (!response.ok) {
    throw new RemoteError(`сервер відмовив (${response.status}): ${await errorText(response)}`);
  }
  const { programmeId, version, created, identicalTo } = (await response.json()) as SavedVersion;
  return { programmeId, version, created, ...(identicalTo === undefined ? {} : { identicalTo }) };
}
