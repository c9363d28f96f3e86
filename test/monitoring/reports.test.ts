import { describe, expect, it } from "vitest";
import {
  applyCorrection,
  dreamProjectUrl,
  isProzorroTenderId,
  latestEffective,
  prozorroTenderUrl,
  withAttachmentUrl,
} from "../../src/domain/monitoring/reports.js";
import { executorReportSchema } from "../../src/domain/monitoring/schema.js";
import { report, uah } from "./build.js";

describe("ProZorro and DREAM references", () => {
  it("links a valid tender ID", () => {
    expect(prozorroTenderUrl(" UA-2026-01-15-000123-a ")).toBe(
      "https://prozorro.gov.ua/tender/UA-2026-01-15-000123-a",
    );
  });

  it("rejects malformed IDs and impossible dates", () => {
    for (const id of [
      "UA-2026-01-15-00123-a",
      "UA-2026-02-30-000123-a",
      "UA-2026-13-01-000123-a",
      "2026-01-15-000123-a",
      "UA-2026-01-15-000123",
    ]) {
      expect(isProzorroTenderId(id), id).toBe(false);
    }
  });

  it("links a DREAM project ID and fills attachment URLs", () => {
    expect(dreamProjectUrl("dream-ua-130222-96d13b33")).toBe(
      "https://dream.gov.ua/ua/project/DREAM-UA-130222-96D13B33/profile",
    );
    expect(dreamProjectUrl("DREAM-123")).toBeNull();
    expect(withAttachmentUrl({ kind: "prozorro", ref: "UA-2026-03-02-000001-b" }).url).toBe(
      "https://prozorro.gov.ua/tender/UA-2026-03-02-000001-b",
    );
    expect(withAttachmentUrl({ kind: "prozorro", ref: "UA-bad" }).url).toBeUndefined();
  });
});

describe("corrections", () => {
  it("returns a new report that references the original and leaves the original unchanged", () => {
    const original = report("d1.1", "2026-H1", {
      actual: [{ source: "local", label: "місцевий бюджет", amount: uah(1000) }],
      lockedAt: "2026-07-06T00:00:00Z",
    });
    const snapshot = structuredClone(original);
    const corrected = applyCorrection(original, {
      id: "fix-1",
      submittedAt: "2026-07-20T10:00:00Z",
      actual: [{ source: "local", label: "місцевий бюджет", amount: uah(1200) }],
    });
    expect(original).toEqual(snapshot);
    expect(corrected).toMatchObject({
      id: "fix-1",
      itemId: "d1.1",
      periodKey: "2026-H1",
      correctionOf: original.id,
    });
    expect(corrected.actual[0]?.amount).toBe(uah(1200));
    expect(corrected.lockedAt).toBeNull();
    corrected.attachments.push({ kind: "link", ref: "x" });
    expect(original.attachments).toEqual([]);
  });

  it("refuses a correction with the original's id", () => {
    const original = report("d1.1", "2026-H1");
    expect(() => applyCorrection(original, { id: original.id, submittedAt: null })).toThrow();
  });

  it("picks the newest correction per item and period, ignoring drafts", () => {
    const first = report("d1.1", "2026-H1", { submittedAt: "2026-07-01T00:00:00Z" });
    const second = applyCorrection(first, { id: "c1", submittedAt: "2026-07-10T00:00:00Z", text: "друга" });
    const third = applyCorrection(second, { id: "c2", submittedAt: "2026-07-15T00:00:00Z", text: "третя" });
    const draft = applyCorrection(third, { id: "c3", submittedAt: null, text: "чернетка" });
    const other = report("d1.2", "2026-H1");
    const otherPeriod = report("d1.1", "2026-H2", { submittedAt: "2027-01-03T00:00:00Z" });
    const effective = latestEffective([third, other, first, draft, second, otherPeriod]);
    expect(effective.map((r) => r.id).sort()).toEqual(["c2", other.id, otherPeriod.id].sort());
  });
});

describe("report schema", () => {
  it("accepts a valid report and rejects bad money, IDs and periods", () => {
    const valid = report("d1.1", "2026-H1", {
      actual: [{ source: "local", label: "місцевий бюджет", amount: uah(10) }],
      attachments: [{ kind: "prozorro", ref: "UA-2026-01-15-000123-a" }],
    });
    expect(executorReportSchema.safeParse(valid).success).toBe(true);
    const fractional = { ...valid, actual: [{ source: "local", label: "", amount: 10.5 }] };
    expect(executorReportSchema.safeParse(fractional).success).toBe(false);
    const badTender = { ...valid, attachments: [{ kind: "prozorro", ref: "UA-2026-01-15" }] };
    expect(executorReportSchema.safeParse(badTender).success).toBe(false);
    expect(executorReportSchema.safeParse({ ...valid, periodKey: "2026-H3" }).success).toBe(false);
    expect(
      executorReportSchema.safeParse({ ...valid, actual: [{ source: "total", label: "", amount: 1 }] })
        .success,
    ).toBe(false);
  });
});
