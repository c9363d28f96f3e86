/**
 * Labels of the reporting pages (executor's report, head's reporting, publish dialog), Ukrainian first
 * and English second. Kept beside the pages rather than in i18n/uk.ts so the pages travel together.
 */
import { useI18n } from "../i18n/index.js";
import type { Lang } from "../lib/format.js";

const uk = {
  "report.title": "Звіт виконавця",
  "report.intro": "Заходи програми, які виконує ваш підрозділ. Заповніть звіт за період і подайте його.",
  "report.period": "Звітний період",
  "report.due": "Строк подання: до {date}",
  "report.dueOverdue": "Строк минув {date}",
  "report.noProjects": "Ваш підрозділ не зазначено виконавцем жодного заходу цієї програми.",
  "report.noUnit":
    "Ваш обліковий запис не прив’язано до структурного підрозділу: зверніться до керівника програми.",
  "report.planned": "План на {year} рік",
  "report.status": "Стан виконання",
  "report.progress": "Виконано, %",
  "report.actual": "Фактично використано за джерелами, {unit}",
  "report.addSource": "Додати джерело",
  "report.removeSource": "Прибрати джерело",
  "report.source": "Джерело",
  "report.amount": "Сума, {unit}",
  "report.text": "Що зроблено (коментар)",
  "report.indicators": "Фактичні значення показників",
  "report.indicatorValue": "{name}, факт",
  "report.attachments": "Підтвердні документи",
  "report.attachmentKind": "Вид",
  "report.attachmentRef": "Номер, назва або посилання",
  "report.attachmentUrl": "Адреса (URL), необов’язково",
  "report.addAttachment": "Додати документ",
  "report.removeAttachment": "Прибрати документ",
  "report.saveDraft": "Зберегти чернетку",
  "report.submit": "Подати звіт",
  "report.submitConfirm": "Після подання звіт не можна змінити (лише виправленням). Подати?",
  "report.saved": "Чернетку збережено.",
  "report.submitted": "Звіт подано {date}. Він доступний лише для перегляду.",
  "report.correct": "Подати виправлення",
  "report.correction": "Виправлення від {date}",
  "report.returned": "Керівник повернув звіт {date}: «{remark}». Виправте його й подайте знову.",
  "report.state.none": "не розпочато",
  "report.state.draft": "чернетка",
  "report.state.submitted": "подано",
  "report.state.returned": "повернуто",
  "report.error.amount": "Перевірте суми: {message}",
  "report.open": "Звітувати",
  "report.deadlines": "Строки звітування",
  "report.deadlineLine": "{programme}: звіт за {period} — до {date}",
  "report.rules":
    "Виконавці звітують до 5 числа місяця, що настає за звітним періодом, і за рік — до 31 січня.",
  "status.not-started": "не розпочато",
  "status.in-progress": "виконується",
  "status.done": "виконано",
  "status.cancelled": "скасовано",
  "status.postponed": "перенесено",
  "attachment.prozorro": "закупівля ProZorro",
  "attachment.dream": "проєкт DREAM",
  "attachment.file": "документ (договір, акт)",
  "attachment.link": "посилання",
  "period.H": "{n} півріччя {year}",
  "period.Q": "{n} квартал {year}",
  "period.Y": "{year} рік (річний звіт)",
  "head.title": "Звітування за програмою",
  "head.executors": "Звіти виконавців",
  "head.unit": "Підрозділ",
  "head.project": "Захід",
  "head.state": "Стан",
  "head.return": "Повернути",
  "head.remark": "Зауваження виконавцю",
  "head.returnConfirm": "Повернути звіт",
  "head.view": "Переглянути",
  "head.annual": "Річні звіти керівника програми",
  "head.annualRule": "Звіт про хід виконання і звіт про результати подаються до 1 березня наступного року.",
  "head.year": "Рік",
  "head.annualDue": "Строк",
  "head.annualState": "Стан",
  "head.notSubmitted": "не подано",
  "head.overdue": "прострочено",
  "head.submittedBy": "подав(ла) {who} {date}",
  "head.preview": "Переглянути",
  "head.submitAnnual": "Подати звіти за {year} рік",
  "head.submitAnnualConfirm": "Після подання звіти за {year} рік буде зафіксовано такими, як зараз. Подати?",
  "head.progressForm": "Звіт про хід виконання",
  "head.resultsForm": "Звіт про результати",
  "head.close": "Закрити",
  "head.previewTitle": "Попередній перегляд: {form}, {year}",
  "publish.title": "Оприлюднити програму з помилками?",
  "publish.intro":
    "Перевірка знайшла помилки ({count}). Виправте їх або зазначте, чому програму треба оприлюднити зараз. Причину буде збережено в журналі змін і показано на публічній сторінці.",
  "publish.reason": "Причина оприлюднення з помилками",
  "publish.confirm": "Оприлюднити з помилками",
  "publish.cancel": "Скасувати",
  "publish.note": "Примітка: програму оприлюднено з помилками перевірки. Причина: {reason}",
  "common.yes": "Так",
  "common.cancel": "Скасувати",
};

export type ReportingKey = keyof typeof uk;

const en: Record<ReportingKey, string> = {
  "report.title": "Executor's report",
  "report.intro":
    "The programme's projects your unit executes. Fill in the report for the period and submit it.",
  "report.period": "Reporting period",
  "report.due": "Due by {date}",
  "report.dueOverdue": "Was due {date}",
  "report.noProjects": "Your unit is not named as the executor of any project of this programme.",
  "report.noUnit": "Your account is not linked to an organisational unit: ask the programme head.",
  "report.planned": "Planned for {year}",
  "report.status": "Progress status",
  "report.progress": "Done, %",
  "report.actual": "Actually spent by source, {unit}",
  "report.addSource": "Add a source",
  "report.removeSource": "Remove the source",
  "report.source": "Source",
  "report.amount": "Amount, {unit}",
  "report.text": "What was done (comment)",
  "report.indicators": "Indicator actuals",
  "report.indicatorValue": "{name}, actual",
  "report.attachments": "Supporting documents",
  "report.attachmentKind": "Kind",
  "report.attachmentRef": "Number, title or reference",
  "report.attachmentUrl": "Address (URL), optional",
  "report.addAttachment": "Add a document",
  "report.removeAttachment": "Remove the document",
  "report.saveDraft": "Save draft",
  "report.submit": "Submit report",
  "report.submitConfirm": "Once submitted, the report cannot be changed (only corrected). Submit?",
  "report.saved": "Draft saved.",
  "report.submitted": "Report submitted on {date}. It is read-only now.",
  "report.correct": "Submit a correction",
  "report.correction": "Correction of {date}",
  "report.returned": "The head returned the report on {date}: “{remark}”. Correct it and submit again.",
  "report.state.none": "not started",
  "report.state.draft": "draft",
  "report.state.submitted": "submitted",
  "report.state.returned": "returned",
  "report.error.amount": "Check the amounts: {message}",
  "report.open": "Report",
  "report.deadlines": "Reporting deadlines",
  "report.deadlineLine": "{programme}: report for {period} due by {date}",
  "report.rules": "Executors report by the 5th of the month after the period, and on the year by 31 January.",
  "status.not-started": "not started",
  "status.in-progress": "in progress",
  "status.done": "done",
  "status.cancelled": "cancelled",
  "status.postponed": "postponed",
  "attachment.prozorro": "ProZorro tender",
  "attachment.dream": "DREAM project",
  "attachment.file": "document (contract, act)",
  "attachment.link": "link",
  "period.H": "half-year {n} of {year}",
  "period.Q": "quarter {n} of {year}",
  "period.Y": "year {year} (annual report)",
  "head.title": "Programme reporting",
  "head.executors": "Executors' reports",
  "head.unit": "Unit",
  "head.project": "Project",
  "head.state": "State",
  "head.return": "Return",
  "head.remark": "Remark to the executor",
  "head.returnConfirm": "Return the report",
  "head.view": "View",
  "head.annual": "The programme head's annual reports",
  "head.annualRule": "The progress report and the results report are due by 1 March of the next year.",
  "head.year": "Year",
  "head.annualDue": "Due",
  "head.annualState": "State",
  "head.notSubmitted": "not submitted",
  "head.overdue": "overdue",
  "head.submittedBy": "submitted by {who} on {date}",
  "head.preview": "Preview",
  "head.submitAnnual": "Submit the reports for {year}",
  "head.submitAnnualConfirm": "Once submitted, the reports for {year} are frozen as they are now. Submit?",
  "head.progressForm": "Progress report",
  "head.resultsForm": "Results report",
  "head.close": "Close",
  "head.previewTitle": "Preview: {form}, {year}",
  "publish.title": "Publish the programme with errors?",
  "publish.intro":
    "The check found errors ({count}). Fix them, or say why the programme must be published now. The reason is kept in the change log and shown on the public page.",
  "publish.reason": "Reason for publishing with errors",
  "publish.confirm": "Publish with errors",
  "publish.cancel": "Cancel",
  "publish.note": "Note: the programme was published with validation errors. Reason: {reason}",
  "common.yes": "Yes",
  "common.cancel": "Cancel",
};

const DICTIONARIES: Record<Lang, Record<ReportingKey, string>> = { uk, en };

export type ReportingTranslate = (key: ReportingKey, params?: Record<string, string | number>) => string;

export function reportingText(
  lang: Lang,
  key: ReportingKey,
  params: Record<string, string | number> = {},
): string {
  return DICTIONARIES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function useReportingText(): { rt: ReportingTranslate; lang: Lang } {
  const { lang } = useI18n();
  return { rt: (key, params) => reportingText(lang, key, params), lang };
}

/** "2026-H1" → "I півріччя 2026" style label. */
export function periodLabel(rt: ReportingTranslate, key: string): string {
  const match = /^(\d{4})-(?:([HQ])([1-4])|Y)$/.exec(key);
  if (!match) return key;
  const year = match[1] ?? "";
  if (!match[2]) return rt("period.Y", { year });
  return rt(match[2] === "H" ? "period.H" : "period.Q", { n: match[3] ?? "", year });
}
