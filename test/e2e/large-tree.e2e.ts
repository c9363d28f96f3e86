import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateProgramme } from "../../src/domain/validate.js";
import { largeDemoProgramme } from "../../web/src/dev/demoProgramme.js";
import { type AdminSession, CHROMIUM, startAdminSession } from "./support.js";

/** Marks the funding table of every task card on screen; answers the cards' ids. */
const MARK = "data-e2e-kept";
const markTables = (mark: string) =>
  [...document.querySelectorAll(".tree-item")].flatMap((card) => {
    card.querySelector("table")?.setAttribute(mark, "1");
    return card.querySelector("table") ? [card.id] : [];
  });
/** Of the cards given, those still on screen (a taller card can push one out of the virtual list's window),
 * and how many of them have a table without the mark, i.e. built again. */
const rebuiltTables = ({ mark, ids }: { mark: string; ids: string[] }) => {
  const cards = ids.flatMap((id) => document.getElementById(id) ?? []);
  return {
    onScreen: cards.map((card) => card.id),
    rebuilt: cards.filter((card) => !card.querySelector(`table[${mark}]`)).length,
  };
};

/** Every marked card still on screen kept its table; answers their ids. */
async function expectKept(page: Page, ids: string[]): Promise<string[]> {
  const { onScreen, rebuilt } = await page.evaluate(rebuiltTables, { mark: MARK, ids });
  expect(onScreen.length).toBeGreaterThan(2);
  expect(rebuilt).toBe(0);
  return onScreen;
}

describe.skipIf(!existsSync(CHROMIUM))("the large programme's tree (a virtual list)", () => {
  let session: AdminSession;
  let programmeId: number;

  beforeAll(async () => {
    session = await startAdminSession({
      seed: async (store) => {
        const programme = largeDemoProgramme(300);
        const findings = validateProgramme(programme);
        ({ programmeId } = await store.saveImport({ programme, findings }, { name: "e2e", sha256: "e2e" }));
      },
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  it("keeps the cards' summaries on screen when edit mode is entered and left, instead of rebuilding them", async () => {
    const { page, base } = session;
    await page.goto(`${base}/programmes/${programmeId}`);
    await page.locator(".tree-item table").first().waitFor();
    const ids = await page.evaluate(markTables, MARK);
    expect(ids.length).toBeGreaterThan(2);

    await page.getByRole("button", { name: "Редагувати" }).click();
    await page.getByRole("toolbar").first().waitFor();
    const kept = await expectKept(page, ids);

    await page.getByRole("button", { name: "Завершити редагування" }).click();
    await expect.poll(() => page.getByRole("toolbar").count()).toBe(0);
    await expectKept(page, kept);
  });
});
