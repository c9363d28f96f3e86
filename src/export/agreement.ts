/**
 * The agreement documents as DOCX: the automatic primary expertise a reviewer starts from, and the
 * Ministry's letter on its decision (addressee, the community's letter, the expertise result, the
 * remarks, the reporting duties, the signer).
 */
import { TableRow } from "docx";
import type { ChecklistEntry, ExpertiseReport } from "../domain/agreement/expertise.js";
import type { Letter } from "../domain/agreement/lifecycle.js";
import type { Finding, Programme } from "../domain/model.js";
import {
  bodyParagraph,
  columnWidths,
  gridTable,
  heading,
  PORTRAIT_WIDTH,
  packDocument,
  paragraphs,
  section,
  subheading,
  textCell,
} from "./reports/docx-parts.js";

const STATUS_UK: Record<ChecklistEntry["status"], string> = {
  met: "виконано",
  "not-met": "не виконано",
  "cannot-tell": "не визначено",
};

function dotted(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split("-");
  return `${day}.${month}.${year}`;
}

function checklistTable(report: ExpertiseReport) {
  const widths = columnWidths([5, 2, 3, 3], PORTRAIT_WIDTH);
  const header = new TableRow({
    tableHeader: true,
    children: ["Вимога", "Стан", "Де в документі", "Підстава"].map((text) =>
      textCell(text, { bold: true, center: true }),
    ),
  });
  const rows = report.checklist.map(
    (entry) =>
      new TableRow({
        cantSplit: true,
        children: [
          textCell(entry.requirement.uk),
          textCell(`${STATUS_UK[entry.status]}\n${entry.note}`),
          textCell(entry.ref),
          textCell(entry.basis),
        ],
      }),
  );
  return gridTable([header, ...rows], widths);
}

function findingsTable(findings: Finding[]) {
  const widths = columnWidths([2, 2, 8], PORTRAIT_WIDTH);
  const header = new TableRow({
    tableHeader: true,
    children: ["Код", "Місце", "Зміст"].map((text) => textCell(text, { bold: true, center: true })),
  });
  const rows = findings.map(
    (each) =>
      new TableRow({
        cantSplit: true,
        children: [
          textCell(`${each.code}\n(${each.severity === "error" ? "помилка" : "попередження"})`),
          textCell(`${each.location.ref}${each.location.line ? `, рядок ${each.location.line}` : ""}`),
          textCell(each.message),
        ],
      }),
  );
  return gridTable([header, ...rows], widths);
}

export function expertiseDocx(programme: Programme, report: ExpertiseReport): Promise<Uint8Array> {
  const { summary } = report;
  const body = [
    heading("Первинна експертиза проєкту програми інформатизації"),
    bodyParagraph(`Програма: ${programme.title}`),
    bodyParagraph(`Територіальна громада: ${programme.community.name} (${programme.community.katottg})`),
    bodyParagraph(`Період: ${programme.period.from}–${programme.period.to}`),
    bodyParagraph(
      `Вимог виконано: ${summary.met}, не виконано: ${summary.notMet}, не визначено: ${summary.cannotTell}. ` +
        `Помилок: ${summary.errors}, попереджень: ${summary.warnings}, перехресних перевірок: ${report.crossChecks.length}.`,
    ),
    subheading("1. Вимоги постанови КМУ № 119 і наказу Мінцифри № 160"),
    checklistTable(report),
    subheading("2. Перехресні перевірки індикаторів і проєктів"),
    ...(report.crossChecks.length
      ? [findingsTable(report.crossChecks)]
      : [bodyParagraph("Зауважень немає.")]),
    subheading("3. Зауваження валідатора"),
    ...(report.findings.length ? [findingsTable(report.findings)] : [bodyParagraph("Зауважень немає.")]),
  ];
  return packDocument("Первинна експертиза", [section("portrait", body)]);
}

export interface LetterInput {
  programme: Programme;
  letter: Letter;
  /** The community's own letter that submitted the draft, as the reviewer names it. */
  communityLetter: string;
  decision: "agreed" | "remarks";
  remarks: { where: string; text: string }[];
  expertise: ExpertiseReport;
  signer: string;
}

const REPORTING_DUTIES =
  "Нагадуємо: відповідальні виконавці звітують керівникові програми щопівроку (щокварталу) до 5 числа " +
  "наступного місяця та до 31 січня; керівник програми подає два річні звіти до 1 березня.";

export function letterDocx(input: LetterInput): Promise<Uint8Array> {
  const { programme, letter, expertise } = input;
  const outcome =
    input.decision === "agreed"
      ? "Міністерство цифрової трансформації України погоджує проєкт програми" +
        (input.remarks.length ? " з урахуванням таких зауважень:" : ".")
      : "Проєкт програми повертається на доопрацювання з такими зауваженнями:";
  const body = [
    ...paragraphs(`${programme.community.name}\n(код КАТОТТГ ${programme.community.katottg})`, {
      right: true,
      size: 24,
    }),
    bodyParagraph(`№ ${letter.number} від ${dotted(letter.date)}`),
    bodyParagraph(`На ваш лист ${input.communityLetter}`),
    heading(`Щодо погодження проєкту «${programme.title}»`),
    bodyParagraph(
      `Мінцифри як Генеральний державний замовник Національної програми інформатизації розглянуло проєкт ` +
        `програми на ${programme.period.from}–${programme.period.to} роки. За результатами первинної експертизи ` +
        `вимог виконано ${expertise.summary.met} з ${expertise.checklist.length}.`,
    ),
    bodyParagraph(outcome),
    ...input.remarks.map((remark, index) => bodyParagraph(`${index + 1}. ${remark.where}: ${remark.text}`)),
    bodyParagraph(REPORTING_DUTIES),
    bodyParagraph(""),
    bodyParagraph(input.signer),
  ];
  return packDocument(`Лист № ${letter.number}`, [section("portrait", body)]);
}
