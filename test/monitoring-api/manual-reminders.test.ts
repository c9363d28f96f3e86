import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/index.js";
import { itemUnitsOf } from "../../src/store/monitoring.js";
import { type Mailer, type MailMessage, ReminderRefused, remindUnit } from "../../src/store/reminders.js";
import { ensureOrgUnit } from "../../src/store/users.js";
import { userClient } from "./support.js";
import { CULTURE, DIGITAL, romnyScene, type Scene, unitProjects } from "./year.js";

/** Keeps what it is asked to send; refuses every address in `failing`. */
function memoryMailer(failing: Set<string>): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    async sendMail(message: MailMessage) {
      if (failing.has(message.to)) throw new Error("mailbox unavailable");
      sent.push(message);
    },
  };
}

describe("the head reminds a unit of its missing reports (issue 15, the reporting page's reminder button)", () => {
  let scene: Scene;
  const failing = new Set<string>();
  const mailer = memoryMailer(failing);
  const remind = (client: Scene["head"], orgUnitId: number, periodKey = "2026-H1") =>
    client.inject({
      method: "POST",
      url: `/api/programmes/${scene.programmeId}/periods/${periodKey}/reminders`,
      payload: { orgUnitId },
    });

  beforeAll(async () => {
    scene = await romnyScene({ mailer });
    scene.setNow("2026-07-06T08:00:00Z");
  });
  afterAll(async () => {
    await scene.dispose();
  });

  it("reminds the unit's executors in the app and by e-mail, with the period's missing projects and the form's link", async () => {
    const response = await remind(scene.head, scene.culture.id);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ orgUnitId: scene.culture.id, recipients: 1, emails: 1 });
    expect(mailer.sent.map((message) => message.to)).toEqual(["culture@example.org"]);
    const [message] = mailer.sent;
    expect(message?.subject).toBe(
      "Керівник програми нагадує: звіт за період 2026-H1 мав бути поданий до 05.07.2026",
    );
    const missing = unitProjects(scene, CULTURE, DIGITAL, 2026);
    expect(missing.length).toBeGreaterThan(0);
    for (const item of missing) expect(message?.text).toContain(`- ${item.number} ${item.title}`);
    expect(message?.text).toContain(`/reports/${scene.programmeId}?period=2026-H1`);
    const mine = (await scene.executor2.inject("/api/me/reminders")).json();
    expect(mine.map((each: { periodKey: string; kind: string }) => [each.periodKey, each.kind])).toEqual([
      ["2026-H1", "manual"],
    ]);
  });

  it("refuses a second reminder to the same unit within a day, and sends it the next day", async () => {
    const again = await remind(scene.head, scene.culture.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatch(/вже нагадано/);
    expect(mailer.sent).toHaveLength(1);
    scene.setNow("2026-07-07T08:30:00Z");
    expect((await remind(scene.head, scene.culture.id)).statusCode).toBe(201);
    expect(mailer.sent).toHaveLength(2);
  });

  it("lists each unit's latest reminder for the period", async () => {
    const response = await scene.head.inject(
      `/api/programmes/${scene.programmeId}/periods/2026-H1/reminders`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      { orgUnitId: scene.culture.id, sentAt: "2026-07-07T08:30:00.000Z", manual: true },
    ]);
    const controller = await scene.controller.inject(
      `/api/programmes/${scene.programmeId}/periods/2026-H1/reminders`,
    );
    expect(controller.statusCode).toBe(200);
  });

  it("a failed e-mail is not counted, and the in-app reminder stands", async () => {
    failing.add("digital@example.org");
    const response = await remind(scene.head, scene.digital.id);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ recipients: 1, emails: 0 });
    failing.clear();
  });

  it("says so when the unit has nothing missing for the period", async () => {
    scene.setNow("2026-07-09T09:00:00Z");
    for (const item of unitProjects(scene, CULTURE, DIGITAL, 2026)) {
      const created = await scene.executor2.inject({
        method: "POST",
        url: `/api/programmes/${scene.programmeId}/reports`,
        payload: { itemId: item.id, periodKey: "2026-H1", status: "in-progress", actual: [] },
      });
      const submitted = await scene.executor2.inject({
        method: "POST",
        url: `/api/programmes/${scene.programmeId}/reports/${created.json().id}/submit`,
      });
      expect(submitted.statusCode).toBe(200);
    }
    const response = await remind(scene.head, scene.culture.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatch(/подав усі звіти/);
  });

  it("refuses executors, the council commission, another community's head and a unit of another community", async () => {
    expect((await remind(scene.executor1, scene.digital.id)).statusCode).toBe(403);
    expect((await remind(scene.controller, scene.digital.id)).statusCode).toBe(403);
    const elsewhere = "UA68040390010084208";
    const otherHead = await userClient(scene.app, scene.store, "other-head", "head", { katottg: elsewhere });
    expect((await remind(otherHead, scene.digital.id)).statusCode).toBe(404);
    const foreignUnit = await ensureOrgUnit(scene.store, elsewhere, "Відділ освіти");
    scene.setNow("2026-07-20T09:00:00Z");
    const foreign = await remind(scene.head, foreignUnit.id);
    expect(foreign.statusCode).toBe(404);
    expect((await remind(scene.head, scene.digital.id, "2031-H1")).statusCode).toBe(404);
    expect((await remind(scene.head, scene.digital.id, "first-half")).statusCode).toBe(400);
    // An id beyond PostgreSQL's integer is no unit: refused before any query.
    expect((await remind(scene.head, 3_000_000_000)).statusCode).toBe(400);
  });
});

/**
 * The store with `before` run once just before the first transaction it opens: what another request
 * commits between the reads a function makes outside its transaction and the transaction itself.
 */
function committingBeforeTransaction(store: Store, before: () => Promise<void>): Store & { ran: number } {
  const db = store.kysely();
  let ran = 0;
  const racing = new Proxy(db, {
    get(target, key) {
      if (key === "transaction")
        return () => {
          const builder = target.transaction();
          return {
            execute: async (body: Parameters<typeof builder.execute>[0]) => {
              if (ran++ === 0) await before();
              return builder.execute(body);
            },
          };
        };
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  }) as Kysely<unknown> as typeof db;
  return new Proxy(store, {
    get(target, key) {
      if (key === "kysely") return () => racing;
      if (key === "ran") return ran;
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  }) as Store & { ran: number };
}

describe("a manual reminder reads the missing reports inside its transaction", () => {
  let scene: Scene;
  beforeAll(async () => {
    scene = await romnyScene();
    scene.setNow("2026-07-06T08:00:00Z");
  });
  afterAll(async () => {
    await scene.dispose();
  });

  it("does not remind of a report submitted after the head's request began but before its transaction", async () => {
    const stored = await scene.store.getProgramme(scene.programmeId);
    if (!stored) throw new Error("no programme");
    // The unit's projects linked beforehand, so that the reminder's only transaction is its own.
    await itemUnitsOf(scene.store, scene.programmeId, stored.programme, scene.katottg);
    const projects = unitProjects(scene, CULTURE, DIGITAL, 2026);
    expect(projects.length).toBeGreaterThan(0);
    const ids: string[] = [];
    for (const item of projects) {
      const created = await scene.executor2.inject({
        method: "POST",
        url: `/api/programmes/${scene.programmeId}/reports`,
        payload: { itemId: item.id, periodKey: "2026-H1", status: "in-progress", actual: [] },
      });
      expect(created.statusCode).toBe(201);
      ids.push(created.json().id);
    }
    const submit = async (id: string) => {
      const submitted = await scene.executor2.inject({
        method: "POST",
        url: `/api/programmes/${scene.programmeId}/reports/${id}/submit`,
      });
      expect(submitted.statusCode).toBe(200);
    };
    const last = ids.pop() ?? "";
    for (const id of ids) await submit(id);
    const racing = committingBeforeTransaction(scene.store, () => submit(last));
    const reminded = remindUnit(racing, {
      programmeId: scene.programmeId,
      katottg: scene.katottg,
      programme: stored.programme,
      periodKey: "2026-H1",
      orgUnitId: scene.culture.id,
      actor: null,
      now: new Date("2026-07-06T08:00:00Z"),
    });
    await expect(reminded).rejects.toBeInstanceOf(ReminderRefused);
    await expect(reminded).rejects.toMatchObject({ reason: "nothing-missing" });
    expect(racing.ran).toBe(1);
  });
});
