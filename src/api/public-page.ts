/**
 * The public programme page (/p/:katottg/:from-:to) with its first screen rendered on the server: the
 * programme's name, community, passport totals and directions as plain HTML inside the app's root, and
 * the programme itself as JSON beside it, so the app (web/src/public) takes over without asking the API
 * again. On a phone the name is on screen as soon as the HTML and its stylesheet arrive, before any
 * JavaScript (issue 13: usable on slow 4G within 2 s).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import type { Programme } from "../domain/model.js";
import { formatAmount } from "../domain/money.js";
import { directionTotals, programmeTotals, type Totals } from "../domain/totals.js";
import type { Store } from "../store/index.js";
import { contentEtag, etagMatches, REVALIDATE } from "./http-cache.js";
import { detailOf } from "./routes/programmes.js";

/** The element the app reads the programme from (web/src/public/PublicApp.tsx). */
export const PROGRAMME_DATA_ID = "programme-data";
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

/** JSON that cannot end the <script> element it sits in, nor open a comment there. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const money = (kopecks: number) => `${formatAmount(kopecks, "thousand", UK_LOCALE)} тис. грн`;

function totalsTable(totals: Totals, programme: Programme): string {
  const years = Object.keys(totals.byYear).sort();
  const head = years.map((year) => `<th scope="col">${year}</th>`).join("");
  const cells = years.map((year) => `<td>${money(totals.byYear[Number(year)] ?? 0)}</td>`).join("");
  const { from, to } = programme.period;
  return (
    `<table class="ssr-totals"><caption>Обсяг фінансування на ${from}–${to} роки</caption>` +
    `<thead><tr><th scope="col">Усього</th>${head}</tr></thead>` +
    `<tbody><tr><td><b>${money(totals.total)}</b></td>${cells}</tr></tbody></table>`
  );
}

function directionsList(programme: Programme): string {
  const rows = programme.directions.map(
    (direction) =>
      `<li><b>${escapeHtml(`${direction.number}. ${direction.title}`)}</b> — ${money(directionTotals(direction).total)}</li>`,
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

/** public.html with the first screen inside the root and the programme as JSON after it. */
export function renderPublicPage(template: string, detail: ReturnType<typeof detailOf>): string {
  const { programme } = detail;
  const data = `<script type="application/json" id="${PROGRAMME_DATA_ID}">${jsonForScript(detail)}</script>`;
  return template
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(programme.title)}</title>`)
    .replace(ROOT, `<div id="root">${firstScreenHtml(programme)}</div>${data}`);
}

interface PublicPageOptions {
  store: Store;
  webDist: string;
}

/** GET /p/:katottg/:from-:to, rendered; any other /p/… path keeps the plain public.html. */
export async function publicPageRoutes(app: FastifyInstance, options: PublicPageOptions): Promise<void> {
  const template = readFileSync(path.join(options.webDist, "public.html"), "utf8");
  const { store } = options;
  app.get<{ Params: { katottg: string; from: string; to: string } }>(
    "/p/:katottg/:from-:to",
    { schema: { hide: true } },
    async (request, reply) => {
      const { katottg, from, to } = request.params;
      const period =
        /^\d{4}$/.test(from) && /^\d{4}$/.test(to) ? { from: Number(from), to: Number(to) } : null;
      const id = period ? await store.findProgrammeId(katottg, period) : undefined;
      const stored = id === undefined ? undefined : await store.getProgramme(id);
      // Not published (or no such programme): the app says so, in the reader's language.
      const html =
        stored?.summary.status === "published" ? renderPublicPage(template, detailOf(stored)) : template;
      const etag = contentEtag(html);
      reply.header("cache-control", REVALIDATE).header("etag", etag);
      if (etagMatches(request.headers["if-none-match"], etag)) return reply.code(304).send();
      return reply.type("text/html; charset=utf-8").send(html);
    },
  );
}
