/** What the end-to-end files share: the browser, axe-core, the two screen sizes and their overflow check. */
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { productionBuild } from "../../scripts/check-bundle.js";
import { type AppOptions, buildApp } from "../../src/api/app.js";
import type { Programme } from "../../src/domain/model.js";
import {
  isActiveInYear,
  plannedForYear,
  projectItems,
  sumAmounts,
} from "../../src/domain/monitoring/rollup.js";
import { openStore, type Store } from "../../src/store/index.js";
import { createUser } from "../../src/store/users.js";

export const CHROMIUM = "/usr/bin/chromium";
export const ARTIFACTS = path.resolve(process.cwd(), "test-artifacts");
export const WEB_DIST = path.resolve(process.cwd(), "web/dist");
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--no-first-run",
];
const AXE_SOURCE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** The password of every user the end-to-end files create. */
export const PASSWORD = "e2e-password-1";

/** The staff sign-in form on the page now: login, password, «Увійти». */
export async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel("Логін").fill(login);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Увійти" }).click();
}

/** Opens the workspace, signs in and waits for the list of programmes. */
export async function signInAtStart(
  page: Page,
  base: string,
  login: string,
  password = PASSWORD,
): Promise<void> {
  await page.goto(`${base}/`);
  await signIn(page, login, password);
  await page.getByRole("heading", { name: "Програми інформатизації громад" }).waitFor();
}

/** The built app on a fresh in-memory database, listening on a free port, and Chromium. */
export interface E2eApp {
  store: Store;
  app: FastifyInstance;
  browser: Browser;
  base: string;
  /** A page with cookies of its own, in Ukrainian. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

export interface E2eAppOptions {
  /** Fills the database before the app starts: imports, units, users. */
  seed?: (store: Store) => Promise<void>;
  /** The app's options beyond its store and the built web app. */
  app?: Omit<AppOptions, "store" | "webDist">;
}

/** Builds the web app, opens a fresh database, seeds it, serves it and launches Chromium. */
export async function startE2eApp(options: E2eAppOptions = {}): Promise<E2eApp> {
  await productionBuild({});
  await mkdir(ARTIFACTS, { recursive: true });
  const store = await openStore({ dataDir: ":memory:" });
  await options.seed?.(store);
  const app = buildApp({ ...options.app, store, webDist: WEB_DIST });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    store,
    app,
    browser,
    base,
    newPage: async (contextOptions = {}) =>
      (await browser.newContext({ locale: "uk-UA", ...contextOptions })).newPage(),
    close: async () => {
      await browser.close();
      await app.close();
      await store.close();
    },
  };
}

/** The programme head of a community (login `head`, `PASSWORD`). */
export async function createHead(store: Store, katottg: string): Promise<void> {
  await createUser(store, {
    login: "head",
    password: PASSWORD,
    displayName: "Керівниця програми",
    role: "head",
    katottg,
  });
}

export type AdminSession = E2eApp & { page: Page };

/** `startE2eApp` with an admin (login `admin`, `PASSWORD`) signed in on `page`, at 1366×900. */
export async function startAdminSession(options: E2eAppOptions = {}): Promise<AdminSession> {
  const started = await startE2eApp({
    ...options,
    seed: async (store) => {
      await createUser(store, { login: "admin", password: PASSWORD, displayName: "Адмін", role: "admin" });
      await options.seed?.(store);
    },
  });
  const page = await started.newPage({ viewport: { width: 1366, height: 900 } });
  await signInAtStart(page, started.base, "admin");
  return { ...started, page };
}

/** axe-core's WCAG 2.1 A/AA rules on the page as it is now (or within a selector): serious and critical only. */
export async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  // Evaluated over the DevTools protocol: the app's CSP (script-src 'self') refuses an injected <script>.
  await page.evaluate(await readFile(AXE_SOURCE, "utf8"));
  const violations = await page.evaluate(async (selector) => {
    const axe = (
      window as unknown as {
        axe: { run: (context: unknown, options: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(selector ?? document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations;
  }, within);
  return (violations as AxeViolation[])
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
}

export const SIZES = [
  { width: 1366, height: 768, name: "desktop" },
  { width: 390, height: 844, name: "phone" },
] as const;

/** The widest leaf elements past the right edge: what to fix when the page scrolls sideways. */
function overflowReport(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const wide = [...document.querySelectorAll<HTMLElement>("body *")].filter(
      (element) => element.getBoundingClientRect().right > width + 1 && element.children.length === 0,
    );
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: width,
      elements: wide
        .slice(0, 5)
        .map((element) => `${element.tagName}.${element.className} ${element.textContent?.slice(0, 40)}`),
    };
  });
}

/**
 * At 1366×768 and 390×844: no serious or critical axe violation, a full-page shot kept in
 * test-artifacts/, and no horizontal overflow (scrollWidth ≤ innerWidth). Leaves the page at 1366×768.
 */
export async function checkPage(page: Page, name: string, within?: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.waitForTimeout(200);
    expect(await seriousViolations(page, within), `${name} at ${size.width} px`).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/e2e-${name}-${size.name}.png`, fullPage: true });
    const report = await overflowReport(page);
    expect(
      report.scrollWidth,
      `${name} at ${size.width} px scrolls sideways: ${report.elements.join(" | ")}`,
    ).toBeLessThanOrEqual(report.innerWidth);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** Romny's digital department: the executor unit the reporting and units journeys act as. */
export const DIGITAL =
  "відділ цифрового розвитку та цифровізації Виконавчого комітету Роменської міської ради";

/** A project of the digital department with money planned for 2026: the one its executor reports on. */
export function fundedDigitalProject(programme: Programme) {
  const found = programme.directions
    .flatMap((direction) => projectItems(direction.items))
    .find(
      (each) =>
        each.executors.includes(DIGITAL) &&
        isActiveInYear(each, 2026) &&
        sumAmounts(plannedForYear(each, 2026)) > 0,
    );
  if (!found) throw new Error("the digital unit has no funded project in 2026");
  return found;
}
