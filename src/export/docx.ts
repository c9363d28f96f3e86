/**
 * DOCX export laid out like the official programme: title, passport table, narrative sections,
 * Annex 1 (the task table, landscape, header repeated on each page) and Annex 2 (indicators).
 * Every cell holds plain text, one logical value, so the importer can read the document back.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from "docx";
import {
  type Passport,
  type PassportField,
  type Programme,
  SOURCE_LABELS_UK,
  type SourceKind,
} from "../domain/model.js";
import { type Kopecks, type MoneyUnit, unitLabel } from "../domain/money.js";
import { amountYears, targetYears } from "../template/records.js";
import { amountText, passportUnit } from "./amounts.js";
import {
  ANNEX_HEADERS,
  type AnnexLine,
  type AnnexRow,
  amountsHeader,
  annexRows,
  annexYears,
} from "./annex.js";
import { columnWidths, gridTable } from "./reports/docx-parts.js";

const FONT = "Times New Roman";
const TEXT_SIZE = 24; // half-points: 12 pt
const TABLE_SIZE = 20; // 10 pt

interface CellStyle {
  bold?: boolean;
  merge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType];
  span?: number;
  rowSpan?: number;
  center?: boolean;
}

/** One paragraph per line of the text, so line breaks survive as paragraphs. */
function paragraphs(text: string, style: CellStyle = {}, size = TABLE_SIZE): Paragraph[] {
  return text.split("\n").map(
    (line) =>
      new Paragraph({
        alignment: style.center ? AlignmentType.CENTER : undefined,
        children: [new TextRun({ text: line, bold: style.bold, font: FONT, size })],
      }),
  );
}

function cell(text: string, style: CellStyle = {}): TableCell {
  return new TableCell({
    children: paragraphs(style.merge === VerticalMergeType.CONTINUE ? "" : text, style),
    columnSpan: style.span,
    rowSpan: style.rowSpan,
    verticalMerge: style.merge,
  });
}

function fullWidthTable(rows: TableRow[]): Table {
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

function heading(
  text: string,
  level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2,
) {
  return new Paragraph({
    heading: level,
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text, bold: true, font: FONT, size: TEXT_SIZE })],
  });
}

/** An amount in the unit; nothing for an amount not given (a dash would read back as zero). */
function amountCell(kopecks: Kopecks | null, unit: MoneyUnit): string {
  return kopecks === null ? "" : amountText(kopecks, unit);
}

/**
 * The passport field that states the funding: field 10 in Resolution 119 ("Джерела та обсяги
 * фінансування"); in passports numbered otherwise, the field whose label speaks of the amounts.
 */
function fundingField(fields: PassportField[]): PassportField | undefined {
  const tenth = fields.find((field) => field.number === 10);
  if (tenth && /фінанс/i.test(tenth.label)) return tenth;
  return fields.find((field) => /обсяг/i.test(field.label) && /фінанс/i.test(field.label)) ?? tenth;
}

function hasFunding(passport: Passport): boolean {
  const { funding } = passport;
  return (
    funding.total !== null ||
    Object.keys(funding.byYear).length > 0 ||
    Object.keys(funding.bySource).length > 0
  );
}

/**
 * Whether field 10's text says nothing the table does not: its header words, years and numbers only
 * («Всього 2026 рік 2027 рік 27745 10275 8245»). Printed again under the table, the importer would read
 * its numbers as one more funding row.
 */
function restatesTable(value: string): boolean {
  const words = value
    .replace(/всього|усього|разом|роки|рік|р\.|тис\.?\s*грн\.?|грн\.?|[,;:()]/giu, " ")
    .split(/\s+/)
    .filter(Boolean);
  return words.every((word) => /^\d[\d.,]*$/.test(word));
}

/**
 * Field 10's amounts the way printed passports lay them out: "Всього | 2026 | …" in the field's own
 * row, then one row per source below it, in the same table, so the importer reads them back — in the
 * unit the field's printed words name, else the programme's.
 */
function fundingRows(field: PassportField, programme: Programme, years: string[]): TableRow[] {
  const { funding } = programme.passport;
  const value = field.value.trim();
  const printedValue = value !== "" && !restatesTable(value) ? value : "";
  const unit = passportUnit(programme, `${field.label} ${printedValue}`);
  const header = ["Всього", ...years];
  const line = (label: string, total: Kopecks | null | undefined, byYear: Record<string, Kopecks> = {}) =>
    new TableRow({
      children: [
        cell(""),
        cell(label),
        ...[total ?? null, ...years.map((year) => byYear[year] ?? null)].map((amount) =>
          cell(amountCell(amount, unit)),
        ),
      ],
    });
  const sources = [
    ...new Set([...Object.keys(funding.bySource), ...Object.keys(funding.bySourceByYear)]),
  ] as SourceKind[];
  const rows = [
    new TableRow({
      children: [cell(`${field.number}.`), cell(field.label), ...header.map((text) => cell(text))],
    }),
    line("Загальний обсяг", funding.total, funding.byYear),
    ...sources.map((source) =>
      line(SOURCE_LABELS_UK[source], funding.bySource[source], funding.bySourceByYear[source]),
    ),
  ];
  if (printedValue !== "") {
    rows.push(new TableRow({ children: [cell(""), cell(""), cell(printedValue, { span: header.length })] }));
  }
  return rows;
}

function passportTable(programme: Programme): Table {
  const years = amountYears(programme);
  const fields = programme.passport.fields;
  const withAmounts = hasFunding(programme.passport) ? fundingField(fields) : undefined;
  const span = years.length + 1;
  const rows = fields.flatMap((field) =>
    field === withAmounts
      ? fundingRows(field, programme, years)
      : [
          new TableRow({
            children: [cell(`${field.number}.`), cell(field.label), cell(field.value, { span })],
          }),
        ],
  );
  const header = new TableRow({
    tableHeader: true,
    children: [
      cell("№ з/п", { bold: true, center: true }),
      cell("Найменування", { bold: true, center: true }),
      cell("Зміст", { bold: true, center: true, span }),
    ],
  });
  return gridTable([header, ...rows], passportWidths(span));
}

/** Text width of the main (portrait A4, 1-inch margins) section, in twips. */
const PORTRAIT_TEXT_WIDTH = 11906 - 2 * 1440;

/**
 * As the model programme lays out its passport: a narrow number, a field name wide enough that its
 * words do not break, and the content (field 10: the total and a column per year) sharing the rest.
 */
function passportWidths(contentColumns: number): number[] {
  const content = Array.from({ length: contentColumns }, () => 64 / contentColumns);
  return columnWidths([6, 30, ...content], PORTRAIT_TEXT_WIDTH);
}

function annexHeaderRows(years: string[], unit: MoneyUnit): TableRow[] {
  const h = ANNEX_HEADERS;
  const tall = (text: string) => cell(text, { bold: true, center: true, rowSpan: 2 });
  const bold = (text: string) => cell(text, { bold: true, center: true });
  const width = 7 + years.length;
  return [
    new TableRow({
      tableHeader: true,
      children: [
        ...[h.task, h.project, h.executors, h.deadline, h.source].map(tall),
        cell(amountsHeader(unit), { bold: true, center: true, span: years.length + 1 }),
        tall(h.result),
      ],
    }),
    new TableRow({ tableHeader: true, children: [h.total, ...years].map(bold) }),
    new TableRow({
      tableHeader: true,
      children: Array.from({ length: width }, (_, index) => cell(String(index + 1), { center: true })),
    }),
  ];
}

type Merge = CellStyle["merge"];

function annexLineRow(line: AnnexLine, taskMerge: Merge, unit: MoneyUnit): TableRow {
  const allEmpty = line.amounts.every((amount) => amount === null);
  const amounts = line.amounts.map((amount) => (allEmpty ? "" : amountCell(amount, unit)));
  if (line.note && allEmpty) amounts[0] = line.note;
  const style = { bold: line.strong };
  return new TableRow({
    children: [
      cell(line.task, { ...style, merge: taskMerge }),
      cell(line.project, style),
      cell(line.executors.join("\n"), style),
      cell(line.deadline, style),
      cell(line.source, style),
      ...amounts.map((text) => cell(text, style)),
      cell(line.result, style),
    ],
  });
}

/**
 * The task cell runs down over the task's further rows (its projects and sources), as in the
 * official annex; the merged-away cells are empty, which the importer reads as "same task".
 */
function taskMerges(rows: AnnexRow[]): Merge[] {
  const continues = (row: AnnexRow | undefined) => row?.kind === "line" && row.task === "";
  let open = false;
  return rows.map((row, index) => {
    if (row.kind !== "line") {
      open = false;
      return undefined;
    }
    if (row.task !== "") {
      open = continues(rows[index + 1]);
      return open ? VerticalMergeType.RESTART : undefined;
    }
    return open ? VerticalMergeType.CONTINUE : undefined;
  });
}

function annexTable(programme: Programme): Table {
  const years = annexYears(programme);
  const width = 7 + years.length;
  const rows = annexRows(programme);
  const merges = taskMerges(rows);
  const body = rows.map((row, index) =>
    row.kind === "line"
      ? annexLineRow(row, merges[index], programme.unit)
      : new TableRow({ children: [cell(row.text, { bold: true, span: width })] }),
  );
  return fullWidthTable([...annexHeaderRows(years, programme.unit), ...body]);
}

function indicatorTable(programme: Programme): Table {
  const years = targetYears(programme);
  const withFormula = programme.indicators.some((indicator) => indicator.formula !== "");
  const bold = { bold: true, center: true };
  const tall = (text: string) => cell(text, { ...bold, rowSpan: 2 });
  const leading = ["№ з/п", "Напрям", "Найменування показника", "Одиниця виміру"];
  const header = [
    new TableRow({
      tableHeader: true,
      children: [
        ...[...leading, ...(withFormula ? ["Формула розрахунку"] : []), "Базове значення"].map(tall),
        cell("Цільові значення", { ...bold, span: years.length }),
        tall("Динаміка"),
      ],
    }),
    new TableRow({ tableHeader: true, children: years.map((year) => cell(year, bold)) }),
  ];
  const rows = programme.indicators.map(
    (indicator) =>
      new TableRow({
        children: [
          indicator.number,
          indicator.direction,
          indicator.name,
          indicator.unit,
          ...(withFormula ? [indicator.formula] : []),
          indicator.baseline,
          ...years.map((year) => indicator.targets[year] ?? ""),
          indicator.dynamics,
        ].map((text) => cell(text)),
      }),
  );
  return fullWidthTable([...header, ...rows]);
}

function bodyText(text: string): Paragraph[] {
  return paragraphs(text, {}, TEXT_SIZE);
}

function mainPart(programme: Programme): (Paragraph | Table)[] {
  return [
    heading("ПРОГРАМА ІНФОРМАТИЗАЦІЇ", HeadingLevel.TITLE),
    heading(programme.title, HeadingLevel.HEADING_1),
    heading("1. Паспорт програми"),
    passportTable(programme),
    ...programme.sections.flatMap((section) => [heading(section.title), ...bodyText(section.text)]),
  ];
}

function annexPart(programme: Programme): (Paragraph | Table)[] {
  const unit = unitLabel(programme.unit);
  return [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: "Додаток 1 до Програми", font: FONT })],
    }),
    heading(`Перелік завдань, проєктів і робіт з інформатизації програми (${unit})`),
    annexTable(programme),
  ];
}

function indicatorPart(programme: Programme): (Paragraph | Table)[] {
  if (programme.indicators.length === 0) return [];
  return [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: "Додаток 2 до Програми", font: FONT })],
    }),
    heading("Показники виконання програми"),
    indicatorTable(programme),
  ];
}

const LANDSCAPE = { page: { size: { orientation: PageOrientation.LANDSCAPE } } };

export async function exportDocx(programme: Programme): Promise<Uint8Array> {
  const document = new Document({
    creator: "infoprog",
    title: programme.title,
    styles: { default: { document: { run: { font: FONT, size: TEXT_SIZE } } } },
    sections: [
      { children: mainPart(programme) },
      { properties: LANDSCAPE, children: annexPart(programme) },
      { properties: LANDSCAPE, children: indicatorPart(programme) },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
