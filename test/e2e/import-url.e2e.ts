import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { productionBuild } from "../../scripts/check-bundle.js";
import { buildApp } from "../../src/api/app.js";
import { fetchDocument, URL_MESSAGES } from "../../src/import/fetch-url.js";
import { openStore, type Store } from "../../src/store/index.js";
import { createUser } from "../../src/store/users.js";
import { allowTestLoopback, startUrlServer, type UrlServer } from "../support/url-server.js";
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, signIn, WEB_DIST } from "./support.js";

const ROOT = process.cwd();
const programme = readFileSync(path.resolve(ROOT, "../shared/fixtures/programs/romny-2026-2028.txt"));
const PASSWORD = "e2e-password-1";

describe.skipIf(!existsSync(CHROMIUM))("import from an address, end to end", () => {
  let store: Store;
  let app: FastifyInstance;
  let site: UrlServer;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    await productionBuild({});
    await mkdir(ARTIFACTS, { recursive: true });
    site = await startUrlServer({
      "/romny.txt": (_request, response) => response.writeHead(200).end(programme),
      "/to-private": (_request, response) =>
        response.writeHead(302, { location: "http://10.1.2.3/romny.txt" }).end(),
    });
    store = await openStore({ dataDir: ":memory:" });
    await createUser(store, { login: "admin", password: PASSWORD, displayName: "Адмін", role: "admin" });
    const fetchForTests = (url: string) => fetchDocument(url, { allowAddress: allowTestLoopback });
    app = buildApp({ store, webDist: WEB_DIST, fetchDocument: fetchForTests });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: "uk-UA" });
    await page.goto(`${base}/`);
    await signIn(page, "admin", PASSWORD);
    await page.getByRole("heading", { name: "Програми інформатизації громад" }).waitFor();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await site?.close();
    await store?.close();
  });

  it("says why an address that redirects to a private network is refused, and stores nothing", async () => {
    await page.getByRole("link", { name: "Імпорт" }).first().click();
    const address = page.getByLabel("Або адреса документа на сайті ради");
    await address.fill("rada.example/programa.pdf");
    await page.getByRole("button", { name: "Завантажити й розпізнати" }).click();
    await page.getByText("Вкажіть повну адресу, що починається з https:// або http://.").waitFor();
    await address.fill(site.url("/to-private"));
    await page.getByRole("button", { name: "Завантажити й розпізнати" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Документ за адресою не імпортовано" });
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toContain(URL_MESSAGES.privateAddress("10.1.2.3"));
    expect(await store.listProgrammes()).toEqual([]);
  });

  it("previews the document at the address, then saves it", async () => {
    await page.getByLabel("Або адреса документа на сайті ради").fill(site.url("/romny.txt"));
    await page.getByRole("button", { name: "Завантажити й розпізнати" }).click();
    await page.getByRole("heading", { name: "Попередній перегляд" }).waitFor({ timeout: 60_000 });
    await page.getByText(`Джерело: ${site.url("/romny.txt")}`).waitFor();
    await page
      .getByText(/Роменськ/)
      .first()
      .waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/e2e-import-url-preview.png` });
    await page.getByRole("button", { name: "Зберегти", exact: true }).click();
    await page.waitForURL(/\/programmes\/\d+$/, { timeout: 60_000 });
    const [saved] = await store.listProgrammes();
    expect(saved?.communityName).toMatch(/Роменськ/);
  });
});
