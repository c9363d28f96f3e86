import {
  assignItemIds,
  emptyProgramme,
  type ImportResult,
  type PassportField,
  type Programme,
  ref,
} from "../../domain/model.js";
import type { MoneyUnit } from "../../domain/money.js";
import { programmeTotals } from "../../domain/totals.js";
import { type Block, NotAProgrammeError, type Table, type TableRow } from "../blocks.js";
import { isColumnNumberRow, isYearRow } from "./columns.js";
import { communityNamed } from "./community-name.js";
import { NumberLedger } from "./coverage.js";
import { FindingLog } from "./findings.js";
import { isIndicatorTable, readIndicators } from "./indicators.js";
import { isMonitoringTable, readMonitoring } from "./monitoring.js";
import { findPassport, type PassportRead, PERIOD, passportUnit, readPassportFunding } from "./passport.js";
import { readFundingSummary, seeFundingSummary } from "./resources.js";
import { readSections, readTitle } from "./sections.js";
import { sourceFromPassport } from "./source-from-passport.js";
import {
  isCapitalHeading,
  isDirectionHeading,
  isTaskHeading,
  isTaskTable,
  readTaskTable,
  type TaskTable,
} from "./tasks.js";
import { checkProgrammeUnit, checkRowUnits } from "./units.js";

const KATOTTG = /UA\s?(\d{17})/;
/** A one-year term in field 9: "2024 рік", "на 2024 рік", "2024 р.", "2024". */
const ONE_YEAR = /^(?:на\s+)?(20\d\d)\s*(?:р\.?|рік)?\.?$/iu;

function field(fields: PassportField[], number: number): PassportField | undefined {
  return fields.find((each) => each.number === number);
}

/**
 * One finding for a passport in the typical local programme's form: which of its fields were read as
 * which field of the model passport; the validator names each model field still missing.
 */
function warnOldForm(read: PassportRead, community: string, log: FindingLog): void {
  const mapped = read.fields.map((each) => `«${each.label}» — як поле ${each.number}`).join("; ");
  const message =
    "Паспорт складено за формою типової місцевої програми, а не за примірною програмою інформатизації " +
    `(наказ Мінцифри № 160 від 28.10.2024): прочитано ${mapped}.${community} Решту полів (1–10) потрібно заповнити.`;
  log.warn("passport-old-form", message, read.fields[0]?.line ?? 0, ref.passport(1));
}

/**
 * The old form has no field 1: the community its title or one of its fields names, in the genitive
 * («… Березівської сільської ради»), and a sentence for the finding saying where it was read.
 */
function oldFormCommunity(
  programme: Programme,
  read: PassportRead,
  approval: string,
): { name: string; source: string } {
  const printed = read.printed ?? [];
  const found = communityNamed([programme.title, ...printed.map((each) => each.value), approval]);
  if (!found) return { name: "", source: "" };
  const where =
    found.index === 0
      ? "заголовком"
      : found.index > printed.length
        ? "рішенням про затвердження"
        : `полем «${printed[found.index - 1]?.label}»`;
  return { name: found.name, source: ` Громаду («${found.name}») визначено за ${where}.` };
}

function warnNoCommunity(line: number, log: FindingLog): void {
  log.warn("no-community", "У паспорті не знайдено назви громади (поле 1)", line, ref.passport(1));
}

/** «ЗАТВЕРДЖЕНО», «рішенням», «Рішення»: the words of a council's approval above the programme. */
const APPROVAL = /(?:затверджено|рішенн\p{L}*)/iu;
/** The paragraphs at the top, before the first table, where a council's approval stands. */
const HEAD_PARAGRAPHS = 15;
/** How much of the approval, from its first word, may name the council. */
const APPROVAL_CHARS = 200;

/**
 * The approval printed at the top («ЗАТВЕРДЖЕНО рішенням Роменської міської ради від … № …», over a
 * line or several): its text from its first word, with the lines after it, where a council is named.
 */
function approvalText(blocks: Block[]): string {
  const first = blocks.findIndex((block) => block.kind === "table");
  const head = blocks.slice(0, first < 0 ? HEAD_PARAGRAPHS : Math.min(first, HEAD_PARAGRAPHS));
  const text = head.flatMap((block) => (block.kind === "paragraph" ? [block.text] : [])).join(" ");
  const at = APPROVAL.exec(text)?.index;
  return at === undefined ? "" : text.slice(at, at + APPROVAL_CHARS);
}

function readIdentity(programme: Programme, read: PassportRead, log: FindingLog, blocks: Block[]): void {
  const fields = read.fields;
  const name = field(fields, 1);
  // No field 1 naming it: the community the approval at the top names, if it does.
  programme.community.name = name?.value || (communityNamed([approvalText(blocks)])?.name ?? "");
  const code = field(fields, 2);
  const katottg = KATOTTG.exec(code?.value ?? "");
  programme.community.katottg = katottg ? `UA${katottg[1]}` : "";
  if (read.oldForm) {
    const community = oldFormCommunity(programme, read, approvalText(blocks));
    programme.community.name = community.name;
    warnOldForm(read, community.source, log);
    if (!community.name) warnNoCommunity(read.fields[0]?.line ?? 0, log);
    return;
  }
  if (!programme.community.name) warnNoCommunity(name?.line ?? 0, log);
  if (!katottg)
    log.warn("no-katottg", "У паспорті не знайдено коду КАТОТТГ (поле 2)", code?.line ?? 0, ref.passport(2));
}

type Period = Programme["period"];

/** The term the document states: passport field 9, else the title, else a task table's heading. */
function statedPeriod(fields: PassportField[], title: string, blocks: Block[]): Period | null {
  const term = field(fields, 9);
  const match = PERIOD.exec(term?.value ?? "") ?? PERIOD.exec(title);
  if (match) return { from: Number(match[1]), to: Number(match[2]) };
  const single = ONE_YEAR.exec(term?.value.trim() ?? "");
  if (single) return { from: Number(single[1]), to: Number(single[1]) };
  if (fields.length > 0) return null;
  // A task table published alone: its heading names the term ("… на 2026-2028 роки").
  const heading = blocks
    .slice(0, 20)
    .flatMap((block) => (block.kind === "paragraph" ? [PERIOD.exec(block.text)] : []))
    .find(Boolean);
  return heading ? { from: Number(heading[1]), to: Number(heading[2]) } : null;
}

function readPeriod(
  programme: Programme,
  fields: PassportField[],
  tasks: TaskTable | null,
  log: FindingLog,
  stated: Period | null,
): void {
  if (stated) {
    programme.period = stated;
    return;
  }
  const years = (tasks?.years ?? []).map(Number);
  if (years.length > 0) programme.period = { from: Math.min(...years), to: Math.max(...years) };
  log.warn(
    "no-period",
    "Строк виконання програми (поле 9) не прочитано; взято роки з таблиці завдань",
    field(fields, 9)?.line ?? 0,
    ref.passport(9),
  );
}

function noAmounts(tasks: TaskTable): boolean {
  const rows = [
    ...tasks.declaredTotals,
    ...tasks.directions.flatMap((direction) => direction.declaredTotals),
  ];
  const visit = (items: TaskTable["directions"][number]["items"]): boolean =>
    items.every(
      (item) => item.funding.every((row) => row.total === 0 && !row.totalPrinted) && visit(item.children),
    );
  return (
    rows.every((row) => row.total === 0 && !row.totalPrinted) && tasks.directions.every((d) => visit(d.items))
  );
}

function applyTasks(
  programme: Programme,
  table: Table,
  log: FindingLog,
  ledger: NumberLedger,
  unit: MoneyUnit | undefined,
  period: Period | null,
): TaskTable | null {
  const tasks = readTaskTable(table, log, ledger, unit, period);
  if (!tasks) return null;
  programme.directions = tasks.directions;
  programme.declaredTotals = tasks.declaredTotals;
  programme.unit = tasks.unit;
  if (noAmounts(tasks))
    log.warn(
      "no-amounts",
      "Таблиця завдань не містить жодної суми фінансування",
      table.line,
      ref.programme(),
    );
  return tasks;
}

function applyPassport(
  programme: Programme,
  passport: PassportRead | null,
  log: FindingLog,
  ledger: NumberLedger,
): void {
  if (!passport) return; // a task table only: the validator's one `passport.absent` says so
  programme.passport.fields = passport.fields;
  const taskTotals = programme.directions.length > 0 ? programmeTotals(programme) : null;
  readPassportFunding(passport, passportUnit(passport) ?? programme.unit, log, ledger, taskTotals);
  programme.passport.funding = passport.funding;
}

const ANNEX = /^додаток\s*(?:№\s*)?\d/i;

/** As wide as the task table, with item numbers or amounts: the task table going on. */
function looksLikeTaskRows(block: Table, table: Table): boolean {
  const width = Math.max(...table.rows.map((row) => row.cells.length));
  const own = Math.max(...block.rows.map((row) => row.cells.length));
  const numbered = block.rows.some((row) => /^\d{1,3}(?:\.\d{1,3})*[.)]?(?:\s|$)/.test(row.cells[0] ?? ""));
  const amounts = block.rows.some((row) =>
    row.cells.some((cell) => /^\d[\d\s]*(?:[.,]\d+)?$/.test(cell.trim())),
  );
  return own >= width - 2 && own <= width + 1 && (numbered || amounts);
}

const filledCells = (row: { cells: string[] } | undefined): string =>
  (row?.cells ?? [])
    .map((cell) => cell.replace(/\s+/g, " ").trim())
    .filter((cell) => cell !== "")
    .join("\t");

/** Starts with the table's own first row: a table split at a page break, its header repeated. */
function repeatsHeader(block: Table, table: Table): boolean {
  const header = filledCells(table.rows[0]);
  return header !== "" && filledCells(block.rows[0]) === header;
}

/**
 * The table with the tables after it that continue it after a page break: those that repeat its
 * header, and headerless ones of its width with numbers (`looksLikeTaskRows`). Another annex's
 * heading or table ends it. A direction heading printed between them as a line of its own, without
 * the row's empty cells ("1. Назва", "Напрям 2", "II. Назва"), is the direction row of the rows after it.
 */
function withContinuations(blocks: Block[], table: Table | undefined): Table | undefined {
  if (!table) return undefined;
  const rows = [...table.rows];
  let headings: TableRow[] = [];
  for (const block of blocks.slice(blocks.indexOf(table) + 1)) {
    if (block.kind === "paragraph" && ANNEX.test(block.text)) break;
    if (block.kind === "paragraph" && isHeadingLine(block.text))
      headings.push({ cells: [block.text], line: block.line });
    if (block.kind !== "table") continue;
    if (!repeatsHeader(block, table) && (isAnyAnnexTable(block) || !looksLikeTaskRows(block, table))) break;
    rows.push(...headings, ...block.rows);
    headings = [];
  }
  return rows.length === table.rows.length ? table : { ...table, rows };
}

/** A direction's or a task's heading printed as a line of its own between the parts of the table. */
function isHeadingLine(text: string): boolean {
  return isDirectionHeading(text) || isCapitalHeading(text) || isTaskHeading(text);
}

function isAnyAnnexTable(block: Table): boolean {
  return isTaskTable(block) || isIndicatorTable(block) || isMonitoringTable(block);
}

/**
 * Turns blocks into a programme: the passport, the narrative sections, the task table (annex 1)
 * and the indicator annex (annex 2). Where the document is unclear it says so in `import.*`
 * findings; a document with neither a passport nor a task table is not a programme.
 */
export interface InterpretOptions {
  /**
   * The unit of the task table's amounts as the user accepted it (`--unit`, `?unit=`, the preview's
   * button); without it the header's unit is read and checked (`amount.unit-suspect`).
   */
  unit?: MoneyUnit;
}

/** Passport field 1, the title and the headings before the first table: where the community is named. */
function communityText(programme: Programme, blocks: Block[]): string {
  const headings = blocks.slice(0, 20).flatMap((block) => (block.kind === "paragraph" ? [block.text] : []));
  return [programme.community.name, programme.title, ...headings].join(" ");
}

function checkUnit(
  programme: Programme,
  tasks: TaskTable,
  blocks: Block[],
  line: number,
  log: FindingLog,
): void {
  const evidence = {
    programme,
    amountTexts: tasks.amountTexts,
    communityText: communityText(programme, blocks),
    line,
  };
  const finding = checkProgrammeUnit(evidence);
  if (finding) log.addFinding(finding);
  else checkRowUnits(programme, tasks.rowTexts, log);
}

/**
 * The monitoring variables' table and the indicator list. A table that reads as either (a name, a unit,
 * a source of data, a baseline, values by year: «Показники результативності») is the indicator list
 * when the document has no other, unless its header names variables or its caption monitoring.
 */
function indicatorAnnexes(blocks: Block[], annexes: Table[]): { monitoring?: Table; indicators?: Table } {
  const monitoring = annexes.find(isMonitoringTable);
  const indicators = annexes.find((table) => table !== monitoring && isIndicatorTable(table));
  if (indicators || !monitoring || !isIndicatorTable(monitoring) || namesMonitoring(blocks, monitoring)) {
    return { monitoring, indicators };
  }
  return { indicators: monitoring };
}

const MONITORING_WORDS = /змінн|моніторинг/i;

/** The table's header, or a paragraph of the caption just above it, speaks of variables or monitoring. */
function namesMonitoring(blocks: Block[], table: Table): boolean {
  const header = table.rows.slice(0, 3).flatMap((row) => row.cells);
  if (header.some((cell) => MONITORING_WORDS.test(cell))) return true;
  const at = blocks.indexOf(table);
  const caption = blocks.slice(Math.max(0, at - 3), at).filter((block) => block.kind === "paragraph");
  return caption.some((block) => MONITORING_WORDS.test(block.text));
}

/** Words of a header over amounts: «Обсяг фінансування», «Вартість», «тис. грн». */
const MONEY_HEADING = /обсяг|фінансуванн|вартіст|тис\.\s*грн/i;

function holdsPassport(table: Table, passport: PassportRead | null): boolean {
  const lines = new Set(table.rows.map((row) => row.line));
  return passport?.fields.some((field) => lines.has(field.line)) ?? false;
}

/**
 * No task table read: the tables no reader took whose first rows speak of money may be it, with a
 * header no rule knows. The finding points at the first; their numbers are named unread, none lost unsaid.
 */
function reportNoTaskTable(unread: Table[], log: FindingLog, ledger: NumberLedger): void {
  const likely = unread.filter((table) =>
    table.rows.slice(0, 4).some((row) => row.cells.some((cell) => MONEY_HEADING.test(cell))),
  );
  for (const table of likely)
    for (const row of table.rows)
      if (!isColumnNumberRow(row.cells) && !isYearRow(row.cells, true)) ledger.seeRow(row.line, row.cells);
  const [first] = likely;
  const message = first
    ? `Таблицю завдань (додаток 1) не знайдено: таблиця в рядку ${first.line} має обсяги фінансування, але її стовпців не розпізнано — її числа названо окремо`
    : "Таблицю завдань (додаток 1) не знайдено";
  log.add("no-task-table", message, first?.line ?? 0, ref.programme());
}

export function interpretBlocks(blocks: Block[], options: InterpretOptions = {}): ImportResult {
  const log = new FindingLog();
  const programme = emptyProgramme();
  const tables = blocks.filter((block): block is Table => block.kind === "table");
  const taskTable = withContinuations(blocks, tables.find(isTaskTable));
  const passport = findPassport(blocks, isAnyAnnexTable);
  if (!taskTable && !passport) {
    throw new NotAProgrammeError(
      "Документ не схожий на програму інформатизації: немає ні паспорта, ні таблиці завдань",
    );
  }
  programme.title = readTitle(blocks);
  const ledger = new NumberLedger();
  const period = statedPeriod(passport?.fields ?? [], programme.title, blocks);
  const tasks = taskTable ? applyTasks(programme, taskTable, log, ledger, options.unit, period) : null;
  applyPassport(programme, passport, log, ledger);
  if (taskTable) sourceFromPassport(programme, taskTable.line, log);
  if (passport) readIdentity(programme, passport, log, blocks);
  // A task table published alone names its community in its caption, if anywhere.
  else programme.community.name = communityNamed([programme.title, approvalText(blocks)])?.name ?? "";
  readPeriod(programme, passport?.fields ?? [], tasks, log, period);
  if (tasks && taskTable && !options.unit) checkUnit(programme, tasks, blocks, taskTable.line, log);
  const stop = taskTable ? blocks.findIndex((block) => block.line === taskTable.line) : blocks.length;
  programme.sections = readSections(blocks, stop);
  const annexes = tables.filter((table) => table.line !== taskTable?.line);
  const { monitoring, indicators } = indicatorAnnexes(blocks, annexes);
  const monitoringTable = withContinuations(blocks, monitoring);
  const indicatorTable = withContinuations(blocks, indicators);
  programme.indicators = indicatorTable ? readIndicators(indicatorTable, ledger) : [];
  const variables = monitoringTable ? readMonitoring(monitoringTable, ledger) : [];
  const read = [monitoringTable, indicatorTable].map((table) => table?.line);
  const unread: Table[] = [];
  for (const table of annexes) {
    if (read.includes(table.line)) continue;
    if (programme.resources) {
      seeFundingSummary(table, ledger);
      continue;
    }
    const resources = readFundingSummary(table, ledger, programme.unit);
    if (resources) programme.resources = resources;
    else unread.push(table);
  }
  if (!taskTable)
    reportNoTaskTable(
      unread.filter((table) => !holdsPassport(table, passport)),
      log,
      ledger,
    );
  if (variables.length > 0) programme.monitoring = variables;
  assignItemIds(programme);
  const coverage = ledger.close(log);
  return { programme, findings: log.resolve(), coverage };
}
