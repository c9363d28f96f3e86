/**
 * Agreement with the Ministry, end to end in Chromium: a head submits a real programme; a reviewer finds
 * it in the national queue, opens the automatic expertise, writes two remarks (field 7, an indicator) and
 * returns it; the head answers one with a change and one with an explanation and resubmits; the reviewer
 * agrees and the letter downloads; field 4 is filled; the council's decision puts the programme in force;
 * an amendment of money needs a new agreement, a text edit does not.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allItems, type Programme } from "../../src/domain/model.js";
import { importText } from "../../src/import/index.js";
import { createUser } from "../../src/store/users.js";
import { CHROMIUM, type E2eApp, PASSWORD, signInAtStart, startE2eApp } from "./support.js";

const FIXTURE = path.resolve(process.cwd(), "../shared/fixtures/programs/romny-2026-2028.txt");

/** The head's own API session (cookie and CSRF token), for the edits the head makes between steps. */
async function apiSession(base: string, login: string) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const headers = { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };
  return {
    get: async (url: string) => (await fetch(`${base}${url}`, { headers })).json(),
    put: (url: string, body: unknown) =>
      fetch(`${base}${url}`, { method: "PUT", headers, body: JSON.stringify(body) }),
  };
}

describe.skipIf(!existsSync(CHROMIUM))("agreement with the Ministry, end to end", () => {
  let session: E2eApp;
  let head: Page;
  let reviewer: Page;
  let base: string;
  let id = 0;

  beforeAll(async () => {
    session = await startE2eApp({
      seed: async (seeded) => {
        const imported = importText(readFileSync(FIXTURE, "utf8"));
        ({ programmeId: id } = await seeded.saveImport(imported, { name: "romny.txt", sha256: "romny" }));
        const katottg = imported.programme.community.katottg;
        await createUser(seeded, {
          login: "head",
          password: PASSWORD,
          displayName: "Голова",
          role: "head",
          katottg,
        });
        await createUser(seeded, {
          login: "ministry",
          password: PASSWORD,
          displayName: "Мінцифри",
          role: "reviewer",
        });
      },
      app: { loginAttemptsPerMinute: 1000 },
    });
    ({ base } = session);
    head = await session.newPage({ acceptDownloads: true });
    reviewer = await session.newPage({ acceptDownloads: true });
    await signInAtStart(head, base, "head");
    await signInAtStart(reviewer, base, "ministry");
  });

  afterAll(async () => {
    await session?.close();
  });

  const state = (page: Page) => page.getByTestId("agreement-state");
  const click = (page: Page, name: string) => page.getByRole("button", { name, exact: true }).click();

  it("1–2: the head submits; the reviewer finds it in the queue and opens the expertise", async () => {
    await head.goto(`${base}/agreement/${id}`);
    await click(head, "Подати на погодження");
    await expect.poll(() => state(head).textContent()).toBe("Подано на погодження");

    await reviewer.goto(`${base}/agreement`);
    await reviewer.getByRole("table").getByRole("link").first().click();
    await reviewer.getByRole("heading", { name: "Первинна експертиза" }).waitFor();
    await reviewer.getByText("Керівник програми — посада не нижче заступника голови").waitFor();
    await reviewer.getByText("expertise.target-before-money", { exact: true }).waitFor();
  });

  it("3: the reviewer writes two remarks and returns the draft", async () => {
    const remarks: [string, string][] = [
      ["passport:7", "Керівник програми має обіймати посаду не нижче заступника голови"],
      ["indicator:14", "Ціль 2027 року раніше за кошти 2028 року"],
    ];
    for (const [where, text] of remarks) {
      await reviewer.getByLabel("Місце (passport:7, indicator:0, item:d1.1.1…)").fill(where);
      await reviewer.getByLabel("Текст зауваження").fill(text);
      await click(reviewer, "Додати зауваження");
      await reviewer.getByText(text).waitFor();
    }
    await click(reviewer, "Повернути із зауваженнями");
    await expect.poll(() => state(reviewer).textContent()).toBe("Повернуто із зауваженнями");
  });

  it("4: the head answers one remark with a change and one with an explanation, and resubmits", async () => {
    const session = await apiSession(base, "head");
    const { programme } = (await session.get(`/api/programmes/${id}`)) as { programme: Programme };
    const seven = programme.passport.fields.find((field) => field.number === 7);
    if (seven) seven.value = "Заступник міського голови з питань діяльності виконавчих органів ради";
    expect((await session.put(`/api/programmes/${id}`, programme)).status).toBe(200);

    await head.goto(`${base}/agreement/${id}`);
    const answer = head.getByLabel("Відповідь", { exact: true }).first();
    await answer.fill("Керівника змінено на заступника міського голови");
    await head.getByRole("button", { name: "Надіслати відповідь" }).first().click();
    await head.getByText(/Враховано зі зміною: Керівника змінено/).waitFor();
    await head.getByLabel("Як враховано").first().click();
    await head.getByRole("option", { name: "Пояснено" }).click();
    await answer.fill("Центр Дія відкривається у наявному приміщенні у 2027 році");
    await head.getByRole("button", { name: "Надіслати відповідь" }).first().click();
    await head.getByText(/Пояснено: Центр Дія/).waitFor();
    await click(head, "Подати повторно");
    await expect.poll(() => state(head).textContent()).toBe("Подано повторно");
  });

  it("5–6: the reviewer agrees, the letter downloads and field 4 is filled", async () => {
    await reviewer.reload();
    await reviewer.getByLabel("Номер листа").fill("1234/1.2");
    await reviewer.getByLabel("Дата листа").fill("2026-03-12");
    await click(reviewer, "Погодити");
    await expect.poll(() => state(reviewer).textContent()).toBe("Погоджено");
    const [download] = await Promise.all([
      reviewer.waitForEvent("download"),
      reviewer.getByRole("link", { name: "Лист Мінцифри (DOCX)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`letter-${id}.docx`);

    const session = await apiSession(base, "head");
    const { programme } = (await session.get(`/api/programmes/${id}`)) as { programme: Programme };
    expect(programme.passport.fields.find((field) => field.number === 4)?.value).toContain(
      "від 12.03.2026 № 1234/1.2",
    );
  });

  it("7: the head records the council's decision and the programme is in force", async () => {
    await head.goto(`${base}/agreement/${id}`);
    await head.getByLabel("Назва рішення ради").fill("Рішення 45 сесії міської ради");
    await head.getByLabel("Номер рішення").fill("56");
    await head.getByLabel("Дата рішення").fill("2026-04-24");
    await click(head, "Затверджено рішенням ради");
    await expect.poll(() => state(head).textContent()).toBe("Затверджено радою");
    await click(head, "Набрала чинності");
    await expect.poll(() => state(head).textContent()).toBe("Чинна");
  });

  it("8: a text edit needs no new agreement; a project's amount does", async () => {
    const session = await apiSession(base, "head");
    const edit = async (change: (programme: Programme) => void) => {
      await click(head, "Підготувати зміни");
      await expect.poll(() => state(head).textContent()).toBe("Проєкт змін");
      const { programme } = (await session.get(`/api/programmes/${id}`)) as { programme: Programme };
      change(programme);
      expect((await session.put(`/api/programmes/${id}`, programme)).status).toBe(200);
      await head.reload();
      await click(head, "Внести зміни без погодження");
    };
    await edit((programme) => {
      for (const section of programme.sections) section.text += " Уточнено.";
    });
    await expect.poll(() => state(head).textContent()).toBe("Чинна");

    await edit((programme) => {
      const row = allItems(programme)
        .flatMap((item) => item.funding)
        .find((each) => each.total > 0);
      if (!row) throw new Error("no funded project");
      const year = Object.keys(row.byYear).find((each) => (row.byYear[each] ?? 0) > 0) ?? "";
      row.byYear[year] = (row.byYear[year] ?? 0) + 1_000_000;
      row.total += 1_000_000;
    });
    await head
      .getByRole("alert")
      .getByText(/потребують нового погодження/)
      .waitFor();
    expect(await state(head).textContent()).toBe("Проєкт змін");
  });
});
