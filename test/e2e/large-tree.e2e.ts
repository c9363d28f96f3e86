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

/**
 * React's props object of every element matched, kept on the element. react-dom gives an element a new
 * props object each time it commits a render of it, so a changed one means the element was rendered again.
 */
const rememberProps = (selector: string) =>
  [...document.querySelectorAll(selector)].map((element) => {
    const fields = element as unknown as Record<string, unknown>;
    const key = Object.keys(fields).find((name) => name.startsWith("__reactProps$")) ?? "";
    fields.__e2eProps = fields[key];
    return key !== "";
  }).length;
/** How many of the elements matched React rendered again since `rememberProps`. */
const renderedAgain = (selector: string) =>
  [...document.querySelectorAll(selector)].filter((element) => {
    const fields = element as unknown as Record<string, unknown>;
    const key = Object.keys(fields).find((name) => name.startsWith("__reactProps$")) ?? "";
    return fields.__e2eProps !== fields[key];
  }).length;

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

  it("renders neither the programme's header nor its findings again when edit mode is entered", async () => {
    const { page, base } = session;
    await page.goto(`${base}/programmes/${programmeId}`);
    await page.locator(".tree-item table").first().waitFor();
    const header = "h1.page-title";
    const findings = 'section[aria-labelledby="findings-heading"] button';
    const editButton = "button[aria-pressed]";
    expect(await page.evaluate(rememberProps, header)).toBe(1);
    expect(await page.evaluate(rememberProps, findings)).toBeGreaterThan(0);
    expect(await page.evaluate(rememberProps, editButton)).toBe(1);

    await page.getByRole("button", { name: "Редагувати" }).click();
    await page.getByRole("toolbar").first().waitFor();
    // The button that changed is seen as rendered again: the check can tell.
    expect(await page.evaluate(renderedAgain, editButton)).toBe(1);
    expect(await page.evaluate(renderedAgain, header)).toBe(0);
    expect(await page.evaluate(renderedAgain, findings)).toBe(0);
  });

  it("renders only the edit button and the tree's cards when edit mode is entered and left: not the tabs, nor the edit bar's other buttons, nor the direction headings", async () => {
    const { page, base } = session;
    await page.goto(`${base}/programmes/${programmeId}`);
    await page.locator(".tree-item table").first().waitFor();
    const tabs = '[role="tab"]';
    const undo = 'button[title="Ctrl+Z"]';
    const headings = "h3";
    const editButton = "button[aria-pressed]";
    const cards = ".tree-item";
    for (const selector of [tabs, undo, headings, editButton, cards]) {
      expect(await page.evaluate(rememberProps, selector)).toBeGreaterThan(0);
    }

    for (const [name, next] of [
      ["Редагувати", async () => page.getByRole("toolbar").first().waitFor()],
      ["Завершити редагування", async () => expect.poll(() => page.getByRole("toolbar").count()).toBe(0)],
    ] as const) {
      await page.getByRole("button", { name }).click();
      await next();
      // What changes is seen as rendered again: the check can tell.
      expect(await page.evaluate(renderedAgain, editButton)).toBe(1);
      expect(await page.evaluate(renderedAgain, cards)).toBeGreaterThan(0);
      expect(await page.evaluate(renderedAgain, tabs)).toBe(0);
      expect(await page.evaluate(renderedAgain, undo)).toBe(0);
      expect(await page.evaluate(renderedAgain, headings)).toBe(0);
      for (const selector of [editButton, cards]) await page.evaluate(rememberProps, selector);
    }
  });

  it("renders neither the header nor the findings again when a project's change that changes no finding is made and saved", async () => {
    const { page, base } = session;
    await page.goto(`${base}/programmes/${programmeId}`);
    await page.locator(".tree-item table").first().waitFor();
    await page.getByRole("button", { name: "Редагувати" }).click();
    await page.getByRole("toolbar").first().waitFor();
    const header = "h1.page-title";
    const findings = 'section[aria-labelledby="findings-heading"] button';
    const count = await page.evaluate(rememberProps, findings);
    expect(count).toBeGreaterThan(0);
    expect(await page.evaluate(rememberProps, header)).toBe(1);

    const card = page.locator(".tree-item").first();
    await card.getByRole("button", { name: "Редагувати поля" }).click();
    // The executors: no rule's message names them (an amount would change the passport total's message).
    const executors = card.getByLabel("Виконавці (через крапку з комою)");
    await executors.fill("Відділ цифрового розвитку");
    await executors.blur();
    await page.getByRole("button", { name: "Зберегти нову версію" }).click();
    await page.getByRole("status").filter({ hasText: "Збережено нову версію" }).waitFor();

    expect(await page.locator(findings).count()).toBe(count);
    expect(await page.evaluate(renderedAgain, findings)).toBe(0);
    expect(await page.evaluate(renderedAgain, header)).toBe(0);
  });
});
