import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import { acceptsBrotli, FIRST_SCREEN_CSS, firstScreenTemplate } from "../../src/api/public-page.js";
import { formatAmount } from "../../src/domain/money.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { directionTotals, programmeTotals } from "../../src/domain/totals.js";
import type { Store } from "../../src/store/index.js";
import { openTestStore } from "../support/db.js";

// As Vite builds public.html: indented, the entry module and a chunk's modulepreload in <head>, no
// stylesheet (the app loads its own later).
const ENTRY = '<script type="module" crossorigin src="/assets/public-x.js"></script>';
const PRELOAD = '<link rel="modulepreload" crossorigin href="/assets/preload-helper-x.js">';
const TEMPLATE = `<!doctype html>
<html lang="uk">
  <head>
    <meta charset="UTF-8" />
    <title>Програма</title>
    ${ENTRY}
    ${PRELOAD}
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

describe("the public programme page rendered on the server", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let webDist: string;
  const published = demoProgramme();
  published.title = 'Програма «Цифрова громада» </script><script>alert("x")</script>';
  const draft = demoProgramme();
  draft.community = { ...draft.community, katottg: "UA05020010000000001", name: "Чернеткова громада" };
  const pagePath = (programme: typeof published) =>
    `/p/${programme.community.katottg}/${programme.period.from}-${programme.period.to}`;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    const { programmeId } = await store.saveImport(
      { programme: published, findings: [] },
      { name: "p", sha256: "p" },
    );
    await store.setStatus(programmeId, "published");
    await store.saveImport({ programme: draft, findings: [] }, { name: "d", sha256: "d" });
    webDist = await mkdtemp(path.join(tmpdir(), "infoprog-web-"));
    await writeFile(path.join(webDist, "index.html"), TEMPLATE);
    await writeFile(path.join(webDist, "public.html"), TEMPLATE);
    await mkdir(path.join(webDist, "assets"));
    app = buildApp({ store, webDist });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await dispose();
    await rm(webDist, { recursive: true, force: true });
  });

  it("puts the name, community, passport total and every direction in the HTML", async () => {
    const page = await app.inject(pagePath(published));
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    const html = page.body;
    const root = html.slice(html.indexOf('<div id="root"'), html.indexOf("</body>"));
    expect(root).toContain(
      "<h1>Програма «Цифрова громада» &lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)",
    );
    expect(root).toContain(published.community.name);
    expect(root).toContain(formatAmount(programmeTotals(published).total, "thousand", "uk-UA"));
    for (const direction of published.directions) {
      expect(root).toContain(formatAmount(directionTotals(direction).total, "thousand", "uk-UA"));
    }
    expect(root.match(/<li>/g)).toHaveLength(published.directions.length);
    expect(html).toContain("<title>Програма «Цифрова громада» &lt;/script&gt;");
  });

  it("inlines only the first screen's CSS, then the markup with the name, and nothing after it", async () => {
    const html = (await app.inject(pagePath(published))).body;
    const head = html.slice(0, html.indexOf("</head>"));
    const style = /<style>([^<]*)<\/style>/.exec(head)?.[1] ?? "";
    expect(style).toBe(FIRST_SCREEN_CSS);
    // Every class of the rendered markup has its rules there, and the CSS stays a couple of KB.
    const classes = new Set(
      [...html.matchAll(/class="([^"]+)"/g)].flatMap((match) => match[1]?.split(" ") ?? []),
    );
    expect(classes.size).toBeGreaterThan(0);
    for (const name of classes) expect(style).toContain(`.${name}`);
    expect(Buffer.byteLength(style)).toBeLessThan(3 * 1024);
    // Nothing in <head> to fetch or run: no stylesheet, no script, no preload.
    expect(head).not.toMatch(/<link[^>]*rel="stylesheet"/);
    expect(head).not.toMatch(/<script|modulepreload/);
    // No whitespace between tags before the name: every token the parser meets first is the page's.
    expect(html.slice(0, html.indexOf(published.community.name))).not.toMatch(/>\s+</);
    // The name comes after <head>, and after the first screen only the app's entry and its preload.
    expect(html.indexOf(published.community.name)).toBeGreaterThan(html.indexOf("</head>"));
    expect(html.slice(html.indexOf("</main>"))).toBe(`</main></div>${ENTRY}${PRELOAD}</body></html>`);
  });

  it("keeps the programme's data out of the page and names the API address the app loads it from", async () => {
    const html = (await app.inject(pagePath(published))).body;
    expect(html).not.toContain('type="application/json"');
    expect(html).not.toContain(published.directions[0]?.items[0]?.title);
    expect(html.match(/<\/script>/g)).toHaveLength(1); // the app's; the title cannot open another
    // The whole page is its markup and first-screen CSS: the name arrives within the first kilobytes.
    expect(Buffer.byteLength(html)).toBeLessThan(TEMPLATE.length + 8 * 1024);
    const address = /<div id="root" data-programme="([^"]+)">/.exec(html)?.[1];
    expect(address).toBe(
      `/api/public/programmes/${published.community.katottg}/${published.period.from}-${published.period.to}`,
    );
    const api = await app.inject(address ?? "");
    expect(api.statusCode).toBe(200);
    expect(api.json().programme.title).toBe(published.title);
  });

  it("sends the same page in brotli, gzip or as it is, as the reader's browser accepts", async () => {
    const plain = await app.inject({ url: pagePath(published), headers: { "accept-encoding": "identity" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toContain(published.community.name);
    for (const [accept, encoding, decode] of [
      ["gzip, deflate, br", "br", brotliDecompressSync],
      ["br;q=0, gzip", "gzip", gunzipSync],
    ] as const) {
      const page = await app.inject({ url: pagePath(published), headers: { "accept-encoding": accept } });
      expect(page.headers["content-encoding"]).toBe(encoding);
      expect(page.headers.vary).toMatch(/accept-encoding/i);
      expect(page.headers.etag).toBe(plain.headers.etag);
      expect(decode(page.rawPayload).toString()).toBe(plain.body);
    }
  });

  it("reads Accept-Encoding for brotli by its q-values", () => {
    expect(acceptsBrotli("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsBrotli("BR;q=0.5")).toBe(true);
    expect(acceptsBrotli("br;q=0, gzip")).toBe(false);
    expect(acceptsBrotli("br;q=0.0")).toBe(false);
    expect(acceptsBrotli("gzip, brotli")).toBe(false);
    expect(acceptsBrotli(undefined)).toBe(false);
  });

  it("answers 404 with a page saying so for a programme that is not published", async () => {
    const page = await app.inject(pagePath(draft));
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain("Програму не знайдено або її ще не оприлюднено");
    expect(page.body).toContain("Programme not found or not yet published.");
    expect(page.body).not.toContain(draft.community.name);
  });

  it.each([
    ["a wrong code", "/p/UA00000000000000000/2026-2028"],
    ["a wrong period", `/p/${published.community.katottg}/2019-2021`],
    ["a period that is no years", `/p/${published.community.katottg}/20x6-2028`],
    ["a path without a period", `/p/${published.community.katottg}`],
    ["a path with more after the period", `/p/${published.community.katottg}/2026-2028/extra`],
    ["a malformed path", "/p/abc/def/ghi"],
  ])("answers 404 with a page saying so for %s", async (_case, url) => {
    const page = await app.inject(url);
    expect(page.statusCode, url).toBe(404);
    expect(page.headers["content-type"], url).toContain("text/html");
    expect(page.body, url).toContain("Програму не знайдено або її ще не оприлюднено");
    expect(page.body, url).not.toContain(published.community.name);
  });

  it("serves the list of published programmes at /p/ and a programme with a trailing slash", async () => {
    const list = await app.inject("/p/");
    expect(list.statusCode).toBe(200);
    expect(list.body).toBe(firstScreenTemplate(TEMPLATE));
    const slashed = await app.inject(`${pagePath(published)}/`);
    expect(slashed.statusCode).toBe(200);
    expect(slashed.body).toContain(published.community.name);
  });

  it("revalidates with an ETag, which changes when the programme does", async () => {
    const first = await app.inject(pagePath(published));
    expect(first.headers["cache-control"]).toBe("no-cache");
    const again = await app.inject({
      url: pagePath(published),
      headers: { "if-none-match": first.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
    const changed = { ...published, title: "Нова назва програми" };
    const id = await store.findProgrammeId(published.community.katottg, published.period);
    expect(id).toBeDefined();
    await store.saveImport({ programme: changed, findings: [] }, { name: "p2", sha256: "p2" });
    await store.setStatus(id as number, "published");
    const after = await app.inject({
      url: pagePath(published),
      headers: { "if-none-match": first.headers.etag as string },
    });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain("<h1>Нова назва програми</h1>");
  });

  it("stops showing a programme the moment it is unpublished, though pages are kept between changes", async () => {
    const first = await app.inject(pagePath(published));
    expect(first.body).toContain(published.community.name);
    const id = await store.findProgrammeId(published.community.katottg, published.period);
    await store.setStatus(id as number, "draft");
    const after = await app.inject(pagePath(published));
    expect(after.statusCode).toBe(404);
    expect(after.body).not.toContain(published.community.name);
    await store.setStatus(id as number, "published");
    expect((await app.inject(pagePath(published))).body).toContain(published.community.name);
  });
});
