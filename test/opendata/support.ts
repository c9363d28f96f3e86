import { expect } from "vitest";
import { allItems, type Programme } from "../../src/domain/model.js";
import type { Attachment } from "../../src/domain/monitoring/reports.js";
import type { Store } from "../../src/store/index.js";
import { createDraft, submitReport } from "../../src/store/monitoring.js";
import { ensureOrgUnit } from "../../src/store/users.js";

export type Row = Record<string, string | number | null>;
export interface Page {
  data: Row[];
  next: string | null;
}

type Get = (url: string) => PromiseLike<{ statusCode: number; body: string; json(): unknown }>;

/** Every row of a resource, page by page through the `next` cursors; each page must be 200 and ≤ limit. */
export async function walkPages(get: Get, resource: string, query: string, limit: number): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | null = null;
  do {
    const cursor: string = after ? `&after=${encodeURIComponent(after)}` : "";
    const response = await get(`/api/v1/${resource}?limit=${limit}${query}${cursor}`);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as Page;
    expect(page.data.length).toBeLessThanOrEqual(limit);
    rows.push(...page.data);
    after = page.next;
  } while (after);
  return rows;
}

export interface FiledContent {
  /** Which leaf project of the programme, in document order. */
  leaf: number;
  unit: string;
  amount: number;
  text: string;
  attachments?: Attachment[];
}

/** One submitted executor report for the first half-year of a loaded programme. */
export async function fileReport(
  store: Store,
  entry: { community: { katottg: string }; programme: Programme } | undefined,
  content: FiledContent,
): Promise<void> {
  if (!entry) throw new Error("nation");
  const programmeId = await store.findProgrammeId(entry.community.katottg, entry.programme.period);
  const item = allItems(entry.programme).filter((each) => each.children.length === 0)[content.leaf];
  if (programmeId === undefined || !item) throw new Error("programme not loaded");
  const unit = await ensureOrgUnit(store, entry.community.katottg, content.unit);
  const { report } = await createDraft(
    store,
    programmeId,
    {
      itemId: item.id,
      periodKey: `${entry.programme.period.from}-H1`,
      orgUnitId: unit.id,
      status: "in-progress",
      actual: [{ source: "local", label: "місцевий бюджет", amount: content.amount }],
      text: content.text,
      attachments: content.attachments ?? [],
      indicatorActuals: [],
    },
    null,
  );
  await submitReport(store, programmeId, report.id, null);
}
