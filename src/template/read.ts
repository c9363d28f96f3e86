/**
 * Reads infoprog's flat template records (from the CSV or the XLSX sheets) back into a programme.
 * Bad cells become findings that name the cell; the rest of the record is still read.
 */
import {
  assignItemIds,
  type ByYear,
  type DeclaredFunding,
  emptyProgramme,
  type Finding,
  type FundingRow,
  type ImportResult,
  type Item,
  type Programme,
  ref,
  SOURCE_LABELS_UK,
  type SourceKind,
  type YearSpans,
} from "../domain/model.js";
import type { MoneyUnit } from "../domain/money.js";
import { type RuleCode, severityOf } from "../domain/rules/table.js";
import { classifySource } from "../domain/sources.js";
import {
  type CellValue,
  EXECUTOR_SEPARATOR,
  isSectionKey,
  isSourceKind,
  NO,
  parseDeadlineCode,
  type RecordKind,
  TARGET_PREFIX,
  YEAR_PREFIX,
  YES,
} from "./records.js";

export interface SourceRecord {
  record: RecordKind;
  values: Record<string, CellValue>;
  /** Row number in the sheet or CSV file (1-based, header included). */
  line: number;
  /** "Завдання!L12"-style address of a column of this record. */
  address(key: string): string;
}

function text(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  return typeof value === "number" ? String(value) : value;
}

const SOURCE_BY_LABEL = new Map<string, SourceKind>(
  Object.entries(SOURCE_LABELS_UK).map(([kind, label]) => [label, kind as SourceKind]),
);

class RecordReader {
  readonly findings: Finding[] = [];
  period = { from: 0, to: 0 };

  /** Where findings point: the programme, or the item whose row is being read. */
  private reference = ref.programme();

  finding(code: RuleCode, row: SourceRecord, message: string): void {
    const severity = severityOf(code);
    this.findings.push({ code, severity, message, location: { line: row.line, ref: this.reference } });
  }

  /** Runs `read` with findings pointing at `reference`. */
  within<T>(reference: string, read: () => T): T {
    const outer = this.reference;
    this.reference = reference;
    try {
      return read();
    } finally {
      this.reference = outer;
    }
  }

  str(row: SourceRecord, key: string): string {
    return text(row.values[key]);
  }

  /** An integer cell: null when empty, undefined (with a finding) when not an integer. */
  integer(row: SourceRecord, key: string): number | null | undefined {
    const value = row.values[key];
    if (typeof value === "number") {
      if (Number.isSafeInteger(value)) return value;
    } else {
      const raw = text(value).replace(/[\s\u00a0]/g, "");
      if (raw === "") return null;
      if (/^-?\d+$/.test(raw) && Number.isSafeInteger(Number(raw))) return Number(raw);
    }
    this.finding(
      "import.bad-number",
      row,
      `Комірка ${row.address(key)}: «${text(value)}» — очікується ціле число (суми — у копійках).`,
    );
    return undefined;
  }

  line(row: SourceRecord, key = "line"): number {
    return Math.max(0, this.integer(row, key) ?? 0);
  }

  source(row: SourceRecord): SourceKind {
    const raw = this.str(row, "source").trim();
    if (isSourceKind(raw)) return raw;
    const byLabel = SOURCE_BY_LABEL.get(raw.toLowerCase()) ?? classifySource(raw);
    if (byLabel !== "unspecified") return byLabel;
    this.finding("import.bad-source", row, `Комірка ${row.address("source")}: невідоме джерело «${raw}».`);
    return "unspecified";
  }

  byYear(row: SourceRecord, prefix: string): ByYear {
    const out: ByYear = {};
    for (const key of Object.keys(row.values)) {
      const year = key.startsWith(prefix) ? key.slice(prefix.length) : "";
      if (!/^\d{4}$/.test(year)) continue;
      const amount = this.integer(row, key);
      if (amount === null || amount === undefined) continue;
      out[year] = amount;
      const inPeriod = Number(year) >= this.period.from && Number(year) <= this.period.to;
      if (!inPeriod) {
        this.finding(
          "import.year-outside-period",
          row,
          `Комірка ${row.address(key)}: ${year} рік поза періодом програми ${this.period.from}–${this.period.to}.`,
        );
      }
    }
    return out;
  }

  /** Amounts given for several years at once: the columns keyed by a span ("y2026-2027"). */
  spans(row: SourceRecord): YearSpans {
    const out: YearSpans = {};
    for (const key of Object.keys(row.values)) {
      const span = key.startsWith(YEAR_PREFIX) ? key.slice(YEAR_PREFIX.length) : "";
      if (!/^\d{4}-\d{4}$/.test(span)) continue;
      const amount = this.integer(row, key);
      if (amount !== null && amount !== undefined) out[span] = amount;
    }
    return out;
  }

  funding(row: SourceRecord): FundingRow {
    const byYear = this.byYear(row, YEAR_PREFIX);
    const spans = this.spans(row);
    const printed = this.str(row, "total_printed").trim().toLowerCase();
    const total = this.integer(row, "total");
    const funding: FundingRow = {
      source: this.source(row),
      label: this.str(row, "source_label"),
      byYear,
      total:
        total ?? [...Object.values(byYear), ...Object.values(spans)].reduce((sum, amount) => sum + amount, 0),
      line: this.line(row),
    };
    if (Object.keys(spans).length > 0) funding.spans = spans;
    if (printed === YES || printed === "true" || printed === "1") funding.totalPrinted = true;
    else if (printed === NO || printed === "false" || printed === "0" || total === null)
      funding.totalPrinted = false;
    const note = row.values.note;
    if (note !== null && note !== undefined && text(note) !== "") funding.note = text(note);
    return funding;
  }
}

function readMeta(programme: Programme, rows: SourceRecord[], reader: RecordReader): void {
  for (const row of rows) {
    const value = reader.str(row, "value");
    switch (reader.str(row, "key").trim()) {
      case "title":
        programme.title = value;
        break;
      case "community":
        programme.community.name = value;
        break;
      case "katottg":
        programme.community.katottg = value;
        break;
      case "period_from":
        programme.period.from = reader.integer(row, "value") ?? 0;
        break;
      case "period_to":
        programme.period.to = reader.integer(row, "value") ?? 0;
        break;
      case "unit":
        programme.unit = readUnit(value, row, reader);
        break;
    }
  }
  reader.period = programme.period;
}

function readUnit(value: string, row: SourceRecord, reader: RecordReader): MoneyUnit {
  if (value === "million" || value === "thousand" || value === "uah") return value;
  reader.finding(
    "import.bad-unit",
    row,
    `Комірка ${row.address("value")}: одиниця має бути thousand, uah або million.`,
  );
  return "thousand";
}

function readPassportFunding(funding: DeclaredFunding, row: SourceRecord, reader: RecordReader): void {
  const source = reader.str(row, "source").trim();
  const year = reader.str(row, "year").trim();
  const amount = reader.integer(row, "amount");
  if (source === "" && year === "") {
    funding.total = amount ?? null;
    funding.line = reader.line(row);
    return;
  }
  if (amount === null || amount === undefined) return;
  if (year !== "" && !/^\d{4}$/.test(year)) {
    reader.finding("import.bad-year", row, `Комірка ${row.address("year")}: «${year}» — очікується рік.`);
    return;
  }
  if (source === "") {
    funding.byYear[year] = amount;
    return;
  }
  const kind = reader.source(row);
  if (year === "") funding.bySource[kind] = amount;
  else funding.bySourceByYear[kind] = { ...funding.bySourceByYear[kind], [year]: amount };
}

function readIndicator(programme: Programme, row: SourceRecord, reader: RecordReader): void {
  const targets: Record<string, string> = {};
  const listed = new Set(reader.str(row, "target_years").match(/\d{4}/g) ?? []);
  for (const year of listed) targets[year] = reader.str(row, `${TARGET_PREFIX}${year}`);
  for (const key of Object.keys(row.values)) {
    const year = key.startsWith(TARGET_PREFIX) ? key.slice(TARGET_PREFIX.length) : "";
    const target = reader.str(row, key);
    if (/^\d{4}$/.test(year) && target !== "") targets[year] = target;
  }
  programme.indicators.push({
    number: reader.str(row, "number"),
    direction: reader.str(row, "indicator_direction"),
    name: reader.str(row, "name"),
    unit: reader.str(row, "unit"),
    formula: reader.str(row, "formula"),
    baseline: reader.str(row, "baseline"),
    targets,
    dynamics: reader.str(row, "dynamics"),
    line: reader.line(row),
  });
}

function readVariable(programme: Programme, row: SourceRecord, reader: RecordReader): void {
  const values: Record<string, string> = {};
  const listed = new Set(reader.str(row, "target_years").match(/\d{4}/g) ?? []);
  for (const year of listed) values[year] = reader.str(row, `${TARGET_PREFIX}${year}`);
  for (const key of Object.keys(row.values)) {
    const year = key.startsWith(TARGET_PREFIX) ? key.slice(TARGET_PREFIX.length) : "";
    const value = reader.str(row, key);
    if (/^\d{4}$/.test(year) && value !== "") values[year] = value;
  }
  programme.monitoring ??= [];
  programme.monitoring.push({
    number: reader.str(row, "number"),
    name: reader.str(row, "name"),
    unit: reader.str(row, "unit"),
    source: reader.str(row, "data_source"),
    baseline: reader.str(row, "baseline"),
    values,
    line: reader.line(row),
  });
}

/** Builds the direction/item tree from "direction", "item" and "funding" records. */
class TreeBuilder {
  private readonly itemsById = new Map<string, Item>();
  private lastItem: Item | null = null;
  missingIds = false;

  constructor(
    private readonly programme: Programme,
    private readonly reader: RecordReader,
  ) {}

  direction(row: SourceRecord): void {
    const index = this.reader.integer(row, "direction");
    const direction = {
      number: this.reader.str(row, "number"),
      title: this.reader.str(row, "title"),
      items: [],
      declaredTotals: [],
      line: this.reader.line(row),
    };
    // An index past the end would leave holes in the array: append instead.
    if (index && index <= this.programme.directions.length + 1)
      this.programme.directions[index - 1] = direction;
    else this.programme.directions.push(direction);
  }

  findDirection(row: SourceRecord, numberKey: string, titleKey?: string) {
    const index = this.reader.integer(row, "direction");
    const directions = this.programme.directions;
    if (index && directions[index - 1]) return directions[index - 1];
    const number = this.reader.str(row, numberKey);
    const found = directions.find((direction) => direction.number === number);
    if (found || titleKey === undefined) return found;
    const created = { number, title: this.reader.str(row, titleKey), items: [], declaredTotals: [], line: 0 };
    if (index && index <= directions.length + 1) directions[index - 1] = created;
    else directions.push(created);
    return created;
  }

  /** An item row; with a source it also carries one funding row (the XLSX layout). */
  item(row: SourceRecord): void {
    const id = this.reader.str(row, "id").trim();
    const title = this.reader.str(row, "title");
    const existing = id !== "" ? this.itemsById.get(id) : title === "" ? this.lastItem : undefined;
    const item = existing ?? this.newItem(row, id);
    if (item && this.reader.str(row, "source").trim() !== "") this.addFunding(item, row);
  }

  fundingOf(row: SourceRecord): void {
    const id = this.reader.str(row, "id").trim();
    const item = id === "" ? this.lastItem : this.itemsById.get(id);
    if (item) this.addFunding(item, row);
    else
      this.reader.finding(
        "import.unknown-item",
        row,
        `Комірка ${row.address("id")}: немає завдання «${id}».`,
      );
  }

  private addFunding(item: Item, row: SourceRecord): void {
    item.funding.push(this.reader.within(ref.item(item), () => this.reader.funding(row)));
  }

  private newItem(row: SourceRecord, id: string): Item | null {
    const direction = this.findDirection(row, "direction_number", "direction_title");
    if (!direction) return null;
    const deadlineCell = this.reader.str(row, "deadline");
    const deadline = parseDeadlineCode(deadlineCell);
    if (deadline === undefined) {
      this.reader.finding(
        "import.bad-deadline",
        row,
        `Комірка ${row.address("deadline")}: невідомий код строку.`,
      );
    }
    const executors = this.reader.str(row, "executors");
    const item: Item = {
      id,
      number: this.reader.str(row, "number"),
      title: this.reader.str(row, "title"),
      executors: executors
        .split(EXECUTOR_SEPARATOR.trim())
        .map((each) => each.trim())
        .filter((each) => each !== ""),
      deadline: deadline ?? null,
      deadlineText: this.reader.str(row, "deadline_text"),
      funding: [],
      expectedResult: this.reader.str(row, "expected_result"),
      children: [],
      line: this.reader.line(row, "item_line"),
    };
    this.attach(item, row, direction.items);
    return item;
  }

  private attach(item: Item, row: SourceRecord, topLevel: Item[]): void {
    const parentId = this.reader.str(row, "parent").trim();
    const parent = parentId === "" ? undefined : this.itemsById.get(parentId);
    if (parentId !== "" && !parent) {
      this.reader.finding(
        "import.unknown-parent",
        row,
        `Комірка ${row.address("parent")}: немає завдання «${parentId}».`,
      );
    }
    (parent ? parent.children : topLevel).push(item);
    if (item.id === "") this.missingIds = true;
    else this.itemsById.set(item.id, item);
    this.lastItem = item;
  }

  declared(row: SourceRecord): void {
    const scoped =
      this.reader.str(row, "direction") !== "" || this.reader.str(row, "direction_number") !== "";
    const direction = scoped ? this.findDirection(row, "direction_number") : undefined;
    if (scoped && !direction) {
      this.reader.finding(
        "import.unknown-direction",
        row,
        `Комірка ${row.address("direction")}: немає такого напряму.`,
      );
      return;
    }
    (direction ? direction.declaredTotals : this.programme.declaredTotals).push(this.reader.funding(row));
  }
}

/** Records of one kind, in file order. */
function ofKind(records: SourceRecord[], kind: RecordKind): SourceRecord[] {
  return records.filter((record) => record.record === kind);
}

export function unflattenProgramme(records: SourceRecord[]): ImportResult {
  const programme = emptyProgramme();
  const reader = new RecordReader();
  readMeta(programme, ofKind(records, "meta"), reader);
  for (const row of ofKind(records, "passport")) {
    const number = reader.integer(row, "number") ?? 0;
    if (number < 1 || number > 10) {
      reader.finding(
        "import.bad-number",
        row,
        `Комірка ${row.address("number")}: поле паспорта має номер 1–10.`,
      );
      continue;
    }
    programme.passport.fields.push({
      number,
      label: reader.str(row, "label"),
      value: reader.str(row, "value"),
      line: reader.line(row),
    });
  }
  for (const row of ofKind(records, "passport-funding"))
    readPassportFunding(programme.passport.funding, row, reader);
  for (const row of ofKind(records, "section")) {
    const key = reader.str(row, "key").trim();
    if (!isSectionKey(key))
      reader.finding("import.bad-section", row, `Комірка ${row.address("key")}: невідомий розділ.`);
    const section = { key: isSectionKey(key) ? key : "other", title: reader.str(row, "title") } as const;
    programme.sections.push({ ...section, text: reader.str(row, "text"), line: reader.line(row) });
  }
  const tree = new TreeBuilder(programme, reader);
  for (const row of records) {
    if (row.record === "direction") tree.direction(row);
    else if (row.record === "item") tree.item(row);
    else if (row.record === "funding") tree.fundingOf(row);
  }
  for (const row of ofKind(records, "declared-total")) tree.declared(row);
  for (const row of ofKind(records, "indicator")) readIndicator(programme, row, reader);
  for (const row of ofKind(records, "variable")) readVariable(programme, row, reader);
  programme.directions = programme.directions.filter((direction) => direction !== undefined);
  if (tree.missingIds) assignItemIds(programme);
  return { programme, findings: reader.findings };
}
