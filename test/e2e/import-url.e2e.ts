import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchDocument, URL_MESSAGES } from "../../src/import/fetch-url.js";
import type { Store } from "../../src/store/index.js";
import { allowTestLoopback, startUrlServer, type UrlServer } from "../support/url-server.js";
import { type AdminSession, ARTIFACTS, CHROMIUM, startAdminSession } from "./support.js";

const ROOT = process.cwd();
const programme = readFileSync(path.resolve(ROOT, "../shared/fixtures/programs/romny-2026-2028.txt"));

describe.skipIf(!existsSync(CHROMIUM))("import from an address, end to end", () => {
  let session: AdminSession;
  let store: Store;
  let site: UrlServer;
  let page: Page;

  beforeAll(async () => {
    site = await startUrlServer({
      "/romny.txt": (_request, response) => response.writeHead(200).end(programme),
      "/to-private": (_request, response) =>
        response.writeHead(302, { location: "http://10.1.2.3/romny.txt" }).end(),
    });
    const fetchForTests = (url: string) => fetchDocument(url, { allowAddress: allowTestLoopback });
    session = await startAdminSession({ app: { fetchDocument: fetchForTests } });
    ({ store, page } = session);
  }, 300_000);

  afterAll(async () => {
    await session?.close();
    await site?.close();
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
