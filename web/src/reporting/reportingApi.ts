/** The reporting routes of the API, as the reporting pages use them. */
import type { z } from "zod";
import type { Reminder } from "../../../src/contract/auth.js";
import type {
  itemUnitsSchema,
  PeriodWithUnits,
  reportContentBody,
} from "../../../src/contract/monitoring.js";
import type { OrgUnit as ContractOrgUnit } from "../../../src/contract/org-units.js";
import type { AttachmentInfo } from "../../../src/contract/report-attachments.js";
import { REPORT_PAGE_LIMIT, type ReportPage, type StoredReport } from "../../../src/contract/reports.js";
import type { AnnualReportYear, ManualReminder, UnitReminder } from "../../../src/contract/reviews.js";
import type { ReportingPeriod } from "../../../src/domain/monitoring/periods.js";
import { request, uploadFile } from "../lib/api.js";

/** The reporting routes' answers: their types come from the API contract (src/contract). */
export type { StoredReport };
export type ReportContent = z.input<typeof reportContentBody>;
export type ItemUnit = z.infer<typeof itemUnitsSchema>[number];
export type OrgUnit = ContractOrgUnit;
export type AnnualYear = AnnualReportYear;
export type { ManualReminder, Reminder, UnitReminder };

const base = (id: string) => `/api/programmes/${encodeURIComponent(id)}`;

export const reportingApi = {
  periods: (id: string) => request<PeriodWithUnits[]>("GET", `${base(id)}/periods`),
  itemUnits: (id: string) => request<ItemUnit[]>("GET", `${base(id)}/item-units`),
  orgUnits: () => request<OrgUnit[]>("GET", "/api/org-units"),
  reports: (id: string, periodKey?: string) => allReports(id, periodKey),
  create: (id: string, body: ReportContent & { itemId: string; periodKey: string }) =>
    request<StoredReport>("POST", `${base(id)}/reports`, body),
  update: (id: string, rid: string, body: ReportContent) =>
    request<StoredReport>("PUT", `${base(id)}/reports/${rid}`, body),
  submit: (id: string, rid: string) => request<StoredReport>("POST", `${base(id)}/reports/${rid}/submit`, {}),
  correct: (id: string, rid: string, body: ReportContent) =>
    request<StoredReport>("POST", `${base(id)}/reports/${rid}/corrections`, body),
  returnReport: (id: string, rid: string, remark: string) =>
    request<StoredReport>("POST", `${base(id)}/reports/${rid}/return`, { remark }),
  files: (id: string, rid: string) =>
    request<AttachmentInfo[]>("GET", `${base(id)}/reports/${rid}/attachments`),
  attach: (id: string, rid: string, file: File) =>
    uploadFile<AttachmentInfo>(`${base(id)}/reports/${rid}/attachments`, file),
  detach: (id: string, rid: string, aid: string) =>
    request<void>("DELETE", `${base(id)}/reports/${rid}/attachments/${aid}`),
  annual: (id: string) => request<AnnualYear[]>("GET", `${base(id)}/annual-reports`),
  submitAnnual: (id: string, year: number) =>
    request<AnnualYear["submission"]>("POST", `${base(id)}/annual-reports/${year}/submit`, {}),
  /** The signed-in executor's own reminders, newest first. */
  myReminders: () => request<Reminder[]>("GET", "/api/me/reminders"),
  reminders: (id: string, periodKey: string) =>
    request<UnitReminder[]>("GET", `${base(id)}/periods/${encodeURIComponent(periodKey)}/reminders`),
  remind: (id: string, periodKey: string, orgUnitId: number) =>
    request<ManualReminder>("POST", `${base(id)}/periods/${encodeURIComponent(periodKey)}/reminders`, {
      orgUnitId,
    }),
  annualPreview: (id: string, year: number, form: "progress" | "results") =>
    request<unknown>("GET", `${base(id)}/reports/annual/${year}/${form}.json`),
};

export function attachmentUrl(id: string, rid: string, aid: string): string {
  return `${base(id)}/reports/${rid}/attachments/${aid}`;
}

/** Every report of the period (the pages read need all of them): the list route's pages, followed to the end. */
async function allReports(id: string, periodKey?: string): Promise<StoredReport[]> {
  const reports: StoredReport[] = [];
  let after: string | null = null;
  do {
    const query = new URLSearchParams({ limit: String(REPORT_PAGE_LIMIT.max) });
    if (periodKey) query.set("periodKey", periodKey);
    if (after) query.set("after", after);
    const page: ReportPage = await request<ReportPage>("GET", `${base(id)}/reports?${query}`);
    reports.push(...page.data);
    after = page.next;
  } while (after);
  return reports;
}

export function annualFileUrl(id: string, year: number, form: string): string {
  return `${base(id)}/reports/annual/${year}/${form}`;
}

/** The latest report of each project in the period: a correction replaces what it corrects. */
export function latestByItem(reports: StoredReport[]): Map<string, StoredReport> {
  const out = new Map<string, StoredReport>();
  for (const report of reports) out.set(report.itemId, report);
  return out;
}

export type ReportState = "none" | "draft" | "submitted" | "returned";

export function reportState(report: StoredReport | undefined): ReportState {
  if (!report) return "none";
  if (report.submittedAt !== null) return "submitted";
  return report.returnedAt ? "returned" : "draft";
}

/** The period an executor works on today: the first whose due day has not passed, else the last one. */
export function currentPeriod(periods: ReportingPeriod[], today: string): ReportingPeriod | undefined {
  const started = periods.filter((period) => period.start <= today);
  return started.find((period) => period.dueDate >= today) ?? started.at(-1) ?? periods[0];
}
