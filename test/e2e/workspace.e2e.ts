import { existsSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateNation } from "../../src/domain/synthetic/index.js";
import type { Store } from "../../src/store/index.js";
import { loadProgrammes } from "../../src/store/loader.js";
import { createUser } from "../../src/store/users.js";
import { PASSWORD as ADMIN_PASSWORD, ARTIFACTS, CHROMIUM, type E2eApp, startE2eApp } from "./support.js";

const FIXTURE = path.resolve(process.cwd(), "../shared/fixtures/programs/romny-2026-2028.txt");

/** "36 112,5 тис. грн" → 3611250000 kopecks, for comparing totals shown on the page. */
function shownKopecks(text: string): number {
  const match = /([\d\s\u00a0\u202f]+(?:,\d+)?)\s*тис\. грн/.exec(text);
  if (!match?.[1]) throw new Error(`no amount in ${text}`);
  const [whole = "0", fraction = ""] = match[1].replace(/[\s\u00a0\u202f]/g, "").split(",");
  return Number(whole) * 100_000 + Number(fraction.padEnd(5, "0"));
}

describe.skipIf(!existsSync(CHROMIUM))("workspace end to end", () => {
  let session: E2eApp;
  let store: Store;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    session = await startE2eApp({
      seed: async (seeded) => {
        await createUser(seeded, {
          login: "admin",
          password: ADMIN_PASSWORD,
          displayName: "Адміністраторка",
          role: "admin",
        });
      },
    });
    ({ store, browser, base } = session);
    page = await session.newPage({ viewport: { width: 1366, height: 900 } });
  });

  afterAll(async () => {
    await session?.close();
  });

  it("signs in and opens the empty list", async () => {
    await page.goto(`${base}/`);
    await page.getByRole("heading", { name: "Вхід для працівників" }).waitFor();
    await page.getByLabel("Логін").fill("admin");
    await page.getByLabel("Пароль").fill("wrong-password");
    await page.getByRole("button", { name: "Увійти" }).click();
    await page.getByText("Невірний логін або пароль.").waitFor();
    await page.getByLabel("Пароль").fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: "Увійти" }).click();
    await page.getByRole("heading", { name: "Програми інформатизації громад" }).waitFor();
    await page.getByText("Знайдено програм: 0").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("uk");
    await page.screenshot({ path: `${ARTIFACTS}/e2e-list-empty.png` });
  });

  it("imports a real programme: preview with findings, then save", async () => {
    await page.getByRole("link", { name: "Імпорт" }).first().click();
    await page.locator('input[type="file"]').setInputFiles(FIXTURE);
    await page.getByRole("heading", { name: "Попередній перегляд" }).waitFor({ timeout: 60_000 });
    await page
      .getByText(/Роменськ/)
      .first()
      .waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/e2e-import-preview.png` });
    await page.getByText("Що означають коди зауважень").first().click();
    const legend = page.getByTestId("findings-legend").first();
    await legend
      .getByText(/Підстава: /)
      .first()
      .waitFor();
    await legend.screenshot({ path: `${ARTIFACTS}/e2e-findings-legend.png` });
    const itemFinding = page.getByRole("button", { name: /Захід .*Перейти до місця/ }).first();
    await itemFinding.click();
    await page.locator(".ref-highlight").first().waitFor();
    expect(await page.locator(".ref-highlight").first().getAttribute("id")).toMatch(/^ref-item-d/);
    await page.getByRole("button", { name: "Зберегти", exact: true }).click();
    await page.waitForURL(/\/programmes\/\d+$/, { timeout: 60_000 });
    await page.getByRole("tab", { name: "Завдання та заходи" }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/e2e-programme.png` });
    const tabRow = page.getByRole("tablist", { name: "Розділи програми" });
    const hidden = await tabRow.evaluate((list) => list.scrollWidth - list.clientWidth);
    expect(hidden, "the tab row at 1366 px shows every tab without scrolling").toBeLessThanOrEqual(0);
    for (const width of [1366, 1200]) {
      await page.setViewportSize({ width, height: 900 });
      const header = page.locator("header").first();
      const spilt = await header.evaluate((bar) => [
        bar.scrollHeight - bar.clientHeight,
        bar.scrollWidth - bar.clientWidth,
      ]);
      expect(spilt, `the header's navigation stays on one line within ${width} px`).toEqual([0, 0]);
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it("edits an amount: the total changes live, a bad amount blocks saving", async () => {
    const liveTotal = page.getByTestId("live-total");
    const before = shownKopecks((await liveTotal.textContent()) ?? "");
    await page.getByRole("button", { name: "Редагувати" }).click();
    const field = page.getByLabel(/, 2026, тис\. грн$/).first();
    const old = await field.inputValue();
    const oldKopecks = shownKopecks(`${old} тис. грн`);

    await field.fill("-1");
    await page.getByText("Сума не може бути від’ємною.").waitFor();
    expect(await page.getByRole("button", { name: "Зберегти нову версію" }).isDisabled()).toBe(true);

    await field.fill("1 774,5");
    await expect
      .poll(async () => shownKopecks((await liveTotal.textContent()) ?? ""))
      .toBe(before - oldKopecks + 177_450_000);
    await page.screenshot({ path: `${ARTIFACTS}/e2e-edit.png` });

    await page.getByRole("button", { name: "Скасувати дію" }).click();
    await expect.poll(async () => shownKopecks((await liveTotal.textContent()) ?? "")).toBe(before);
    await page.getByRole("button", { name: "Повторити дію" }).click();
    await expect
      .poll(async () => shownKopecks((await liveTotal.textContent()) ?? ""))
      .toBe(before - oldKopecks + 177_450_000);

    await page.getByRole("button", { name: "Зберегти нову версію" }).click();
    await page.getByText("Збережено нову версію.").waitFor();
    await page.getByRole("tab", { name: "Версії" }).click();
    await page.getByRole("heading", { name: /Змінено суми/ }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/e2e-versions.png` });
    const docxHref = await page.getByRole("link", { name: "DOCX" }).getAttribute("href");
    expect((await page.request.get(`${base}${docxHref}`)).status()).toBe(200);
  });

  it("publishes and shows the public page on a phone", async () => {
    await page.getByLabel("Статус програми").selectOption("published");
    // The Romny programme has error findings: publishing asks for a written reason first.
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Причина оприлюднення з помилками").fill("Ухвалено сесією; помилки виправимо");
    await dialog.getByRole("button", { name: "Оприлюднити з помилками" }).click();
    await expect.poll(async () => (await store.listProgrammes({ status: "published" })).length).toBe(1);
    const [summary] = await store.listProgrammes({ status: "published" });
    if (!summary) throw new Error("not published");
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    const programmeRequests: string[] = [];
    phone.on("request", (request) => {
      if (request.url().includes("/api/public/programmes/")) programmeRequests.push(request.url());
    });
    // Whether the app ever put its loading message where the server's first screen was.
    await phone.addInitScript(() => {
      const seen = window as unknown as { loadingShown: boolean };
      seen.loadingShown = false;
      new MutationObserver(() => {
        if (document.getElementById("root")?.textContent?.includes("Завантаження…")) seen.loadingShown = true;
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await phone.goto(`${base}/p/${summary.katottg}/${summary.period.from}-${summary.period.to}`);
    await phone.getByRole("heading", { name: "Скільки це коштує" }).waitFor();
    // The page carries no copy of the programme; the entry asks the API once, and the first screen
    // stays until the app can show the programme.
    expect(programmeRequests).toEqual([
      `${base}/api/public/programmes/${summary.katottg}/${summary.period.from}-${summary.period.to}`,
    ]);
    expect(await phone.evaluate(() => (window as unknown as { loadingShown: boolean }).loadingShown)).toBe(
      false,
    );
    expect(phone.url()).toContain(`/p/${summary.katottg}/`);
    await phone
      .getByText(/Роменськ/)
      .first()
      .waitFor();
    await phone.screenshot({ path: `${ARTIFACTS}/e2e-public-phone.png` });
    const jsonHref = await phone.getByRole("link", { name: /JSON/ }).getAttribute("href");
    const download = await phone.request.get(`${base}${jsonHref}`);
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain("Роменськ");
    await phone.screenshot({ path: `${ARTIFACTS}/e2e-public-phone-full.png`, fullPage: true });
    await phone.close();
  });

  it("shows the national view without signing in, opens an oblast and hands two communities to the comparison", async () => {
    await loadProgrammes(store.kysely(), generateNation({ seed: 2, communities: 12 }), { batchSize: 12 });
    const visitor = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: "uk-UA" });
    await visitor.goto(`${base}/national`);
    const countryHeading = visitor.getByRole("heading", {
      name: "Огляд країни: програми інформатизації громад",
    });
    await countryHeading.waitFor();
    const year = await visitor.getByLabel("Рік").inputValue();
    expect(year).toMatch(/^\d{4}$/);
    const ranking = visitor.locator('[role="img"][aria-label^="Рейтинг областей"] svg');
    await ranking.first().waitFor();
    await visitor.locator('[role="img"][aria-label^="Категорії"] svg').first().waitFor();
    await visitor.screenshot({ path: `${ARTIFACTS}/e2e-national.png`, fullPage: true });
    const top = visitor.getByTestId("national-top");
    // One community ticked here, one in another oblast's view: the choice outlives the drill-down.
    const oblast = ((await top.locator("tbody tr").nth(1).locator("td").nth(2).textContent()) ?? "").trim();
    await top.getByRole("checkbox").nth(0).check();

    await ranking
      .locator("text")
      .filter({ hasText: new RegExp(`^\\d+\\. ${oblast}$`) })
      .click();
    await visitor.waitForURL((url) => url.searchParams.get("oblast") === oblast);
    const oblastHeading = visitor.getByRole("heading", { name: `${oblast}: програми інформатизації громад` });
    await oblastHeading.waitFor();
    await visitor.locator('[role="img"][aria-label^="Категорії"] svg').first().waitFor();
    expect(await visitor.locator('[role="img"][aria-label^="Рейтинг областей"]').count()).toBe(0);
    // This oblast has one community: its quartiles coincide, so each category's value is written out.
    expect(
      await visitor
        .getByText(/^Громад з програмами/)
        .locator("..")
        .textContent(),
    ).toContain("1");
    await visitor
      .locator('[role="img"][aria-label^="Категорії"] svg text')
      .filter({ hasText: /грн$/ })
      .first()
      .waitFor();
    await visitor.screenshot({ path: `${ARTIFACTS}/e2e-national-oblast.png`, fullPage: true });
    await visitor.goBack();
    await countryHeading.waitFor();
    await visitor.goForward();
    await oblastHeading.waitFor();
    await visitor.getByTestId("national-top").getByRole("checkbox", { checked: false }).first().check();
    await visitor.getByText(/^Обрано 2 з 10/).waitFor();

    const other = String(Number(year) + 1);
    await visitor.getByLabel("Рік").selectOption(other);
    await visitor.waitForURL(
      (url) => url.searchParams.get("year") === other && url.searchParams.get("oblast") === oblast,
    );
    await oblastHeading.waitFor();
    await visitor.getByRole("link", { name: "← Огляд країни" }).click();
    await visitor.waitForURL(
      (url) => url.searchParams.get("year") === other && !url.searchParams.has("oblast"),
    );
    await countryHeading.waitFor();
    await visitor.getByText(/^Обрано 2 з 10/).waitFor();
    await visitor.getByRole("link", { name: "Порівняти", exact: true }).click();
    await visitor.waitForURL(/\/compare\?katottg=UA\w+,UA\w+$/);
    await visitor.getByRole("heading", { name: "Порівняння громад" }).waitFor();
    await visitor.getByText("На одного мешканця").waitFor();
    await visitor.screenshot({ path: `${ARTIFACTS}/e2e-compare-from-national.png` });
    await visitor.close();
  });
});
