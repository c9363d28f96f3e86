import { describe, expect, it } from "vitest";
import { importUrl } from "../../web/src/lib/api.js";

describe("importUrl", () => {
  it("asks for a preview and for the unit the user accepted", () => {
    expect(importUrl({ dryRun: true })).toBe("/api/import?dryRun=1");
    expect(importUrl({ dryRun: false })).toBe("/api/import");
    expect(importUrl({ dryRun: false, unit: "uah" })).toBe("/api/import?unit=uah");
    expect(importUrl({ dryRun: true, unit: "thousand" })).toBe("/api/import?dryRun=1&unit=thousand");
  });

  it("insists on saving a programme identical to the latest version only when asked", () => {
    expect(importUrl({ dryRun: false, saveIdentical: true })).toBe("/api/import?saveIdentical=1");
    expect(importUrl({ dryRun: false, saveIdentical: false })).toBe("/api/import");
  });
});
