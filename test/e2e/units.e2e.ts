/**
 * Units, invitations and report files end to end, in Chromium against the built app on PGlite: the head
 * imports a real programme and finds its executors mapped to units on /units, adds a unit and invites an
 * executor; the invitee sets a password on the one-time link, files a report with an attached act and
 * submits it; the head downloads the act. The programme's editing tabs (passport, indicators, texts)
 * and the publish dialog are checked too. Each page: axe-core (no serious or critical WCAG 2.1 AA
 * violation), shots at 1366×768 and 390×844, no horizontal overflow.
 *
 * npx vitest run --config test/e2e/vitest.e2e.config.ts test/e2e/units.e2e.ts
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Item } from "../../src/domain/model.js";
import { importDocument } from "../../src/import/index.js";
import type { Store } from "../../src/store/index.js";
import { itemUnitsOf } from "../../src/store/monitoring.js";
import { listOrgUnits, normalizeName, type OrgUnit } from "../../src/store/users.js";
import {
  CHROMIUM,
  checkPage,
  createHead,
  DIGITAL,
  type E2eApp,
  fundedDigitalProject,
  PASSWORD,
  signIn as signInAs,
  startE2eApp,
} from "./support.js";

const FIXTURE = path.resolve(process.cwd(), "../shared/fixtures/programs/romny-2026-2028.txt");
const NEW_UNIT = "Відділ з питань цифрової безпеки";
const INVITEE = "o.koval@romny.example";
const ACT = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const ACT_NAME = "Акт № 7 від 20.11.2026.pdf";

async function digitalUnit(store: Store, katottg: string): Promise<OrgUnit> {
  const unit = (await listOrgUnits(store, katottg)).find(
    (each) => normalizeName(each.name) === normalizeName(DIGITAL),
  );
  if (!unit) throw new Error("the import made no unit of the digital department");
  return unit;
}

async function signIn(page: Page, login: string, password = PASSWORD): Promise<void> {
  await page.getByRole("heading", { name: "Вхід для працівників" }).waitFor();
  await signInAs(page, login, password);
}

describe.skipIf(!existsSync(CHROMIUM))("units, invitations and report files end to end", () => {
  let session: E2eApp;
  let store: Store;
  let head: Page;
  let invitee: Page;
  let base: string;
  let katottg: string;
  let item: Item;
  let programmeId = "";
  let link = "";

  beforeAll(async () => {
    session = await startE2eApp({
      seed: async (seeded) => {
        store = seeded;
        const read = await importDocument(await readFile(FIXTURE), "romny-2026-2028.txt");
        katottg = read.programme.community.katottg;
        item = fundedDigitalProject(read.programme);
        await createHead(store, katottg);
      },
    });
    ({ base } = session);
    head = await session.newPage({ viewport: { width: 1366, height: 768 } });
    invitee = await session.newPage({ viewport: { width: 1366, height: 768 } });
  });

  afterAll(async () => {
    await session?.close();
  });

  it("an import maps the executors to units, shown on /units", { timeout: 300_000 }, async () => {
    await head.goto(`${base}/import`);
    await signIn(head, "head");
    await head.locator('input[type="file"]').setInputFiles(FIXTURE);
    await head.getByRole("heading", { name: "Попередній перегляд" }).waitFor({ timeout: 60_000 });
    await head.getByRole("button", { name: "Зберегти", exact: true }).click();
    await head.waitForURL(/\/programmes\/\d+$/, { timeout: 60_000 });
    programmeId = /\/programmes\/(\d+)$/.exec(head.url())?.[1] ?? "";

    const digital = await digitalUnit(store, katottg);
    const stored = await store.getProgramme(Number(programmeId));
    if (!stored) throw new Error("the import was not stored");
    const links = await itemUnitsOf(store, stored.summary.id, stored.programme, katottg);
    expect(links.filter((each) => each.itemId === item.id).map((each) => each.orgUnitId)).toContain(
      digital.id,
    );

    await head.getByRole("link", { name: "Підрозділи" }).first().click();
    await head.getByRole("heading", { name: "Структурні підрозділи і користувачі" }).waitFor();
    const row = head
      .getByTestId("units-table")
      .getByRole("row")
      .filter({ has: head.getByLabel(`Нова назва: ${digital.name}`) });
    const projects = Number((await row.locator("td.num").first().textContent()) ?? "0");
    expect(projects).toBe(links.filter((each) => each.orgUnitId === digital.id).length);
    expect(projects).toBeGreaterThan(0);
  });

  it("the head adds a unit and invites an executor; the link is shown to copy", {
    timeout: 300_000,
  }, async () => {
    await head.getByLabel("Назва нового підрозділу").fill(NEW_UNIT);
    await head.getByRole("button", { name: "Додати підрозділ" }).click();
    await head.getByLabel(`Нова назва: ${NEW_UNIT}`).waitFor();
    // Placed under the digital department, it shows one level down with its kind guessed from the name.
    const digital = await digitalUnit(store, katottg);
    const row = head
      .getByTestId("units-table")
      .getByRole("row")
      .filter({ has: head.getByLabel(`Нова назва: ${NEW_UNIT}`) });
    await row.getByLabel(`Вищий підрозділ: ${NEW_UNIT}`).selectOption(String(digital.id));
    await row.getByRole("button", { name: "Зберегти" }).click();
    await head
      .locator('tr[data-depth="1"]')
      .filter({ has: head.getByLabel(`Нова назва: ${NEW_UNIT}`) })
      .waitFor();
    await row.getByText("Відділ, управління", { exact: true }).first().waitFor();
    const placed = (await listOrgUnits(store, katottg)).find((unit) => unit.name === NEW_UNIT);
    expect(placed).toMatchObject({ kind: "department", parentId: digital.id });

    const form = head.locator("form[aria-labelledby=invite-heading]");
    await form.getByLabel("Адреса e-mail (вона ж логін)").fill(INVITEE);
    await form.getByLabel("Ім’я").fill("Олена Коваль");
    await form.getByLabel("Роль").selectOption("executor");
    await form.getByLabel("Підрозділ").selectOption(String(digital.id));
    await form.getByRole("button", { name: "Створити запрошення" }).click();
    const shown = head.getByTestId("invitation-link");
    await shown.waitFor();
    link = await shown.getByRole("textbox").inputValue();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    await head.getByTestId("invitations-table").getByText(INVITEE).waitFor();
    await checkPage(head, "units");
  });

  it("the invitee sets a password on the link, once", { timeout: 300_000 }, async () => {
    const path = new URL(link).pathname;
    await invitee.goto(`${base}${path}`);
    await invitee.getByRole("heading", { name: "Запрошення до infoprog" }).waitFor();
    await invitee.getByText((await digitalUnit(store, katottg)).name).waitFor();
    await checkPage(invitee, "invite");
    await invitee.getByLabel("Новий пароль (щонайменше 8 символів)").fill(PASSWORD);
    await invitee.getByLabel("Повторіть пароль").fill(PASSWORD);
    await invitee.getByRole("button", { name: "Задати пароль" }).click();
    await invitee.getByText(`Пароль задано. Увійдіть з логіном ${INVITEE}.`).waitFor();

    await invitee.goto(`${base}${path}`);
    await invitee.getByText("Запрошення вже використано: увійдіть зі своїм паролем").waitFor();
    expect(await invitee.getByLabel("Повторіть пароль").count()).toBe(0);
  });

  it("the invitee, an executor now, files a report with an attached act and submits it", {
    timeout: 300_000,
  }, async () => {
    await invitee.goto(`${base}/reports/${programmeId}?period=2026-H2`);
    await signIn(invitee, INVITEE);
    await invitee.getByRole("heading", { name: "Звіт виконавця" }).waitFor();
    const card = invitee.locator(`section[aria-labelledby="report-${item.id}"]`);
    await card.waitFor();
    await card.getByLabel("Стан виконання").selectOption("done");
    await card.getByLabel("Що зроблено (коментар)").fill("Закуплено обладнання, акт додано");
    await card
      .getByLabel("Додати файл: PDF, DOCX, ODT, JPEG або PNG")
      .setInputFiles({ name: ACT_NAME, mimeType: "application/pdf", buffer: ACT });
    await card.getByText(`Файл «${ACT_NAME}» додано.`).waitFor();
    await card.getByTestId("report-files").getByRole("link", { name: ACT_NAME }).waitFor();
    await card.getByText("чернетка", { exact: true }).waitFor();
    await checkPage(invitee, "report-form-with-file");

    await card.getByRole("button", { name: "Подати звіт" }).click();
    await invitee.getByRole("dialog").getByRole("button", { name: "Так" }).click();
    await card.getByTestId("submitted-report").waitFor();
    await card.getByTestId("submitted-report").getByRole("link", { name: ACT_NAME }).waitFor();
    expect(await card.getByLabel("Додати файл: PDF, DOCX, ODT, JPEG або PNG").count()).toBe(0);
    await checkPage(invitee, "report-submitted-with-file");
  });

  it("the head opens the report and downloads the act as it was sent", { timeout: 300_000 }, async () => {
    await head.goto(`${base}/monitoring/${programmeId}`);
    await head.getByLabel("Звітний період").last().selectOption("2026-H2");
    const row = head
      .getByTestId("executor-reports")
      .getByRole("row")
      .filter({ hasText: item.title.slice(0, 40) });
    await row.getByText("подано").waitFor();
    await checkPage(head, "head-reporting");
    await row.getByRole("button", { name: "Переглянути" }).click();
    const dialog = head.getByRole("dialog");
    const act = dialog.getByRole("link", { name: ACT_NAME });
    await act.waitFor();
    await checkPage(head, "head-report-view", "[role=dialog]");
    const href = await act.getAttribute("href");
    const file = await head.request.get(`${base}${href}`);
    expect(file.status()).toBe(200);
    expect(Buffer.from(await file.body()).equals(ACT)).toBe(true);
    expect(file.headers()["content-type"]).toBe("application/pdf");
    expect(file.headers()["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent(ACT_NAME)}`,
    );
    await head.keyboard.press("Escape");
  });

  it("the programme's editing tabs and the publish dialog pass axe at both sizes", {
    timeout: 300_000,
  }, async () => {
    await head.goto(`${base}/programmes/${programmeId}`);
    await head.getByRole("button", { name: "Редагувати" }).click();
    for (const [tab, name] of [
      ["Паспорт", "edit-passport"],
      ["Показники", "edit-indicators"],
      ["Текст програми", "edit-texts"],
    ] as const) {
      await head.getByRole("tab", { name: tab }).click();
      await head.getByRole("tabpanel").first().waitFor();
      await checkPage(head, name);
    }
    await head.goto(`${base}/programmes/${programmeId}`);
    await head.getByLabel("Статус програми").selectOption("published");
    const dialog = head.getByRole("dialog");
    await dialog.getByRole("heading", { name: "Оприлюднити програму з помилками?" }).waitFor();
    await checkPage(head, "publish-dialog", "[role=dialog]");
    await dialog.getByRole("button", { name: "Скасувати" }).click();
  });
});
