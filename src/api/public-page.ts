/**
 * The public programme page (/p/:katottg/:from-:to) with its first screen rendered on the server: the
 * programme's name, community, passport totals and directions as plain HTML inside the app's root, which
 * names the API address of the programme; the app (web/src/public) asks for it after the first paint.
 * On a phone the name is on screen as soon as the page's 1–2 KB arrive, before any stylesheet or
 * JavaScript (issue 13: usable on slow 4G within 2 s).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { brotliCompressSync } from "node:zlib";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Programme } from "../domain/model.js";
import { formatAmount, type Kopecks, type MoneyUnit, unitLabel } from "../domain/money.js";
import {
  amountColumns,
  directionTotals,
  programmeSpanTotals,
  programmeTotals,
  type Totals,
} from "../domain/totals.js";
import type { Store } from "../store/index.js";
import { BROTLI_ON_REQUEST, contentEtag, etagMatches, REVALIDATE } from "./http-cache.js";

const ROOT = '<div id="root"></div>';
/** The Element Timing identifier of the community's name in the first screen. */
export const NAME_TIMING = "community-name";
const UK_LOCALE = "uk-UA";

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** "36 112,5 тис. грн", "1 774 000,00 грн", "3,45 млн грн": in the unit the programme's document prints. */
const money = (kopecks: Kopecks, unit: MoneyUnit) =>
  `${formatAmount(kopecks, unit, UK_LOCALE)} ${unitLabel(unit)}`;

/** Total, one column per year, then one per span of years ("2026-2027") printed at once. */
function totalsTable(totals: Totals, programme: Programme): string {
  const spans = programmeSpanTotals(programme);
  const columns = amountColumns(Object.keys(totals.byYear).sort(), spans);
  const all = { ...totals.byYear, ...spans.byYear };
  const head = columns.map((column) => `<th scope="col">${column}</th>`).join("");
  const cells = columns.map((column) => `<td>${money(all[column] ?? 0, programme.unit)}</td>`).join("");
  const { from, to } = programme.period;
  return (
    `<table class="ssr-totals"><caption>Обсяг фінансування на ${from}–${to} роки</caption>` +
    `<thead><tr><th scope="col">Усього</th>${head}</tr></thead>` +
    `<tbody><tr><td><b>${money(totals.total, programme.unit)}</b></td>${cells}</tr></tbody></table>`
  );
}

function directionsList(programme: Programme): string {
  const rows = programme.directions.map(
    (direction) =>
      `<li><b>${escapeHtml(`${direction.number}. ${direction.title}`)}</b> — ${money(directionTotals(direction).total, programme.unit)}</li>`,
  );
  return `<h2>Напрями</h2><ul class="ssr-directions">${rows.join("")}</ul>`;
}

/** The first screen of a programme, as the app shows it before the reader scrolls. */
export function firstScreenHtml(programme: Programme): string {
  const { community, period } = programme;
  return (
    '<main id="main" class="ssr-first-screen">' +
    `<h1>${escapeHtml(programme.title)}</h1>` +
    // elementtiming: the browser records when the name is painted (bench/public-page.ts reads it).
    `<p elementtiming="${NAME_TIMING}">${escapeHtml(community.name)} · ${period.from}–${period.to}</p>` +
    totalsTable(programmeTotals(programme), programme) +
    directionsList(programme) +
    "</main>"
  );
}

/**
 * The only CSS the first screen waits for: the markup of `firstScreenHtml` laid out as the app lays out
 * its own first screen (Mantine's body font and colours, a large container), about 1 KB. The app's
 * stylesheet (≈66 KB) is not in the page: the app fetches it after the first paint, with its scripts
 * (web/src/public/main.tsx), and applies it before it replaces this markup.
 */
export const FIRST_SCREEN_CSS = [
  "body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;font-size:1rem;line-height:1.55;color:#000;background:#fff;-webkit-font-smoothing:antialiased}",
  ".ssr-first-screen{box-sizing:border-box;max-width:1140px;margin:0 auto;padding:3.5rem 1rem 2rem}",
  ".ssr-first-screen h1{font-size:clamp(1.3rem,1rem + 1.5vw,2rem);line-height:1.25;margin:0 0 .25rem}",
  ".ssr-first-screen h2{font-size:1.375rem;line-height:1.35;margin:1.5rem 0 .5rem}",
  ".ssr-first-screen p{margin:0 0 1rem;color:#495057}",
  ".ssr-totals{display:block;max-width:100%;overflow-x:auto;border-collapse:collapse;font-size:.875rem;font-variant-numeric:tabular-nums}",
  ".ssr-totals caption{text-align:left;font-weight:700;padding:.25rem 0}",
  ".ssr-totals th,.ssr-totals td{padding:.4rem .6rem;border-bottom:1px solid #dee2e6;text-align:right;white-space:nowrap}",
  ".ssr-directions{margin:0;padding:0;list-style:none}",
  ".ssr-directions li{padding:.25rem 0}",
].join("");

/** The programme's address in the public API, which the app loads it from (web/src/public/main.tsx). */
export function publicProgrammeApiPath(programme: Programme): string {
  const { community, period } = programme;
  return `/api/public/programmes/${encodeURIComponent(community.katottg)}/${period.from}-${period.to}`;
}

/**
 * public.html with the first screen inside the root and its CSS inline in <head>: every byte of the page
 * is markup or the CSS that lays it out, so on a slow network the name paints as soon as they arrive.
 * The programme itself is not in the page: as a JSON block after the markup (95 KB for the largest
 * fixture) it made the browser parse the page for longer before its first paint, and the app, started
 * after that paint, asks the API for it (`data-programme`).
 */
export function renderPublicPage(template: string, programme: Programme): string {
  const root = `<div id="root" data-programme="${escapeHtml(publicProgrammeApiPath(programme))}">`;
  return template
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(programme.title)}</title>`)
    .replace("</head>", () => `<style>${FIRST_SCREEN_CSS}</style></head>`)
    .replace(ROOT, () => `${root}${firstScreenHtml(programme)}</div>`);
}

/** The entry's module script and the modulepreload links of its chunks, as Vite writes them into <head>. */
const ENTRY_TAGS = /<script type="module"[^>]*><\/script>|<link rel="modulepreload"[^>]*>/g;

/**
 * public.html as the server sends it: the module entry and its modulepreload links moved from <head> to
 * the end of <body>, and the indentation between tags dropped. Chromium's parser may yield once it has
 * entered <body> and ~10 ms have passed since it began; the head's entry and preload links (fetches
 * started, a CSP check each) and its whitespace tokens made that likely on a busy phone, and the name
 * then waited for another task and frame. Module scripts run after parsing wherever they stand.
 */
export function firstScreenTemplate(template: string): string {
  const entry = template.match(ENTRY_TAGS) ?? [];
  return template
    .replace(ENTRY_TAGS, "")
    .replace(/>\s+</g, "><")
    .trim()
    .replace("</body>", () => `${entry.join("")}</body>`);
}

const NOT_FOUND_HTML =
  '<main style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">' +
  "<h1>Програму не знайдено або її ще не оприлюднено</h1>" +
  '<p lang="en">Programme not found or not yet published.</p>' +
  '<p><a href="/p/">Оприлюднені програми / Published programmes</a></p></main>';

/**
 * The page of a public address that shows no programme (no such community or period, not published, a
 * malformed path), answered with 404: it says so before the app starts, and the app then says it in
 * the reader's language.
 */
export function notFoundPublicPage(template: string): string {
  return template
    .replace(/<title>[^<]*<\/title>/, "<title>Програму не знайдено / Not found</title>")
    .replace(ROOT, () => `<div id="root">${NOT_FOUND_HTML}</div>`);
}

interface PublicPageOptions {
  store: Store;
  webDist: string;
}

/** A page as sent: its HTML, ETag and brotli bytes, and the store's change count it was read at. */
interface RenderedPage {
  html: string;
  etag: string;
  brotli: Buffer;
  generation: number;
  readAt: number;
  /** False for the not-found page of an address that shows no programme (answered with 404). */
  found: boolean;
}

const PAGE_ENTRIES = 256;
/**
 * A write counts when its statement returns, before its transaction commits: on PostgreSQL a page read
 * in between shows the state before it. Pages are read again at least this often, so that lasts
 * seconds, not the store's minute.
 */
const PAGE_MAX_AGE_MS = 10_000;

/** Whether an Accept-Encoding header takes brotli (listed, and not with q=0). */
export function acceptsBrotli(header: string | string[] | undefined): boolean {
  return [header ?? ""]
    .flat()
    .flatMap((value) => value.split(","))
    .some((each) => {
      const [coding, ...params] = each.trim().split(";");
      if (coding?.trim().toLowerCase() !== "br") return false;
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return q === undefined || Number(q) > 0;
    });
}

/**
 * Rendered pages, kept until the store's change counter moves (any write here or, on PostgreSQL,
 * heard from another process) or they grow older than the store allows: a page read many times between
 * changes is read from the database, rendered, hashed and compressed once — about 100–300 ms of a
 * loaded machine's time per request otherwise, most of the gap to a static page.
 */
class RenderedPages {
  private readonly entries = new Map<string, RenderedPage>();

  constructor(private readonly store: Store) {}

  get(key: string): RenderedPage | undefined {
    const page = this.entries.get(key);
    const { changes } = this.store;
    if (!page || page.generation !== changes.generation) return undefined;
    const maxAge = Math.min(changes.maxAgeMs, PAGE_MAX_AGE_MS);
    return performance.now() - page.readAt < maxAge ? page : undefined;
  }

  /** `generation` and `readAt` as they were before the read began: a change during it is not missed. */
  set(key: string, html: string, found: boolean, mark: ReadMark): RenderedPage {
    const page = renderedPage(html, found, mark);
    this.entries.delete(key);
    this.entries.set(key, page);
    const oldest = this.entries.keys().next().value;
    if (this.entries.size > PAGE_ENTRIES && oldest !== undefined) this.entries.delete(oldest);
    return page;
  }
}

interface ReadMark {
  generation: number;
  readAt: number;
}

/** A page as sent, its ETag and brotli bytes made once. */
function renderedPage(html: string, found: boolean, { generation, readAt }: ReadMark): RenderedPage {
  const brotli = brotliCompressSync(html, BROTLI_ON_REQUEST);
  return { html, etag: contentEtag(html), brotli, generation, readAt, found };
}

const PROGRAMME_PATH = /^([^/]+)\/(\d{4})-(\d{4})\/?$/;

/**
 * GET /p/:katottg/:from-:to, rendered (404 with a page saying so when it shows no programme); GET /p/
 * the list of published programmes (the plain public.html); any other /p/… path 404.
 */
export async function publicPageRoutes(app: FastifyInstance, options: PublicPageOptions): Promise<void> {
  const template = firstScreenTemplate(readFileSync(path.join(options.webDist, "public.html"), "utf8"));
  const { store } = options;
  const pages = new RenderedPages(store);
  const render = async (katottg: string, period: { from: number; to: number }): Promise<RenderedPage> => {
    const key = `${katottg}/${period.from}-${period.to}`;
    const known = pages.get(key);
    if (known) return known;
    const mark = { generation: store.changes.generation, readAt: performance.now() };
    const id = await store.findProgrammeId(katottg, period);
    const stored = id === undefined ? undefined : await store.getProgramme(id);
    if (stored?.summary.status !== "published") return pages.set(key, notFound, false, mark);
    return pages.set(key, renderPublicPage(template, stored.programme), true, mark);
  };
  const notFound = notFoundPublicPage(template);
  const malformed = renderedPage(notFound, false, { generation: 0, readAt: 0 });
  const send = (request: FastifyRequest, reply: FastifyReply, page: RenderedPage) => {
    reply.header("cache-control", REVALIDATE).header("etag", page.etag);
    if (etagMatches(request.headers["if-none-match"], page.etag)) return reply.code(304).send();
    reply
      .code(page.found ? 200 : 404)
      .type("text/html; charset=utf-8")
      .header("vary", "accept-encoding");
    // Brotli made once per page; other encodings are left to the compression of every response.
    if (acceptsBrotli(request.headers["accept-encoding"])) {
      return reply.header("content-encoding", "br").send(page.brotli);
    }
    return reply.send(page.html);
  };
  app.get<{ Params: { "*": string } }>("/p/*", { schema: { hide: true } }, async (request, reply) => {
    const rest = request.params["*"];
    if (rest === "")
      return reply.header("cache-control", REVALIDATE).type("text/html; charset=utf-8").send(template);
    const match = PROGRAMME_PATH.exec(rest);
    const page = match
      ? await render(match[1] ?? "", { from: Number(match[2]), to: Number(match[3]) })
      : malformed;
    return send(request, reply, page);
  });
}
