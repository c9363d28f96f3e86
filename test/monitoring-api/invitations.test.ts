/**
 * Invitations over HTTP: the head invites by e-mail with a role and a unit and gets a one-time link
 * (its token stored only as a hash); the invitee sets a password and signs in with the e-mail. An
 * expired or used link is refused, and nobody invites into another community or to its units.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monitoringDb } from "../../src/store/audit.js";
import { sha256 } from "../../src/store/index.js";
import { ensureOrgUnit } from "../../src/store/users.js";
import { type Client, signIn, userClient } from "./support.js";
import { romnyScene, type Scene } from "./year.js";

const ELSEWHERE = "UA99000000000000002";

describe("invitations", () => {
  let scene: Scene;
  let otherHead: Client;

  async function invite(client: Client, body: Record<string, unknown>) {
    return client.inject({ method: "POST", url: "/api/invitations", payload: body });
  }
  const tokenOf = (link: string) => link.split("/invite/")[1] ?? "";

  beforeAll(async () => {
    scene = await romnyScene();
    otherHead = await userClient(scene.app, scene.store, "head-elsewhere", "head", { katottg: ELSEWHERE });
  });
  afterAll(() => scene.dispose());

  it("creates a one-time link; the invitee sets a password and signs in with the e-mail", async () => {
    const created = await invite(scene.head, {
      email: "Olena.Koval@romny.example",
      displayName: "Олена Коваль",
      role: "executor",
      orgUnitId: scene.digital.id,
    });
    expect(created.statusCode).toBe(201);
    const { link, id } = created.json() as { link: string; id: number };
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:3000\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link);
    const row = await monitoringDb(scene.store)
      .selectFrom("invitations")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const shown = await scene.app.inject({ method: "GET", url: `/api/invitations/${token}` });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      role: "executor",
      unitName: scene.digital.name,
      katottg: scene.katottg,
    });
    const pending = await scene.head.inject({ method: "GET", url: "/api/invitations" });
    expect(pending.json().map((each: { id: number }) => each.id)).toContain(id);

    const accepted = await scene.app.inject({
      method: "POST",
      url: `/api/invitations/${token}/accept`,
      payload: { password: "invitee-password-1" },
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toEqual({ login: "olena.koval@romny.example" });
    const invitee = await signIn(scene.app, "olena.koval@romny.example", "invitee-password-1");
    expect(invitee.user).toMatchObject({
      role: "executor",
      orgUnitId: scene.digital.id,
      katottg: scene.katottg,
      displayName: "Олена Коваль",
    });
    const after = await scene.head.inject({ method: "GET", url: "/api/invitations" });
    expect(after.json().map((each: { id: number }) => each.id)).not.toContain(id);

    const reused = await scene.app.inject({
      method: "POST",
      url: `/api/invitations/${token}/accept`,
      payload: { password: "another-password-2" },
    });
    expect(reused.statusCode).toBe(410);
    expect(reused.json().error).toMatch(/вже використано/);
    expect((await scene.app.inject({ method: "GET", url: `/api/invitations/${token}` })).statusCode).toBe(
      410,
    );
    await expect(signIn(scene.app, "olena.koval@romny.example", "another-password-2")).rejects.toThrow();
  });

  it("refuses an expired link and creates no user", async () => {
    const created = await invite(scene.head, {
      email: "late@romny.example",
      displayName: "Пізній",
      role: "controller",
    });
    const { link, id } = created.json() as { link: string; id: number };
    await monitoringDb(scene.store)
      .updateTable("invitations")
      .set({ expires_at: new Date(Date.now() - 60_000).toISOString() })
      .where("id", "=", id)
      .execute();
    const token = tokenOf(link);
    expect((await scene.app.inject({ method: "GET", url: `/api/invitations/${token}` })).statusCode).toBe(
      410,
    );
    const accepted = await scene.app.inject({
      method: "POST",
      url: `/api/invitations/${token}/accept`,
      payload: { password: "late-password-1" },
    });
    expect(accepted.statusCode).toBe(410);
    expect(accepted.json().error).toMatch(/Строк дії запрошення минув/);
    const users = await monitoringDb(scene.store)
      .selectFrom("users")
      .select("id")
      .where("login", "=", "late@romny.example")
      .execute();
    expect(users).toEqual([]);
  });

  it("keeps every invitation inside the inviter's community and its units", async () => {
    const foreignUnit = await ensureOrgUnit(scene.store, ELSEWHERE, "Відділ освіти");
    const intoRomny = await invite(otherHead, {
      email: "x@example.org",
      displayName: "X",
      role: "controller",
      katottg: scene.katottg,
    });
    expect(intoRomny.statusCode).toBe(403);
    const foreign = await invite(scene.head, {
      email: "y@example.org",
      displayName: "Y",
      role: "executor",
      orgUnitId: foreignUnit.id,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error).toMatch(/не належить громаді/);
    const unitless = await invite(scene.head, { email: "z@example.org", displayName: "Z", role: "executor" });
    expect(unitless.statusCode).toBe(400);
    const admin = await invite(scene.head, { email: "a@example.org", displayName: "A", role: "admin" });
    expect(admin.statusCode).toBe(400);
    expect(
      (await invite(scene.executor1, { email: "e@example.org", displayName: "E", role: "controller" }))
        .statusCode,
    ).toBe(403);
    const anonymous = await scene.app.inject({
      method: "POST",
      url: "/api/invitations",
      payload: { email: "n@example.org", displayName: "N", role: "controller" },
    });
    expect(anonymous.statusCode).toBe(401);
    const listed = await otherHead.inject({ method: "GET", url: "/api/invitations" });
    expect(listed.json()).toEqual([]);
  });

  it("answers 404 for an unknown link and 400 for a malformed one", async () => {
    const unknown = "A".repeat(43);
    expect((await scene.app.inject({ method: "GET", url: `/api/invitations/${unknown}` })).statusCode).toBe(
      404,
    );
    const accept = await scene.app.inject({
      method: "POST",
      url: `/api/invitations/${unknown}/accept`,
      payload: { password: "whatever-password" },
    });
    expect(accept.statusCode).toBe(404);
    expect((await scene.app.inject({ method: "GET", url: "/api/invitations/short" })).statusCode).toBe(400);
  });
});
