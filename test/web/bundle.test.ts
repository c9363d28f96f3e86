import { describe, expect, it } from "vitest";
import { measurePublicBundle, PUBLIC_JS_BUDGET_BYTES, staticChunks } from "../../scripts/check-bundle.js";

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

  it("keeps the public page's JavaScript under 200 KB gzip and out of the workspace and ECharts", async () => {
    const size = await measurePublicBundle();
    expect(size.files.length).toBeGreaterThan(0);
    expect(size.files.some((each) => /workspace|ProgrammeCharts|EChart/i.test(each.file))).toBe(false);
    expect(size.gzipBytes).toBeLessThan(PUBLIC_JS_BUDGET_BYTES);
    expect(size.developmentReact).toBe(false);
  }, 180_000);
});
