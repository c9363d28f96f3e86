import { describe, expect, it } from "vitest";
import { pagesPdf } from "../formats/pdf-builder.js";

/**
 * pdf.js's legacy build overwrites working built-ins with slow core-js versions on Node 20 (on newer
 * Nodes its polyfills leave them alone, and this test holds trivially there). Taken before anything
 * of pdf.js is loaded: load.js is imported inside the test (it loads pdf.js at its first PDF).
 */
const before = {
  push: Array.prototype.push,
  parse: JSON.parse,
  stringify: JSON.stringify,
};

describe("loading pdf.js", () => {
  it("leaves Array.prototype.push, JSON.parse and JSON.stringify as they were", async () => {
    const { loadPdfPages } = await import("../../src/import/pdf/load.js");
    const pages = await loadPdfPages(pagesPdf(1));
    expect(pages).toHaveLength(1);
    expect(Array.prototype.push).toBe(before.push);
    expect(JSON.parse).toBe(before.parse);
    expect(JSON.stringify).toBe(before.stringify);
  });
});
