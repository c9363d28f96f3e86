import type { z } from "zod";
import type { Me as ContractMe, User } from "../../../src/contract/auth.js";
import type { ImportedFrom, ImportUrlBody } from "../../../src/contract/import-url.js";
import type {
  checkSchema,
  detailSchema,
  previewSchema,
  savedSchema,
  summarySchema,
} from "../../../src/contract/programmes.js";
import type { ProjectEditAnswer, ProjectEditBody } from "../../../src/contract/project-edit.js";
import type { Finding, Programme } from "../../../src/domain/model.js";
import type { Kopecks, MoneyUnit } from "../../../src/domain/money.js";
import type { ProjectFields } from "../../../src/domain/project-edit.js";
import type { Totals } from "../../../src/domain/totals.js";

/** The API's answers are typed by its contract (src/contract); the list view flattens the summary. */
type ApiSummary = z.infer<typeof summarySchema>;
type ApiDetail = z.infer<typeof detailSchema>;
export const STATUSES = ["draft", "agreed", "adopted", "published"] as const;
export type ProgrammeStatus = (typeof STATUSES)[number];

export interface ProgrammeSummary {
  id: string;
  katottg: string;
  communityName: string;
  title: string;
  periodFrom: number;
  periodTo: number;
  status: ProgrammeStatus;
  totalKopecks: Kopecks;
  versions: number;
  errors: number;
  warnings: number;
  updatedAt: string;
}

/**
 * What the pages read of a version and a detail (the demo data source builds them too). They must be
 * parts of the contract's: normalizeDetail assigns the API's answer to them, so a field the contract
 * lacks fails the typecheck.
 */
export interface VersionInfo {
  version: number;
  createdAt: string;
  kind: string;
  sourceName: string | null;
  note: string | null;
  /** Who saved it; absent or null where it was not recorded (older versions, the demo). */
  author?: string | null;
}

export interface ProgrammeDetail {
  summary: ProgrammeSummary;
  /** The version shown (the API sends it; absent in older answers: the last of `versions`). */
  version?: VersionInfo;
  programme: Programme;
  findings: Finding[];
  totals: Totals;
  versions: VersionInfo[];
}

export type ImportPreview = z.infer<typeof previewSchema>;
export type ImportSaved = z.infer<typeof savedSchema>;

/** An import from a URL also says where the document came from (after redirects). */
export type FromAddress<T> = T & { source: ImportedFrom };

/** The list view's summary from the API's ({ period, total, versionCount }). */
export function normalizeSummary(raw: ApiSummary): ProgrammeSummary {
  return {
    id: String(raw.id),
    katottg: raw.katottg,
    communityName: raw.communityName,
    title: raw.title,
    periodFrom: raw.period.from,
    periodTo: raw.period.to,
    status: raw.status,
    totalKopecks: raw.total,
    versions: raw.versionCount,
    errors: raw.errors,
    warnings: raw.warnings,
    updatedAt: raw.updatedAt,
  };
}

function normalizeDetail(raw: ApiDetail): ProgrammeDetail {
  return { ...raw, summary: normalizeSummary(raw.summary) };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  let message = response.statusText;
  try {
    const body = (await response.json()) as { error?: string; message?: string };
    message = body.error ?? body.message ?? message;
  } catch {
    // not JSON: keep the status text
  }
  return new ApiError(response.status, message);
}

/** The session's CSRF token, sent back in a header with every change (double-submit). */
export const CSRF_HEADER = "x-csrf-token";
let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server answers 401: the session is gone and the user must sign in again. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function failed(error: ApiError): ApiError {
  if (error.status === 401) for (const listener of unauthorizedListeners) listener();
  return error;
}

function requestHeaders(method: string, json: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (json) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers[CSRF_HEADER] = csrfToken;
  return headers;
}

export async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: requestHeaders(method, body !== undefined) };
  if (body !== undefined) init.body = JSON.stringify(body);
  return answerOf<T>(await fetch(url, init));
}

async function answerOf<T>(response: Response): Promise<T> {
  if (!response.ok) throw failed(await errorOf(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Sends one file as multipart/form-data (field "file"), with the session's CSRF token. */
export async function uploadFile<T>(url: string, file: File): Promise<T> {
  const form = new FormData();
  form.append("file", file, file.name);
  const response = await fetch(url, { method: "POST", headers: requestHeaders("POST", false), body: form });
  if (!response.ok) throw failed(await errorOf(response));
  return (await response.json()) as T;
}

export type SessionUser = User;
export type Me = ContractMe;

/** Roles that may import, edit and change the status of programmes. */
export function canEdit(user: SessionUser | null): boolean {
  return user === null || user.role === "admin" || user.role === "head";
}

export const auth = {
  me: () => request<Me>("GET", "/api/auth/me"),
  login: async (login: string, password: string) => {
    const me = await request<Me>("POST", "/api/auth/login", { login, password });
    setCsrfToken(me.csrfToken);
    return me;
  },
  logout: async () => {
    await request<unknown>("POST", "/api/auth/logout");
    setCsrfToken(null);
  },
};

export interface ListQuery {
  q?: string;
  year?: string;
  status?: string;
  katottg?: string;
}

function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export const api = {
  list: async (query: ListQuery = {}) =>
    (await request<ApiSummary[]>("GET", `/api/programmes${queryString({ ...query })}`)).map(normalizeSummary),
  get: async (id: string, version?: number) =>
    normalizeDetail(
      await request<ApiDetail>("GET", `/api/programmes/${encodeURIComponent(id)}${queryString({ version })}`),
    ),
  save: (id: string, programme: Programme, baseVersion?: number) =>
    request<unknown>(
      "PUT",
      `/api/programmes/${encodeURIComponent(id)}${queryString({ baseVersion })}`,
      programme,
    ),
  /** One project's own fields, edited on `baseVersion`; answers only what changed. */
  saveProject: (id: string, itemId: string, project: ProjectFields, baseVersion: number) =>
    request<ProjectEditAnswer>(
      "PATCH",
      `/api/programmes/${encodeURIComponent(id)}/projects/${encodeURIComponent(itemId)}`,
      { baseVersion, project } satisfies ProjectEditBody,
    ),
  validate: (programme: Programme) =>
    request<z.infer<typeof checkSchema>>("POST", "/api/validate", programme),
  setStatus: (id: string, status: string, reason?: string) =>
    request<unknown>("POST", `/api/programmes/${encodeURIComponent(id)}/status`, { status, reason }),
  publicList: async () =>
    (await request<ApiSummary[]>("GET", "/api/public/programmes")).map(normalizeSummary),
  publicGet: async (katottg: string, from: number, to: number) =>
    normalizeDetail(
      await request<ApiDetail>("GET", `/api/public/programmes/${encodeURIComponent(katottg)}/${from}-${to}`),
    ),
  /** A public programme whose request was sent already (the public page's entry sends it). */
  publicFrom: async (response: Promise<Response>) =>
    normalizeDetail(await answerOf<ApiDetail>(await response)),
};

export type ExportFormat = "docx" | "xlsx" | "csv" | "json";
export const EXPORT_FORMATS: ExportFormat[] = ["docx", "xlsx", "csv", "json"];

export function exportUrl(id: string, format: ExportFormat): string {
  return `/api/programmes/${encodeURIComponent(id)}/export.${format}`;
}

/** Open-data download of a published programme (no sign-in). */
export function publicExportUrl(katottg: string, from: number, to: number, format: ExportFormat): string {
  return `/api/public/programmes/${encodeURIComponent(katottg)}/${from}-${to}/export.${format}`;
}

/** The import endpoint with the preview and unit choices in its query. */
/** What a read or save of a document asks the server for. */
export interface ImportRequestOptions {
  dryRun: boolean;
  /** The unit of the task table's amounts, accepted against the header's (`amount.unit-suspect`). */
  unit?: MoneyUnit;
  /** Store a new version even when the programme is identical to the latest version. */
  saveIdentical?: boolean;
}

export function importUrl(options: ImportRequestOptions): string {
  const query = new URLSearchParams();
  if (options.dryRun) query.set("dryRun", "1");
  if (options.unit) query.set("unit", options.unit);
  if (options.saveIdentical) query.set("saveIdentical", "1");
  const text = query.toString();
  return text ? `/api/import?${text}` : "/api/import";
}

/**
 * Uploads a document with XHR (fetch cannot report upload progress). dryRun returns the parsed
 * programme for preview without saving.
 */
export function uploadProgramme<T extends ImportPreview | ImportSaved>(
  file: File,
  options: ImportRequestOptions & {
    onProgress?: (fraction: number) => void;
    signal?: AbortSignal;
  },
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", importUrl(options));
    xhr.responseType = "json";
    if (csrfToken) xhr.setRequestHeader(CSRF_HEADER, csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = xhr.response as (T & { error?: string }) | null;
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve(body);
      else reject(failed(new ApiError(xhr.status, body?.error ?? xhr.statusText ?? "upload failed")));
    };
    xhr.onerror = () => reject(new ApiError(0, "network"));
    xhr.onabort = () => reject(new ApiError(0, "aborted"));
    options.signal?.addEventListener("abort", () => xhr.abort());
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}

/** An address the server may fetch: http or https (it checks the rest: public host, size, time). */
export function isWebAddress(text: string): boolean {
  return /^https?:\/\/[^\s/]+/i.test(text.trim());
}

/** The body of `POST /api/import/url`. */
export function importAddressBody(url: string, options: ImportRequestOptions): ImportUrlBody {
  return {
    url: url.trim(),
    ...(options.dryRun ? { dryRun: true } : {}),
    ...(options.unit ? { unit: options.unit } : {}),
    ...(options.saveIdentical ? { saveIdentical: true } : {}),
  };
}

/** Has the server fetch the council's published document from its address and import it. */
export function importFromAddress<T extends ImportPreview | ImportSaved>(
  url: string,
  options: ImportRequestOptions,
): Promise<FromAddress<T>> {
  return request<FromAddress<T>>("POST", "/api/import/url", importAddressBody(url, options));
}
export { request as apiRequest };
