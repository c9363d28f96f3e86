/** Signing in over HTTP in tests: the session cookie and the CSRF header for unsafe methods. */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { Role } from "../../src/domain/roles.js";
import type { Store } from "../../src/store/index.js";
import { createUser, type User } from "../../src/store/users.js";

export const TEST_PASSWORD = "test-password-1";

export interface Client {
  user: User;
  headers: Record<string, string>;
  inject(options: InjectOptions | string): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, login: string, password = TEST_PASSWORD): Promise<Client> {
  const response = await app.inject({ method: "POST", url: "/api/auth/login", payload: { login, password } });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${login} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((each) => each.name === "infoprog_session");
  if (!cookie) throw new Error("no session cookie");
  const { user, csrfToken } = response.json();
  const headers = { cookie: `infoprog_session=${cookie.value}`, "x-csrf-token": csrfToken };
  return {
    user,
    headers,
    inject: (options) => {
      const base = typeof options === "string" ? { url: options } : options;
      return app.inject({ ...base, headers: { ...headers, ...(base.headers ?? {}) } });
    },
  };
}

/** Creates a user with the test password and signs them in. */
export async function userClient(
  app: FastifyInstance,
  store: Store,
  login: string,
  role: Role,
  extra: { orgUnitId?: number; katottg?: string; email?: string } = {},
): Promise<Client> {
  await createUser(store, { login, password: TEST_PASSWORD, displayName: login, role, ...extra });
  return signIn(app, login);
}
