/**
 * The state of one project's report form and its conversion to the API's report content: amounts are
 * typed in the document's unit with a decimal comma and sent as integer kopecks.
 */
import type { Indicator, Item, Programme, SourceKind } from "../../../src/domain/model.js";
import { SOURCE_LABELS_UK } from "../../../src/domain/model.js";
import type { MoneyUnit } from "../../../src/domain/money.js";
import type { Attachment, AttachmentKind, ReportStatus } from "../../../src/domain/monitoring/reports.js";
import { plannedForYear } from "../../../src/domain/monitoring/rollup.js";
import { type AmountInputError, amountToInput, parseAmountInput } from "../lib/amountInput.js";
import type { ReportContent, StoredReport } from "./reportingApi.js";

let lastKey = 0;
/** A key for a row the user adds or removes (React keeps each row's input with it). */
export const rowKey = (): string => `row-${++lastKey}`;

export interface SourceRow {
  key: string;
  source: Exclude<SourceKind, "total">;
  label: string;
  amount: string;
}

export interface IndicatorRow {
  indicatorIndex: number;
  value: string;
}

export interface ReportFormState {
  status: ReportStatus;
  progress: string;
  actual: SourceRow[];
  text: string;
  indicators: IndicatorRow[];
  attachments: { key: string; kind: AttachmentKind; ref: string; url: string }[];
}

/** The programme's indicators of the item's direction (all of them when none names the direction). */
export function indicatorsFor(programme: Programme, item: Item): { index: number; indicator: Indicator }[] {
  const direction = programme.directions[Number(/^d(\d+)\./.exec(item.id)?.[1] ?? 0) - 1];
  const all = programme.indicators.map((indicator, index) => ({ index, indicator }));
  if (!direction) return all;
  const names = (indicator: Indicator) => {
    const text = indicator.direction.trim();
    return text !== "" && (text === direction.number.trim() || direction.title.includes(text));
  };
  const own = all.filter(({ indicator }) => names(indicator));
  return own.length > 0 ? own : all;
}

/** A new form: the planned sources of the year with zero amounts. */
export function emptyForm(programme: Programme, item: Item, year: number): ReportFormState {
  const planned = plannedForYear(item, year);
  const sources = Object.keys(planned) as SourceRow["source"][];
  return {
    status: "in-progress",
    progress: "",
    actual: sources.map((source) => ({
      key: rowKey(),
      source,
      label: item.funding.find((row) => row.source === source)?.label ?? SOURCE_LABELS_UK[source],
      amount: "0",
    })),
    text: "",
    indicators: indicatorsFor(programme, item).map(({ index }) => ({ indicatorIndex: index, value: "" })),
    attachments: [],
  };
}

export function formOf(report: StoredReport, programme: Programme, item: Item): ReportFormState {
  const known = new Map(report.indicatorActuals.map((entry) => [entry.indicatorIndex, entry.value ?? ""]));
  return {
    status: report.status,
    progress: report.progressPercent === undefined ? "" : String(report.progressPercent).replace(".", ","),
    actual: report.actual.map((row) => ({
      key: rowKey(),
      source: row.source as SourceRow["source"],
      label: row.label,
      amount: amountToInput(row.amount, programme.unit),
    })),
    text: report.text,
    indicators: indicatorsFor(programme, item).map(({ index }) => ({
      indicatorIndex: index,
      value: known.get(index) ?? "",
    })),
    attachments: report.attachments.map((attachment) => ({
      key: rowKey(),
      kind: attachment.kind,
      ref: attachment.ref,
      url: attachment.url ?? "",
    })),
  };
}

export type FormCheck =
  | { ok: true; content: ReportContent }
  | { ok: false; amountErrors: Map<number, AmountInputError>; progressError: boolean };

export function checkForm(state: ReportFormState, unit: MoneyUnit): FormCheck {
  const amountErrors = new Map<number, AmountInputError>();
  const actual = state.actual.map((row, index) => {
    const parsed = parseAmountInput(row.amount, unit);
    if (!parsed.ok) amountErrors.set(index, parsed.error);
    return { source: row.source, label: row.label, amount: parsed.ok ? parsed.kopecks : 0 };
  });
  const progressText = state.progress.trim().replace(",", ".");
  const progress = progressText === "" ? undefined : Number(progressText);
  const progressError =
    progress !== undefined && (!Number.isFinite(progress) || progress < 0 || progress > 100);
  if (amountErrors.size > 0 || progressError) return { ok: false, amountErrors, progressError };
  const attachments: Attachment[] = state.attachments
    .filter((attachment) => attachment.ref.trim() !== "")
    .map((attachment) => ({
      kind: attachment.kind,
      ref: attachment.ref.trim(),
      ...(attachment.url.trim() ? { url: attachment.url.trim() } : {}),
    }));
  const content: ReportContent = {
    status: state.status,
    actual,
    text: state.text,
    attachments,
    indicatorActuals: state.indicators
      .filter((row) => row.value.trim() !== "")
      .map((row) => ({ indicatorIndex: row.indicatorIndex, value: row.value.trim() })),
  };
  if (progress !== undefined) content.progressPercent = progress;
  return { ok: true, content };
}
