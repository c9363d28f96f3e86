import { describe, expect, it } from "vitest";
import {
  measurePublicBundle,
  PUBLIC_ENTRY_BUDGET_BYTES,
  PUBLIC_JS_BUDGET_BYTES,
  startupChunks,
  staticChunks,
} from "../../scripts/check-bundle.js";

describe("public page bundle", () => {
  it("follows static imports transitively and ignores dynamic ones", () => {
    const manifest = {
      "public.html": { file: "assets/public.js", imports: ["_shared.js"], dynamicImports: ["_lazy.js"] },
      "_shared.js": { file: "assets/shared.js", imports: ["_deep.js"] },
      "_deep.js": { file: "assets/deep.js" },
      "_lazy.js": { file: "assets/lazy.js" },
    };
    expect(staticChunks(manifest, "public.html").sort()).toEqual([
      "assets/deep.js",
      "assets/public.js",
      "assets/shared.js",
    ]);
  });

  it("adds the app the entry imports dynamically, with its static imports, but not the app's own lazy parts", () => {
    const manifest = {
      "public.html": { file: "assets/public.js", imports: ["_helper.js"], dynamicImports: ["start.tsx"] },
      "_helper.js": { file: "assets/helper.js" },
      "start.tsx": { file: "assets/start.js", imports: ["_react.js"], dynamicImports: ["_charts.js"] },
      "_react.js": { file: "assets/react.js", css: ["assets/start.css"] },
      "_charts.js": { file: "assets/charts.js" },
    };
    expect(startupChunks(manifest, "public.html").sort()).toEqual([
      "assets/helper.js",
      "assets/public.js",
      "assets/react.js",
      "assets/start.js",
    ]);
  });

  it("keeps the public page's JavaScript under 200 KB gzip and out of the workspace and ECharts", async () => {
    const size = await measurePublicBundle();
    expect(size.files.length).toBeGreaterThan(0);
    expect(size.files.some((each) => /workspace|ProgrammeCharts|EChart/i.test(each.file))).toBe(false);
    expect(size.gzipBytes).toBeLessThan(PUBLIC_JS_BUDGET_BYTES);
    expect(size.developmentReact).toBe(false);
    // The first paint waits for no stylesheet and for a small entry only; React and Mantine come after.
    expect(size.blockingStylesheets).toBe(0);
    expect(size.entryGzipBytes).toBeGreaterThan(0);
    expect(size.entryGzipBytes).toBeLessThan(PUBLIC_ENTRY_BUDGET_BYTES);
    expect(size.files.some((each) => /start/.test(each.file))).toBe(true);
  }, 180_000);
});
