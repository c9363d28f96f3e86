import type { AddressInfo } from "node:net";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendDueReminders } from "../../src/store/reminders.js";
import { CULTURE, DIGITAL, romnyScene, type Scene, unitProjects } from "./year.js";

interface Received {
  to: string[];
  data: string;
}

/** A local SMTP server on 127.0.0.1 that keeps every message it receives. */
async function smtpServer(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        received.push({ to, data: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The decoded subject of a raw message (nodemailer encodes non-ASCII subjects). */
function subjectOf(raw: string): string {
  const header = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1] ?? "";
  return header
    .replace(/\r\n[ \t]/g, " ")
    .replace(/=\?utf-8\?(B|Q)\?([^?]*)\?=\s*/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text
              .replace(/_/g, " ")
              .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) =>
                String.fromCharCode(Number.parseInt(hex, 16)),
              ),
            "latin1",
          ).toString("utf8"),
    )
    .trim();
}

/** The body of a raw message: base64 decoded, or quoted-printable with its soft breaks and "=3D" undone. */
function bodyOf(raw: string): string {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body, "base64").toString("utf8");
  return body.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
}

describe("reminders to executors who have not reported", () => {
  let scene: Scene;
  let smtp: Awaited<ReturnType<typeof smtpServer>>;
  let mailer: ReturnType<typeof nodemailer.createTransport>;

  beforeAll(async () => {
    scene = await romnyScene();
    smtp = await smtpServer();
    mailer = nodemailer.createTransport(smtp.url, { ignoreTLS: true } as never);
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await scene.dispose();
  });

  it("sends nothing before the reminder window opens", async () => {
    expect(await sendDueReminders(scene.store, mailer, "2026-06-29", { from: "infoprog@test" })).toEqual([]);
    expect(smtp.received).toEqual([]);
  });

  it("emails each unit five days before the due date, once; a second run sends nothing new", async () => {
    const sent = await sendDueReminders(scene.store, mailer, "2026-06-30", { from: "infoprog@test" });
    const emails = sent.filter((each) => each.channel === "email");
    expect(emails.map((each) => [each.to, each.periodKey, each.kind]).sort()).toEqual(
      [
        ["digital@example.org", "2026-H1", "before"],
        ["culture@example.org", "2026-H1", "before"],
      ].sort(),
    );
    expect(smtp.received.map((message) => message.to)).toEqual(
      expect.arrayContaining([["digital@example.org"], ["culture@example.org"]]),
    );
    expect(smtp.received).toHaveLength(2);
    const digitalMail = smtp.received.find((message) => message.to[0] === "digital@example.org");
    expect(subjectOf(digitalMail?.data ?? "")).toBe(
      "Нагадування: звіт за період 2026-H1 потрібно подати до 05.07.2026",
    );
    expect(bodyOf(digitalMail?.data ?? "")).toContain(`/reports/${scene.programmeId}?period=2026-H1`);

    expect(await sendDueReminders(scene.store, mailer, "2026-06-30", { from: "infoprog@test" })).toEqual([]);
    expect(await sendDueReminders(scene.store, mailer, "2026-07-03", { from: "infoprog@test" })).toEqual([]);
    expect(smtp.received).toHaveLength(2);
  });

  it("after the due date reminds only the unit that still has not reported, once", async () => {
    scene.setNow("2026-07-04T10:00:00Z");
    for (const item of unitProjects(scene, DIGITAL, CULTURE, 2026)) {
      const created = await scene.executor1.inject({
        method: "POST",
        url: `/api/programmes/${scene.programmeId}/reports`,
        payload: { itemId: item.id, periodKey: "2026-H1", status: "in-progress", actual: [] },
      });
      await scene.executor1.inject({
        method: "POST",
        url: `/api/programmes/${scene.programmeId}/reports/${created.json().id}/submit`,
      });
    }
    const sent = await sendDueReminders(scene.store, mailer, "2026-07-06", { from: "infoprog@test" });
    expect(
      sent.filter((each) => each.channel === "email").map((each) => [each.to, each.periodKey, each.kind]),
    ).toEqual([["culture@example.org", "2026-H1", "after"]]);
    expect(smtp.received).toHaveLength(3);
    expect(subjectOf(smtp.received[2]?.data ?? "")).toContain("Прострочено");
    expect(await sendDueReminders(scene.store, mailer, "2026-07-07", { from: "infoprog@test" })).toEqual([]);
    expect(smtp.received).toHaveLength(3);
  });

  it("lists the in-app reminders of the signed-in executor", async () => {
    const mine = (await scene.executor2.inject("/api/me/reminders")).json();
    expect(mine.map((each: { periodKey: string; kind: string }) => [each.periodKey, each.kind])).toEqual([
      ["2026-H1", "after"],
      ["2026-H1", "before"],
    ]);
    const digital = (await scene.executor1.inject("/api/me/reminders")).json();
    expect(digital.map((each: { kind: string }) => each.kind)).toEqual(["before"]);
    expect((await scene.app.inject("/api/me/reminders")).statusCode).toBe(401);
  });
});
