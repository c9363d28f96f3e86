/**
 * Fetches a council's published document from a URL for import (`infoprog import https://…`,
 * `POST /api/import/url`). Only http and https; at most `maxBytes`, counted while the body streams;
 * one deadline for every hop and the body; redirects followed by hand, each hop checked again.
 * Every address the host resolves to must be public (`address-policy.ts`), and the connection goes to
 * an address checked at connect time (the Agent's own lookup), so a DNS answer that changes between
 * the check and the connection (rebinding) is refused too.
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { Agent, fetch, type Response } from "undici";
import { config } from "../config.js";
import { type AddressPolicy, isPublicAddress } from "./address-policy.js";
import { NotAProgrammeError } from "./blocks.js";
import { IMPORT_LIMITS } from "./limits.js";

const MB = 1024 * 1024;

export interface UrlLimits {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
}

/** The limits of the environment: the upload size, and the time and redirects of `config().urlImport`. */
export function urlLimits(): UrlLimits {
  const { timeoutMs, maxRedirects } = config().urlImport;
  return { maxBytes: IMPORT_LIMITS.maxUploadBytes, timeoutMs, maxRedirects };
}

export const URL_MESSAGES = {
  invalid: "Некоректна адреса документа: вкажіть повну адресу, що починається з https:// або http://.",
  scheme: (scheme: string) => `Адреса з протоколом «${scheme}» не завантажується: лише https:// або http://.`,
  credentials: "Адреса з логіном чи паролем (user:password@) не приймається.",
  privateAddress: (host: string) =>
    `Адреса ${host} веде до внутрішньої, локальної чи службової мережі — документ завантажується лише з публічних сайтів.`,
  notFound: (host: string) => `Не вдалося знайти сайт ${host}: перевірте адресу.`,
  unreachable: (host: string) => `Не вдалося з'єднатися із сайтом ${host}.`,
  tooBig: (maxBytes: number) => `Документ за адресою завеликий: найбільше ${Math.round(maxBytes / MB)} МБ.`,
  timeout: (timeoutMs: number) =>
    `Сайт не віддав документ за ${Math.round(timeoutMs / 1000)} с — завантаження зупинено.`,
  redirects: (maxRedirects: number) =>
    `Забагато переадресувань (понад ${maxRedirects}) — завантаження зупинено.`,
  badRedirect: "Сайт переадресував запит без нової адреси.",
  status: (status: number) => `Сайт відповів помилкою HTTP ${status}: документ не завантажено.`,
  empty: "За адресою порожній документ.",
} as const;

/** The URL could not be fetched; a `NotAProgrammeError` so the CLI and the API answer it alike. */
export class UrlFetchError extends NotAProgrammeError {
  override name = "UrlFetchError";
}

export interface FetchedDocument {
  bytes: Uint8Array;
  /** A file name for the importer (it tells CSV from text): from Content-Disposition or the path. */
  name: string;
  /** The address the document came from, after redirects. */
  url: string;
}

export interface FetchUrlOptions {
  limits?: Partial<UrlLimits>;
  /** Which addresses may be connected to; tests allow their own loopback server. */
  allowAddress?: AddressPolicy;
  /** The resolver (dns.lookup by default); a test stands in one whose answer changes. */
  lookup?: typeof dnsLookup;
}

interface Fetching {
  limits: UrlLimits;
  allow: AddressPolicy;
  lookup: typeof dnsLookup;
  signal: AbortSignal;
  dispatcher: Agent;
}

function parseUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text.trim(), base);
  } catch {
    throw new UrlFetchError(URL_MESSAGES.invalid);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new UrlFetchError(URL_MESSAGES.scheme(url.protocol.replace(/:$/, "")));
  }
  if (url.username || url.password) throw new UrlFetchError(URL_MESSAGES.credentials);
  return url;
}

function resolveAll(lookup: typeof dnsLookup, host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    lookup(host, { all: true, verbatim: true }, (error, addresses) => {
      if (error) reject(new UrlFetchError(URL_MESSAGES.notFound(host)));
      else resolve(addresses);
    });
  });
}

/** Every address of the host, refused unless each one is allowed. */
async function checkAddresses(fetching: Fetching, host: string): Promise<void> {
  const addresses = await resolveAll(fetching.lookup, host);
  if (addresses.length === 0) throw new UrlFetchError(URL_MESSAGES.notFound(host));
  if (!addresses.every(({ address }) => fetching.allow(address))) {
    throw new UrlFetchError(URL_MESSAGES.privateAddress(host));
  }
}

/** The connect-time lookup of the Agent: resolves again and checks again what it connects to. */
function checkingLookup(allow: AddressPolicy, lookup: typeof dnsLookup): LookupFunction {
  return (host, options, callback) => {
    lookup(host, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const refused = addresses.length === 0 || !addresses.every(({ address }) => allow(address));
      if (refused) return callback(new UrlFetchError(URL_MESSAGES.privateAddress(host)), "", 0);
      if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses as [LookupAddress];
      return callback(null, first.address, first.family);
    });
  };
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "");
}

function failure(error: unknown, fetching: Fetching, url: URL): Error {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof UrlFetchError) return cause;
  }
  if (fetching.signal.aborted) return new UrlFetchError(URL_MESSAGES.timeout(fetching.limits.timeoutMs));
  return new UrlFetchError(URL_MESSAGES.unreachable(url.host));
}

async function requestOnce(fetching: Fetching, url: URL): Promise<Response> {
  await checkAddresses(fetching, hostOf(url));
  try {
    return await fetch(url, {
      redirect: "manual",
      signal: fetching.signal,
      dispatcher: fetching.dispatcher,
      headers: { accept: "*/*", "user-agent": "infoprog (programme import)" },
    });
  } catch (error) {
    throw failure(error, fetching, url);
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The final response, after at most `maxRedirects` redirects, each target checked like the first. */
async function follow(fetching: Fetching, start: URL): Promise<{ response: Response; url: URL }> {
  let url = start;
  for (let hop = 0; ; hop++) {
    const response = await requestOnce(fetching, url);
    if (!REDIRECTS.has(response.status)) return { response, url };
    await response.body?.cancel();
    if (hop >= fetching.limits.maxRedirects) {
      throw new UrlFetchError(URL_MESSAGES.redirects(fetching.limits.maxRedirects));
    }
    const location = response.headers.get("location");
    if (!location) throw new UrlFetchError(URL_MESSAGES.badRedirect);
    url = parseUrl(location, url);
  }
}

/** The body, refused as soon as it passes `maxBytes` (a Content-Length over it, before reading). */
async function readLimited(fetching: Fetching, response: Response, url: URL): Promise<Uint8Array> {
  const { maxBytes } = fetching.limits;
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new UrlFetchError(URL_MESSAGES.tooBig(maxBytes));
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.byteLength;
      if (length > maxBytes) {
        await reader.cancel();
        throw new UrlFetchError(URL_MESSAGES.tooBig(maxBytes));
      }
      chunks.push(value);
    }
  } catch (error) {
    throw failure(error, fetching, url);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function nameOf(response: Response, url: URL): string {
  const disposition = response.headers.get("content-disposition") ?? "";
  const encoded = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1];
  let fromHeader: string | undefined;
  try {
    fromHeader = encoded ? decodeURIComponent(encoded.trim()) : plain?.trim();
  } catch {
    fromHeader = plain?.trim();
  }
  const segment = url.pathname.split("/").filter(Boolean).at(-1) ?? "";
  let fromPath = segment;
  try {
    fromPath = decodeURIComponent(segment);
  } catch {
    // keep it encoded
  }
  return (fromHeader || fromPath || "document").replace(/[/\\]/g, "_");
}

async function download(fetching: Fetching, start: URL): Promise<FetchedDocument> {
  const { response, url } = await follow(fetching, start);
  if (!response.ok) {
    await response.body?.cancel();
    throw new UrlFetchError(URL_MESSAGES.status(response.status));
  }
  const bytes = await readLimited(fetching, response, url);
  if (bytes.length === 0) throw new UrlFetchError(URL_MESSAGES.empty);
  return { bytes, name: nameOf(response, url), url: url.href };
}

/**
 * The document at `address`, or a `UrlFetchError` in Ukrainian saying why not. Nothing is written
 * anywhere: the bytes are returned to the caller, which imports them like an upload.
 */
export async function fetchDocument(
  address: string,
  options: FetchUrlOptions = {},
): Promise<FetchedDocument> {
  const start = parseUrl(address);
  const limits = { ...urlLimits(), ...options.limits };
  const allow = options.allowAddress ?? isPublicAddress;
  const lookup = options.lookup ?? dnsLookup;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const dispatcher = new Agent({ connect: { lookup: checkingLookup(allow, lookup) } });
  const fetching: Fetching = { limits, allow, lookup, signal: controller.signal, dispatcher };
  // The resolver cannot be cancelled: the deadline also wins a race against it.
  const timedOut = new Promise<never>((_resolve, reject) => {
    controller.signal.addEventListener("abort", () =>
      reject(new UrlFetchError(URL_MESSAGES.timeout(limits.timeoutMs))),
    );
  });
  try {
    return await Promise.race([download(fetching, start), timedOut]);
  } catch (error) {
    throw failure(error, fetching, start);
  } finally {
    clearTimeout(timer);
    void dispatcher.destroy().catch(() => {});
  }
}
