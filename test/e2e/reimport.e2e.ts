/**
 * Issue 15, item 8, as the head does it: the same document imported twice says "identical to version
 * 1" and stores nothing; «Зберегти все одно» then stores version 2.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/index.js";
import { type AdminSession, ARTIFACTS, CHROMIUM, seriousViolations, startAdminSession } from "./support.js";

const FIXTURE = path.resolve(process.cwd(), "../shared/fixtures/programs/romny-2026-2028.txt");
const IDENTICAL = "Цей документ ідентичний версії 1 — нову версію не створено.";

describe.skipIf(!existsSync(CHROMIUM))("re-importing the same document, end to end", () => {
  let session: AdminSession;
  let store: Store;
  let page: Page;

  beforeAll(async () => {
    session = await startAdminSession();
    ({ store, page } = session);
  }, 300_000);

  afterAll(async () => {
    await session?.close();
  });

  /** Import page → the fixture → its preview → «Зберегти». */
  const importAndSave = async () => {
    await page.getByRole("link", { name: "Імпорт" }).first().click();
    await page.locator('input[type="file"]').setInputFiles(FIXTURE);
    await page.getByRole("heading", { name: "Попередній перегляд" }).waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Зберегти", exact: true }).click();
  };

  it("saves the document the first time as version 1", async () => {
    await importAndSave();
    await page.waitForURL(/\/programmes\/\d+$/, { timeout: 60_000 });
    const [saved] = await store.listProgrammes();
    expect(saved?.versionCount).toBe(1);
  });

  it("says the same document is identical to version 1 and stores nothing", async () => {
    await importAndSave();
    const notice = page.getByRole("status").filter({ hasText: IDENTICAL });
    await notice.waitFor({ timeout: 60_000 });
    expect(page.url()).toMatch(/\/import$/);
    await page.getByRole("button", { name: "Зберегти все одно" }).waitFor();
    // The plain «Зберегти» is gone: the notice's buttons are the way on.
    expect(await page.getByRole("button", { name: "Зберегти", exact: true }).count()).toBe(0);
    const [saved] = await store.listProgrammes();
    expect(saved?.versionCount).toBe(1);
    expect(await seriousViolations(page, "[role=status]")).toEqual([]);
    await notice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/e2e-reimport-identical.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await notice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/e2e-reimport-identical-phone.png` });
    const box = await notice.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1366, height: 900 });

    // In English the same notice reads in English.
    await page.getByText("ENG", { exact: true }).first().click();
    await page.getByText("This document is identical to version 1 — no new version was created.").waitFor();
    await page.getByRole("button", { name: "Save anyway" }).waitFor();
    await page.getByText("УКР", { exact: true }).first().click();
    await notice.waitFor();
  });

  it("«Зберегти все одно» stores version 2 and opens the programme", async () => {
    await page.getByRole("button", { name: "Зберегти все одно" }).click();
    await page.waitForURL(/\/programmes\/\d+$/, { timeout: 60_000 });
    await page.getByRole("tab", { name: "Версії" }).click();
    const table = page.getByRole("table", { name: "Версії програми" });
    await table.getByRole("cell", { name: "2", exact: true }).first().waitFor();
    expect(await table.locator("tbody tr").count()).toBe(2);
    await page.screenshot({ path: `${ARTIFACTS}/e2e-reimport-saved-anyway.png` });
    const [saved] = await store.listProgrammes();
    expect(saved).toMatchObject({ versionCount: 2, latestVersion: 2 });
  });
});
