import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importText } from "../../src/import/index.js";
import type { Store } from "../../src/store/index.js";
import { createUser } from "../../src/store/users.js";
import { ARTIFACTS, CHROMIUM, type E2eApp, seriousViolations, signIn, startE2eApp } from "./support.js";

const ROOT = process.cwd();
const PROGRAMS = path.resolve(ROOT, "../shared/fixtures/programs");
const HEAD_PASSWORD = "e2e-head-password-1";
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
];

async function noHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** No sideways scroll, and no serious or critical axe violation (WCAG 2.1 AA), at the page's width. */
async function fitsAndPassesAxe(page: Page): Promise<void> {
  await noHorizontalOverflow(page);
  expect(await seriousViolations(page)).toEqual([]);
}

/** Real programmes, imported and published: Romny (Sumy oblast) and Starokostiantyniv (Khmelnytskyi). */
async function publish(store: Store, file: string): Promise<void> {
  const result = importText(readFileSync(path.join(PROGRAMS, file), "utf8"));
  const saved = await store.saveImport(result, { name: file, sha256: file });
  await store.setStatus(saved.programmeId, "published");
}

describe.skipIf(!existsSync(CHROMIUM))("finding communities by name, and their oblasts", () => {
  let session: E2eApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    session = await startE2eApp({
      seed: async (store) => {
        await publish(store, "romny-2026-2028.txt");
        await publish(store, "starokostiantyniv-2026-2028.txt");
        await createUser(store, {
          login: "romny-head",
          password: HEAD_PASSWORD,
          displayName: "Керівниця програми",
          role: "head",
          katottg: "UA59060110000049734",
        });
      },
    });
    ({ browser, base } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it.each(VIEWPORTS)(
    "/national lists an imported real community under its oblast, found by a misspelt name ($width px)",
    async (viewport) => {
      const page = await browser.newPage({ viewport, locale: "uk-UA" });
      await page.goto(`${base}/national?year=2026`);
      await page.getByRole("heading", { name: "Огляд країни: програми інформатизації громад" }).waitFor();
      await page.getByLabel("Знайти громаду за назвою").fill("роменсбка");
      await page.getByRole("button", { name: /^Показати: Роменська/ }).click();
      const found = page.getByTestId("national-found");
      await found.getByText("Сумська область · населення 54 264").waitFor();
      await page.screenshot({
        path: `${ARTIFACTS}/e2e-national-search-${viewport.width}.png`,
        fullPage: true,
      });
      await fitsAndPassesAxe(page);

      await found.getByRole("link", { name: "Огляд області: Сумська область" }).click();
      await page.waitForURL((url) => url.searchParams.get("oblast") === "Сумська область");
      await page.getByRole("heading", { name: "Сумська область: програми інформатизації громад" }).waitFor();
      const top = page.getByTestId("national-top");
      await top.getByText(/^Роменська/).waitFor();
      expect(await top.getByText(/Старокостянтинівська/).count()).toBe(0);
      await page.screenshot({
        path: `${ARTIFACTS}/e2e-national-oblast-real-${viewport.width}.png`,
        fullPage: true,
      });
      await fitsAndPassesAxe(page);
      await page.close();
    },
  );

  it.each(VIEWPORTS)(
    "/compare finds two communities by misspelt and Latin names and compares them ($width px)",
    async (viewport) => {
      const page = await browser.newPage({ viewport, locale: "uk-UA" });
      await page.goto(`${base}/compare`);
      await page.getByRole("heading", { name: "Порівняння громад" }).waitFor();
      const search = page.getByLabel("Знайти громаду за назвою");
      await search.fill("Romenska");
      await page.getByRole("button", { name: /^Додати до порівняння: Роменська/ }).click();
      await search.fill("старокостянтинівьска");
      await page.getByRole("button", { name: /^Додати до порівняння: Старокостянтинівська/ }).click();
      await page.getByText("Обрані громади (2 з 10)").waitFor();
      await page.getByRole("button", { name: "Порівняти", exact: true }).click();
      await page.getByText("На одного мешканця").waitFor();
      const header = (await page.locator("thead").first().textContent()) ?? "";
      expect(header).toMatch(/Роменська/);
      expect(header).toMatch(/Старокостянтинівська/);
      expect(new URL(page.url()).searchParams.get("katottg")).toBe("UA59060110000049734,UA68040390010084208");
      await page.screenshot({
        path: `${ARTIFACTS}/e2e-compare-by-name-${viewport.width}.png`,
        fullPage: true,
      });
      await fitsAndPassesAxe(page);

      await page.getByRole("button", { name: /^Прибрати: Роменська/ }).click();
      await page.getByText("Обрані громади (1 з 10)").waitFor();
      await page.close();
    },
  );

  it("the head edits a passport field and an indicator's target with live findings, and saves a new version", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: "uk-UA" });
    await page.goto(`${base}/`);
    await signIn(page, "romny-head", HEAD_PASSWORD);
    await page
      .getByRole("link", { name: /Роменськ/ })
      .first()
      .click();
    await page.getByRole("button", { name: "Редагувати" }).click();

    const notAgreed = page.getByText(/^Поле 4 паспорта \(дата погодження/);
    await page.getByRole("tab", { name: "Паспорт" }).click();
    await notAgreed.first().waitFor();
    await page.getByLabel(/^Поле 4:/).fill("лист Мінцифри від 01.12.2025 № 1/1234");
    await notAgreed.first().waitFor({ state: "detached" });

    await page.getByRole("tab", { name: "Показники" }).click();
    const target = page.getByLabel("Цільове значення, 2027 (1.)").first();
    await target.fill("");
    const missing = page.getByText(/не зазначено цільове значення на 2027 рік/);
    await missing.first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/e2e-edit-indicator-1366.png`, fullPage: true });
    await target.fill("42,0");
    await missing.first().waitFor({ state: "detached" });
    await fitsAndPassesAxe(page);

    await page.getByRole("tab", { name: "Текст програми" }).click();
    await page.getByLabel(/^Текст розділу «ІІІ\. Аналіз/).fill("Оновлений аналіз стану інформатизації.");
    await page.getByRole("button", { name: "Зберегти нову версію" }).click();
    await page.getByText("Збережено нову версію.").waitFor();

    await page.reload();
    await page.getByRole("tab", { name: "Паспорт" }).click();
    await page.getByText("лист Мінцифри від 01.12.2025 № 1/1234").waitFor();
    expect(await page.getByText(/^Поле 4 паспорта \(дата погодження/).count()).toBe(0);
    await page.getByRole("tab", { name: "Показники" }).click();
    await page.getByRole("cell", { name: "42,0" }).first().waitFor();
    await page.getByRole("tab", { name: "Версії" }).click();
    await page
      .getByText(/^2$|версія 2|Версія 2/)
      .first()
      .waitFor();
    await page.close();
  });
});
