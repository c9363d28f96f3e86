/**
 * What every annual report file is made from, and the parts all of them print: the title block
 * (programme, community, KATOTTG, year, date of compilation) and the programme head's signature.
 */
import { ukrainianDate } from "../../domain/format.js";
import type { PassportField, Programme } from "../../domain/model.js";
import type { Cadence } from "../../domain/monitoring/periods.js";
import type { ExecutorReport } from "../../domain/monitoring/reports.js";

export interface ReportInput {
  programme: Programme;
  /** Every executor report filed; drafts and corrected reports are sorted out by the monitoring module. */
  reports: readonly ExecutorReport[];
  year: number;
  /** Date of compilation, "YYYY-MM-DD"; today (UTC) when not given. */
  compiledOn?: string;
  /** How often executors report (for the timeliness criterion of the evaluation); half-yearly by default. */
  cadence?: Cadence;
}

export interface TitleLine {
  label: string;
  value: string;
}

export function compiledOn(input: ReportInput): string {
  return input.compiledOn ?? new Date().toISOString().slice(0, 10);
}

export const TITLE_LABELS = {
  programme: "Програма",
  community: "Територіальна громада",
  katottg: "Код КАТОТТГ",
  year: "Звітний рік",
  compiledOn: "Дата складання",
} as const;

export function titleBlock(input: ReportInput): TitleLine[] {
  const { programme } = input;
  return [
    { label: TITLE_LABELS.programme, value: programme.title },
    { label: TITLE_LABELS.community, value: programme.community.name },
    { label: TITLE_LABELS.katottg, value: programme.community.katottg },
    { label: TITLE_LABELS.year, value: String(input.year) },
    { label: TITLE_LABELS.compiledOn, value: ukrainianDate(compiledOn(input)) },
  ];
}

export const SIGNATURE_HEADING = "Керівник Програми";

export interface ProgrammeHead {
  position: string;
  name: string;
}

/**
 * Passport field 7 of Resolution No. 119 is "Керівник програми". Found by its label first, since
 * some programmes number their passport differently; field 7 is taken by number only when its label
 * is missing. No such field: both parts empty, for the head to fill in by hand.
 */
export function headField(fields: PassportField[]): PassportField | undefined {
  return (
    fields.find((field) => /керівник/i.test(field.label)) ??
    fields.find((field) => field.number === 7 && field.label.trim() === "")
  );
}

const GIVEN = "[А-ЯІЇЄҐ][а-яіїєґ'’ʼ-]+";
const SURNAME = "[А-ЯІЇЄҐ][А-ЯІЇЄҐ'’ʼ-]{2,}";
/** "Яна ХАБАРОВА" or "ХАБАРОВА Яна": the way documents print a signatory. */
const NAME = `(?:${GIVEN}\\s+${SURNAME}|${SURNAME}\\s+${GIVEN})`;
const NAME_FIRST = new RegExp(`^(${NAME})\\s*[–—,-]?\\s*(.*)$`, "su");
const NAME_LAST = new RegExp(`^(.*?)[\\s,–—-]+(${NAME})\\s*\\.?$`, "su");

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Splits "заступник міського голови … Лілія ГОРОДЕЦЬКА" or "Наталія ШАБЕЛЬНИК – керуючий справами …". */
export function splitHead(value: string): ProgrammeHead {
  const text = value.replace(/\s+/g, " ").trim();
  const last = NAME_LAST.exec(text);
  if (last) return { position: capitalise((last[1] ?? "").trim()), name: last[2] ?? "" };
  const first = NAME_FIRST.exec(text);
  if (first) return { position: capitalise((first[2] ?? "").trim()), name: first[1] ?? "" };
  return { position: capitalise(text), name: "" };
}

export function programmeHead(programme: Programme): ProgrammeHead {
  const field = headField(programme.passport.fields);
  return field ? splitHead(field.value) : { position: "", name: "" };
}
