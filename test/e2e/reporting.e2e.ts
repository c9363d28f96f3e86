/**
 * Reporting end to end, in Chromium against the built app on PGlite: an executor follows the e-mailed
 * link to the report form, files a report with a supporting document and submits it; the head returns
 * it with a remark, the executor resubmits, the head submits the annual reports and downloads the DOCX;
 * publishing with errors is refused until the head writes a reason, which the public page then shows.
 * Each new page passes axe-core (WCAG 2.1 AA: no serious or critical violation), is shot at 1366×768
 * and 390×844, and has no horizontal overflow.
 *
 * npx vitest run --config test/e2e/vitest.e2e.config.ts test/e2e/reporting.e2e.ts
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Item } from "../../src/domain/model.js";
import { importDocument } from "../../src/import/index.js";
import type { Store } from "../../src/store/index.js";
import { listReports } from "../../src/store/monitoring.js";
import { createUser, ensureOrgUnit } from "../../src/store/users.js";
import {
  ARTIFACTS,
  CHROMIUM,
  createHead,
  DIGITAL,
  type E2eApp,
  fundedDigitalProject,
  PASSWORD,
  seriousViolations,
  signIn as signInAs,
  startE2eApp,
} from "./support.js";

const ROOT = process.cwd();
const FIXTURE = path.resolve(ROOT, "../shared/fixtures/programs/romny-2026-2028.txt");

/** Shots at 1366×768 and 390×844 (full page), and the page never scrolls sideways at either width. */
async function shootBothSizes(page: Page, name: string): Promise<void> {
  for (const [width, height, suffix] of [
    [1366, 768, "desktop"],
    [390, 844, "phone"],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${ARTIFACTS}/e2e-${name}-${suffix}.png`, fullPage: true });
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll<HTMLElement>("body *")].filter(
        (element) => element.getBoundingClientRect().right > width + 1 && element.children.length === 0,
      );
      return {
        by: document.documentElement.scrollWidth - width,
        elements: wide
          .slice(0, 5)
          .map((element) => `${element.tagName}.${element.className} ${element.textContent?.slice(0, 40)}`),
      };
    });
    expect(
      overflow.by,
      `${name} at ${width} px scrolls sideways: ${overflow.elements.join(" | ")}`,
    ).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

async function signIn(page: Page, login: string): Promise<void> {
  await signInAs(page, login, PASSWORD);
}

describe.skipIf(!existsSync(CHROMIUM))("reporting end to end", () => {
  let session: E2eApp;
  let store: Store;
  let browser: Browser;
  let executor: Page;
  let head: Page;
  let base: string;
  let programmeId: number;
  let item: Item;
  let katottg: string;
  let period: { from: number; to: number };

  beforeAll(async () => {
    session = await startE2eApp({
      seed: async (seeded) => {
        store = seeded;
        const result = await importDocument(await readFile(FIXTURE), "romny-2026-2028.txt");
        ({ programmeId } = await store.saveImport(result, { name: "romny-2026-2028.txt", sha256: "romny" }));
        katottg = result.programme.community.katottg;
        period = result.programme.period;
        const digital = await ensureOrgUnit(store, katottg, DIGITAL);
        item = fundedDigitalProject(result.programme);
        await createHead(store, katottg);
        await createUser(store, {
          login: "executor",
          password: PASSWORD,
          displayName: "Виконавець",
          role: "executor",
          katottg,
          orgUnitId: digital.id,
        });
      },
    });
    ({ browser, base } = session);
    executor = await session.newPage({ viewport: { width: 1366, height: 768 } });
    head = await session.newPage({ viewport: { width: 1366, height: 768 } });
  });

  afterAll(async () => {
    await session?.close();
  });

  const card = (page: Page) => page.locator(`section[aria-labelledby="report-${item.id}"]`);

  it("an executor follows the e-mailed link, files a report with a document and submits it", {
    timeout: 400_000,
  }, async () => {
    await executor.goto(`${base}/reports/${programmeId}?period=2026-H2`);
    await executor.getByRole("heading", { name: "Вхід для працівників" }).waitFor();
    await signIn(executor, "executor");
    await executor.getByRole("heading", { name: "Звіт виконавця" }).waitFor();
    await executor.getByTestId("report-deadline").getByText("до 05.01.2027").waitFor();
    const form = card(executor);
    await form.waitFor();
    expect(await seriousViolations(executor)).toEqual([]);
    await shootBothSizes(executor, "report-form");

    await form.getByLabel("Стан виконання").selectOption("done");
    await form.getByLabel("Виконано, %").fill("100");
    const amount = form.getByLabel(/^Сума, тис\. грн/).first();
    await amount.fill("12 тисяч");
    await form.getByRole("button", { name: "Зберегти чернетку" }).click();
    await form.getByText("Це не число. Приклад: 1 774,5").waitFor();
    await amount.fill("1 234,5");
    await form.getByLabel("Що зроблено (коментар)").fill("Закуплено й налаштовано обладнання");
    await form.getByRole("button", { name: "Додати документ" }).click();
    await form.getByLabel("Номер, назва або посилання").fill("Договір № 15 від 01.08.2026");
    await form.getByLabel("Адреса (URL), необов’язково").fill("https://example.org/contract-15.pdf");
    await form.getByRole("button", { name: "Зберегти чернетку" }).click();
    await form.getByText("Чернетку збережено.").waitFor();
    await form.getByText("чернетка", { exact: true }).waitFor();

    await form.getByRole("button", { name: "Подати звіт" }).click();
    const dialog = executor.getByRole("dialog");
    await dialog.getByText("Після подання звіт не можна змінити").waitFor();
    await dialog.getByRole("button", { name: "Так" }).click();
    await form.getByTestId("submitted-report").waitFor();
    await form.getByText(/^1\s234,5 тис\. грн$/).waitFor();
    await form.getByRole("link", { name: "Договір № 15 від 01.08.2026" }).waitFor();
    expect(await form.getByRole("button", { name: "Зберегти чернетку" }).count()).toBe(0);
    expect(await seriousViolations(executor)).toEqual([]);
    await shootBothSizes(executor, "report-submitted");

    const [stored] = await listReports(store, programmeId, { periodKey: "2026-H2" });
    expect(stored).toMatchObject({
      itemId: item.id,
      status: "done",
      progressPercent: 100,
      text: "Закуплено й налаштовано обладнання",
      attachments: [
        { kind: "file", ref: "Договір № 15 від 01.08.2026", url: "https://example.org/contract-15.pdf" },
      ],
    });
    expect(stored?.actual[0]?.amount).toBe(123_450_000);
    expect(stored?.submittedAt).not.toBeNull();
  });

  it("the head returns the report with a remark, the executor resubmits, the head submits the annual reports", {
    timeout: 400_000,
  }, async () => {
    await head.goto(`${base}/`);
    await signIn(head, "head");
    const deadlines = head.getByTestId("reporting-deadlines");
    await deadlines.getByText(/до 05\.01\.2027/).waitFor();
    await deadlines.getByRole("link", { name: "Звітувати →" }).click();
    await head.waitForURL(`${base}/monitoring/${programmeId}`);
    const reports = head.getByTestId("executor-reports");
    await head.getByLabel("Звітний період").last().selectOption("2026-H2");
    const row = reports.getByRole("row").filter({ hasText: item.title.slice(0, 40) });
    await row.getByText("подано").waitFor();
    expect(await seriousViolations(head)).toEqual([]);
    await shootBothSizes(head, "head-reporting");

    await row.getByRole("button", { name: "Повернути" }).click();
    const dialog = head.getByRole("dialog");
    await dialog.getByLabel("Зауваження виконавцю").fill("Додайте акт приймання-передачі");
    await dialog.getByRole("button", { name: "Повернути звіт" }).click();
    await row.getByText("повернуто").waitFor();
    await row.getByRole("button", { name: /^Нагадати підрозділу/ }).click();
    await head.getByRole("status").filter({ hasText: "Нагадування надіслано" }).waitFor();
    await row.getByText(/^нагадано \d{2}\.\d{2}\.\d{4}$/).waitFor();
    await row.getByRole("button", { name: /^Нагадати підрозділу/ }).click();
    await head.getByRole("alert").filter({ hasText: "вже нагадано" }).waitFor();
    expect(await seriousViolations(head)).toEqual([]);

    await executor.reload();
    await executor
      .getByTestId("head-reminder")
      .getByText(/керівник програми нагадав/)
      .waitFor();
    const form = card(executor);
    await form.getByText(/Керівник повернув звіт .*«Додайте акт приймання-передачі»/).waitFor();
    await form.getByRole("button", { name: "Додати документ" }).click();
    await form.getByLabel("Номер, назва або посилання").last().fill("Акт № 7 від 20.11.2026");
    await form.getByRole("button", { name: "Подати звіт" }).click();
    await executor.getByRole("dialog").getByRole("button", { name: "Так" }).click();
    await form.getByTestId("submitted-report").waitFor();
    await form.getByText("Акт № 7 від 20.11.2026").waitFor();

    await head.reload();
    await head.getByLabel("Звітний період").last().selectOption("2026-H2");
    await head
      .getByTestId("executor-reports")
      .getByRole("row")
      .filter({ hasText: item.title.slice(0, 40) })
      .getByText("подано")
      .waitFor();

    const annual = head.getByTestId("annual-reports");
    const year = annual.getByRole("row").filter({ hasText: "01.03.2027" });
    await year.getByText("не подано").waitFor();
    await year.getByRole("button", { name: "Переглянути: Звіт про хід виконання, 2026" }).click();
    const preview = head.getByRole("dialog");
    await preview.getByText("Найменування завдання, проєкту, роботи з інформатизації").waitFor();
    await head.keyboard.press("Escape");
    await year.getByRole("button", { name: "Подати звіти за 2026 рік" }).click();
    await head.getByRole("dialog").getByRole("button", { name: "Так" }).click();
    await year.getByText(/подав\(ла\) Керівниця програми \d{2}\.\d{2}\.\d{4}/).waitFor();
    expect(await year.getByRole("button", { name: "Подати звіти за 2026 рік" }).count()).toBe(0);
    const docxHref = await year
      .getByRole("link", { name: "DOCX: Звіт про хід виконання, 2026" })
      .getAttribute("href");
    const docx = await head.request.get(`${base}${docxHref}`);
    expect(docx.status()).toBe(200);
    expect((await docx.body()).subarray(0, 2).toString()).toBe("PK");
    expect(await seriousViolations(head)).toEqual([]);

    await head.getByText("ENG", { exact: true }).click();
    await head.getByRole("heading", { name: /^Monitoring for \d{4}$/ }).waitFor();
    await head.getByRole("heading", { name: "Overdue reports" }).waitFor();
    await head.getByRole("columnheader", { name: "Planned" }).first().waitFor();
    const shown = (await head.locator("#main").textContent()) ?? "";
    const ukrainianLabels = [
      "Моніторинг виконання",
      "Прострочені звіти",
      "Прострочених звітів немає",
      "Заплановано і фактично",
    ];
    expect(ukrainianLabels.filter((label) => shown.includes(label))).toEqual([]);
    await head.getByText("УКР", { exact: true }).click();
    await head.getByRole("heading", { name: "Прострочені звіти" }).waitFor();
  });

  it("publishing with errors asks for a reason, which the public page then shows", {
    timeout: 400_000,
  }, async () => {
    await head.goto(`${base}/programmes/${programmeId}`);
    await head.getByLabel("Статус програми").selectOption("published");
    const dialog = head.getByRole("dialog");
    await dialog.getByRole("heading", { name: "Оприлюднити програму з помилками?" }).waitFor();
    const listed = await dialog.getByTestId("publish-errors").getByRole("listitem").count();
    const detail = await store.getProgramme(programmeId);
    expect(listed).toBe(detail?.findings.filter((finding) => finding.severity === "error").length);
    expect(listed).toBeGreaterThan(0);
    expect(await dialog.getByRole("button", { name: "Оприлюднити з помилками" }).isDisabled()).toBe(true);
    // The dialog is the new part of the programme page.
    expect(await seriousViolations(head, "[role=dialog]")).toEqual([]);
    await shootBothSizes(head, "publish-dialog");
    await dialog.getByRole("button", { name: "Скасувати" }).click();
    expect((await store.getProgramme(programmeId))?.summary.status).toBe("draft");

    await head.getByLabel("Статус програми").selectOption("published");
    const reason = "Рішення сесії ухвалено; помилки підсумків виправимо змінами";
    await head.getByRole("dialog").getByLabel("Причина оприлюднення з помилками").fill(reason);
    await head.getByRole("dialog").getByRole("button", { name: "Оприлюднити з помилками" }).click();
    await expect.poll(async () => (await store.getProgramme(programmeId))?.summary.status).toBe("published");

    const visitor = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await visitor.goto(`${base}/p/${katottg}/${period.from}-${period.to}`);
    await visitor.getByTestId("publish-note").getByText(reason).waitFor();
    await visitor.screenshot({ path: `${ARTIFACTS}/e2e-public-note-phone.png` });
    await visitor.close();
  });
});
