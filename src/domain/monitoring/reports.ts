import type { SourceKind } from "../model.js";
import type { Kopecks } from "../money.js";
import { parsePeriodKey } from "./periods.js";

export const REPORT_STATUSES = ["not-started", "in-progress", "done", "cancelled", "postponed"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS_UK: Record<ReportStatus, string> = {
  "not-started": "не розпочато",
  "in-progress": "виконується",
  done: "виконано",
  cancelled: "скасовано",
  postponed: "перенесено",
};

export const ATTACHMENT_KINDS = ["prozorro", "dream", "file", "link"] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export interface Attachment {
  kind: AttachmentKind;
  /** ProZorro tender ID, DREAM project ID, stored file key or link title. */
  ref: string;
  url?: string;
}

/** Money actually spent on the project in the period, per source (like a FundingRow for one period). */
export interface ActualFunding {
  source: SourceKind;
  label: string;
  amount: Kopecks;
}

/** A value of the programme's indicator number `indicatorIndex` (index in `programme.indicators`). */
export interface IndicatorActual {
  indicatorIndex: number;
  /** As entered: "41,0", "Так", "+". */
  value?: string;
  /** Raw monitoring variables for the indicator's formula, e.g. { A: 41, B: 100 }. */
  variables?: Record<string, number>;
}

/**
 * One executor's report on one project (a leaf item) for one reporting period. A submitted report is
 * never edited: a correction is a new report with `correctionOf` set to the id of the one it corrects.
 */
export interface ExecutorReport {
  id: string;
  itemId: string;
  /** ReportingPeriod.key: "2026-H1", "2026-Q3", "2026-Y". */
  periodKey: string;
  /** The organisational unit that reports. */
  unit: string;
  status: ReportStatus;
  actual: ActualFunding[];
  progressPercent?: number;
  text: string;
  attachments: Attachment[];
  indicatorActuals: IndicatorActual[];
  /** ISO timestamp; null while a draft. */
  submittedAt: string | null;
  lockedAt: string | null;
  correctionOf?: string;
}

const PROZORRO_TENDER = /^UA-(\d{4})-(\d{2})-(\d{2})-(\d{6})-([a-z])$/;

/** A ProZorro tender ID such as "UA-2026-01-15-000123-a" (the date part must be a real date). */
export function isProzorroTenderId(id: string): boolean {
  const match = PROZORRO_TENDER.exec(id.trim());
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function prozorroTenderUrl(id: string): string | null {
  const trimmed = id.trim();
  return isProzorroTenderId(trimmed) ? `https://prozorro.gov.ua/tender/${trimmed}` : null;
}

/**
 * DREAM project IDs as the public DREAM portal shows them, e.g. "DREAM-UA-130222-96D13B33"
 * (country, DDMMYY, eight hex digits). The format was not verified against an official spec here.
 */
const DREAM_PROJECT = /^DREAM-[A-Z]{2}-\d{6}-[0-9A-F]{8}$/;

export function isDreamProjectId(id: string): boolean {
  return DREAM_PROJECT.test(id.trim().toUpperCase());
}

export function dreamProjectUrl(id: string): string | null {
  const normalized = id.trim().toUpperCase();
  return isDreamProjectId(normalized) ? `https://dream.gov.ua/ua/project/${normalized}/profile` : null;
}

/** The attachment with its URL filled in for ProZorro and DREAM references. */
export function withAttachmentUrl(attachment: Attachment): Attachment {
  if (attachment.kind === "prozorro")
    return { ...attachment, url: prozorroTenderUrl(attachment.ref) ?? undefined };
  if (attachment.kind === "dream")
    return { ...attachment, url: dreamProjectUrl(attachment.ref) ?? undefined };
  return attachment;
}

/** The content a correction may change; the rest (item, period, unit) stays the original's. */
export type CorrectionInput = Pick<ExecutorReport, "id" | "submittedAt"> &
  Partial<
    Pick<
      ExecutorReport,
      "status" | "actual" | "progressPercent" | "text" | "attachments" | "indicatorActuals" | "unit"
    >
  >;

/** A new report correcting `original`; the original is left as it is. */
export function applyCorrection(original: ExecutorReport, correction: CorrectionInput): ExecutorReport {
  if (correction.id === original.id) throw new Error("a correction needs an id of its own");
  return {
    ...structuredClone(original),
    ...structuredClone(correction),
    itemId: original.itemId,
    periodKey: original.periodKey,
    lockedAt: null,
    correctionOf: original.id,
  };
}

const reportKey = (report: Pick<ExecutorReport, "itemId" | "periodKey">): string =>
  `${report.itemId}\u0000${report.periodKey}`;

/**
 * The effective submitted report per item and period: among submitted reports that no other
 * submitted report corrects, the newest by `submittedAt` (ties: the later one in the list).
 * Drafts (submittedAt null) are ignored.
 */
export function latestEffective(reports: readonly ExecutorReport[]): ExecutorReport[] {
  const submitted = reports.filter((report) => report.submittedAt !== null);
  const corrected = new Set(
    submitted.flatMap((report) => (report.correctionOf ? [report.correctionOf] : [])),
  );
  const best = new Map<string, ExecutorReport>();
  for (const report of submitted) {
    if (corrected.has(report.id)) continue;
    const key = reportKey(report);
    const current = best.get(key);
    if (!current || (current.submittedAt ?? "") <= (report.submittedAt ?? "")) best.set(key, report);
  }
  return [...best.values()];
}

/**
 * When each item's report for each period was first submitted (key "itemId periodKey"), corrections
 * included: a corrected report still counts as filed when its original was.
 */
export function firstSubmissions(reports: readonly ExecutorReport[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const report of reports) {
    if (report.submittedAt === null) continue;
    const key = submissionKey(report.itemId, report.periodKey);
    const known = out.get(key);
    if (!known || report.submittedAt < known) out.set(key, report.submittedAt);
  }
  return out;
}

export const submissionKey = (itemId: string, periodKey: string): string => `${itemId} ${periodKey}`;

/** Effective reports whose period falls in `year`. */
export function reportsOfYear(reports: readonly ExecutorReport[], year: number): ExecutorReport[] {
  return reports.filter((report) => parsePeriodKey(report.periodKey)?.year === year);
}

export function totalActual(report: Pick<ExecutorReport, "actual">): Kopecks {
  return report.actual.reduce((sum, row) => sum + row.amount, 0);
}
