import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { LIMIT_MESSAGES, withImportLimits } from "../../src/import/limits.js";
import { newClaims, takeBack, takeFront, takenFromBack } from "../../src/import/pdf/claims.js";
import type { PageContent } from "../../src/import/pdf/geometry.js";
import {
  type OpenPdf,
  pagesReadByHelper,
  readPages,
  START_FROM_PAGES,
  stopPageHelper,
  warmPageHelper,
} from "../../src/import/pdf/helper.js";
import { withWholeInflate } from "../../src/import/pdf/inflate.js";
import { loadPdfPages, openPdf } from "../../src/import/pdf/load.js";
import { pdf, stream } from "../formats/pdf-builder.js";
import { renderAll } from "../formats/render.js";

/**
 * A PDF of `count` pages, each with a line of its own text and a ruling under it; the last page also
 * with `heavy` more strings to show, which make it slow to read.
 */
function numberedPdf(count: number, heavy = 0): Uint8Array {
  const pages = Array.from({ length: count }, (_, index) => index);
  const kids = pages.map((index) => `${4 + 2 * index} 0 R`).join(" ");
  return pdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ...pages.flatMap((index) => [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * index} 0 R >>`,
      stream(
        "",
        Buffer.from(
          `BT /F1 12 Tf 72 700 Td (Page ${index + 1} of ${count}) Tj ET 50 690 m 500 690 l S` +
            (index === count - 1 ? " BT /F1 1 Tf 72 100 Td".concat(" (x) Tj".repeat(heavy), " ET") : ""),
        ),
      ).toString("latin1"),
    ]),
  ]);
}

/** `bytes` opened, with the pages this thread reads counted and, on `read`, `before` run first. */
async function opened(bytes: Uint8Array, before: (number: number) => Promise<void> = async () => {}) {
  const open = await openPdf(bytes);
  const readHere: number[] = [];
  const counted: OpenPdf = {
    ...open,
    read: async (number) => {
      readHere.push(number);
      await before(number);
      return open.read(number);
    },
  };
  return { pdf: counted, readHere, close: () => open.close() };
}

/** Every page read by this thread alone, one after another. */
async function readAlone(bytes: Uint8Array): Promise<PageContent[]> {
  const open = await openPdf(bytes);
  const pages: PageContent[] = [];
  for (let number = 1; number <= open.pages; number++) pages.push(await open.read(number));
  await open.close();
  return pages;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const PAGES = 24;
const bytes = numberedPdf(PAGES);

afterAll(() => stopPageHelper());

describe("a PDF's pages shared out between two readers", () => {
  it("gives every page once, the front in order from the first, the back from the last", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.array(fc.boolean(), { maxLength: 320 }),
        (pages, sides) => {
          const claims = newClaims();
          const front: number[] = [];
          const back: number[] = [];
          for (const fromBack of sides) {
            const page = fromBack ? takeBack(claims, pages) : takeFront(claims, pages);
            if (page !== undefined) (fromBack ? back : front).push(page);
          }
          for (let page = takeFront(claims, pages); page !== undefined; page = takeFront(claims, pages))
            front.push(page);
          expect(front).toEqual(Array.from({ length: front.length }, (_, index) => index + 1));
          expect(back).toEqual(Array.from({ length: back.length }, (_, index) => pages - index));
          expect(front.length + back.length).toBe(pages);
          expect(takenFromBack(claims)).toBe(back.length);
        },
      ),
    );
  });
});

describe("the PDF reader's helper thread", () => {
  it("reads pages from the back while this thread reads from the front, and the pages are the same", async () => {
    const alone = await readAlone(bytes);
    expect(alone.map((page) => page.runs.map((run) => run.text))).toEqual(
      Array.from({ length: PAGES }, (_, index) => [`Page ${index + 1} of ${PAGES}`]),
    );
    await warmPageHelper();
    const before = pagesReadByHelper();
    // This thread slow (a page every 20 ms), so that the helper surely takes pages.
    const { pdf: open, readHere, close } = await opened(bytes, () => pause(20));
    const pages = await withWholeInflate(() => readPages(open, bytes));
    await close();
    expect(pages).toEqual(alone);
    const helped = pagesReadByHelper() - before;
    expect(helped).toBeGreaterThan(0);
    expect(readHere).toEqual(Array.from({ length: PAGES - helped }, (_, index) => index + 1));
  });

  it("helps with documents read at the same time, each page to its own document", async () => {
    const others = [numberedPdf(9), numberedPdf(17)];
    const expected = await Promise.all([bytes, ...others].map(readAlone));
    await warmPageHelper();
    const read = await Promise.all([bytes, ...others].map((document) => loadPdfPages(document)));
    expect(read).toEqual(expected);
  });

  it("gives back to this thread the pages it took and did not give, when it is ended mid-document", async () => {
    const alone = await readAlone(bytes);
    await warmPageHelper();
    const before = pagesReadByHelper();
    // The helper is ended while it reads (its pages take 20 ms here once the first page is read).
    const {
      pdf: open,
      readHere,
      close,
    } = await opened(bytes, async (number) => {
      if (number === 2) stopPageHelper();
      await pause(5);
    });
    const pages = await withWholeInflate(() => readPages(open, bytes));
    await close();
    expect(pages).toEqual(alone);
    const helped = pagesReadByHelper() - before;
    expect(readHere.length + helped).toBe(PAGES);
    // The next document starts another helper, which helps again.
    await warmPageHelper();
    const slow = await opened(bytes, () => pause(20));
    expect(await withWholeInflate(() => readPages(slow.pdf, bytes))).toEqual(alone);
    await slow.close();
    expect(pagesReadByHelper()).toBeGreaterThan(before + helped);
  });

  it("waits for a page the helper took no longer than the import's deadline, and ends the helper", async () => {
    // The last page takes the helper seconds; this thread reads the rest once the helper has taken it.
    const slowLast = numberedPdf(PAGES, 2_000_000);
    await warmPageHelper();
    const before = pagesReadByHelper();
    const claims = newClaims();
    const {
      pdf: open,
      readHere,
      close,
    } = await opened(slowLast, async () => {
      while (takenFromBack(claims) === 0) await pause(5);
    });
    await expect(
      withImportLimits(() => withWholeInflate(() => readPages(open, slowLast, claims)), 400),
    ).rejects.toThrow(LIMIT_MESSAGES.time);
    await close();
    expect(readHere).not.toContain(PAGES);
    expect(pagesReadByHelper()).toBe(before);
  });
});

describe("a one-off import of a long PDF (the CLI)", () => {
  it("waits for the helper to start, and the process ends when the import is done", () => {
    const directory = mkdtempSync(path.join(tmpdir(), "infoprog-helper-"));
    const file = path.join(directory, "long.pdf");
    writeFileSync(file, numberedPdf(START_FROM_PAGES));
    const script = [
      `import { loadPdfPages } from ${JSON.stringify(path.resolve("src/import/pdf/load.ts"))};`,
      `import { warmPageHelper } from ${JSON.stringify(path.resolve("src/import/pdf/helper.ts"))};`,
      "await warmPageHelper();",
      `const pages = await loadPdfPages(new Uint8Array((await import("node:fs")).readFileSync(${JSON.stringify(file)})));`,
      "console.log(pages.length);",
    ].join("\n");
    // A helper that held the process open would keep it past the import by its idle minute: killed here.
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
      timeout: 30_000,
    });
    rmSync(directory, { recursive: true, force: true });
    expect(run.stderr).toBe("");
    expect(run.signal).toBeNull();
    expect(run.stdout.trim()).toBe(`${START_FROM_PAGES}`);
  });
});

describe("every fixture programme as a PDF", () => {
  it("reads to the same pages with the helper as by this thread alone", async () => {
    const directory = path.resolve(process.cwd(), "../shared/fixtures/programs");
    const texts = readdirSync(directory)
      .filter((name) => name.endsWith(".txt"))
      .map((name) => readFileSync(path.join(directory, name), "utf8"));
    const documents = await renderAll(texts, "pdf");
    await warmPageHelper();
    for (const document of documents) expect(await loadPdfPages(document)).toEqual(await readAlone(document));
  });
});
