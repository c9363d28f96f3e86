import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cluster, mergeRulings } from "../../src/import/pdf/geometry.js";
import { layoutPages } from "../../src/import/pdf/layout.js";
import {
  findRulings,
  findSkew,
  type GreyImage,
  hocrConfidence,
  hocrRuns,
  ocrWord,
  parsePgm,
  scannedPage,
  straightenImage,
  turnImage,
  wipeRulings,
  writePgm,
} from "../../src/import/pdf/scan.js";

/**
 * A scanned page's pieces (`src/import/pdf/scan.ts`): table borders found in a grey image among
 * letters and filled areas, tesseract's hOCR words as text runs, and Latin look-alikes in Cyrillic
 * words read as Cyrillic.
 */
const DPI = 200;
const px = (points: number) => Math.round((points * DPI) / 72);
const pt = (pixels: number) => (pixels * 72) / DPI;

function blank(width: number, height: number): GreyImage {
  return { width, height, pixels: new Uint8Array(width * height).fill(255) };
}

function fill(image: GreyImage, x0: number, y0: number, x1: number, y1: number, value = 0): void {
  for (let y = y0; y <= y1; y++) image.pixels.fill(value, y * image.width + x0, y * image.width + x1 + 1);
}

/** Strictly increasing pixel positions at least `gap` apart, from `start`. */
const edges = (count: [number, number], gap: [number, number], start: number) =>
  fc
    .array(fc.integer({ min: gap[0], max: gap[1] }), { minLength: count[0], maxLength: count[1] })
    .map((steps) => {
      const positions = [start];
      for (const step of steps) positions.push((positions.at(-1) ?? start) + step);
      return positions;
    });

/** A ruled table (lines 1–3 px thick, grey or black) with letter-sized strokes and a filled stamp in its cells. */
const ruledPage = fc
  .record({
    columns: edges([2, 6], [px(20), px(90)], px(40)),
    rows: edges([1, 6], [px(11), px(40)], px(40)),
    thickness: fc.integer({ min: 1, max: 3 }),
    ink: fc.integer({ min: 0, max: 120 }),
    letters: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: px(3), max: px(9) })), {
      maxLength: 30,
    }),
    stamp: fc.boolean(),
  })
  .map(({ columns, rows, thickness, ink, letters, stamp }) => {
    const image = blank((columns.at(-1) ?? 0) + px(40), (rows.at(-1) ?? 0) + px(60));
    const [left, right] = [columns[0] ?? 0, columns.at(-1) ?? 0];
    const [top, bottom] = [rows[0] ?? 0, rows.at(-1) ?? 0];
    for (const y of rows) fill(image, left, y, right + thickness - 1, y + thickness - 1, ink);
    for (const x of columns) fill(image, x, top, x + thickness - 1, bottom + thickness - 1, ink);
    // Letters: vertical strokes inside a cell, kept off its borders.
    let marks = 0;
    for (const [cell, row, height] of letters) {
      const c = cell % (columns.length - 1);
      const r = row % (rows.length - 1);
      const [x0, y0, y1] = [(columns[c] ?? 0) + px(4), (rows[r] ?? 0) + px(2), (rows[r + 1] ?? 0) - px(2)];
      if (y1 - y0 < 4) continue;
      fill(image, x0, y0, x0 + 1, Math.min(y1, y0 + height));
      marks++;
    }
    // A stamp under the table: a filled area is no ruling.
    if (stamp) fill(image, left, bottom + px(10), left + px(40), bottom + px(40));
    return { image, columns, rows, thickness, marked: marks > 0 || stamp };
  });

describe("table borders in a page image", () => {
  it("are found as the rulings of the table's grid, letters and filled areas aside", () => {
    fc.assert(
      fc.property(ruledPage, ({ image, columns, rows, thickness }) => {
        const found = findRulings(image, DPI);
        const middle = (at: number) => pt(at + thickness / 2);
        const vertical = cluster(
          mergeRulings(found.vertical, 1).map((ruling) => ruling.at),
          1,
        );
        const horizontal = cluster(
          mergeRulings(found.horizontal, 1).map((ruling) => ruling.at),
          1,
        ).reverse();
        expect(vertical.map((at) => at.toFixed(1))).toEqual(columns.map((x) => middle(x).toFixed(1)));
        expect(horizontal.map((at) => at.toFixed(1))).toEqual(
          rows.map((y) => (pt(image.height) - middle(y)).toFixed(1)),
        );
      }),
      { numRuns: 25 },
    );
  });

  it("are wiped from the image that goes to OCR, and only they", () => {
    fc.assert(
      fc.property(ruledPage, ({ image, marked }) => {
        const wiped = wipeRulings(image, findRulings(image, DPI));
        expect(findRulings(wiped, DPI)).toMatchObject({ horizontal: [], vertical: [] });
        const letters = (pixels: Uint8Array) => pixels.filter((value) => value === 0).length;
        // A letter (a black stroke inside a cell) or the stamp survives wiping. Whether there is one is
        // the generator's to say: black rulings (ink 0) are black pixels too, and all of them go.
        if (marked) expect(letters(wiped.pixels)).toBeGreaterThan(0);
      }),
      { numRuns: 25 },
    );
  });

  it("a short border of a one-line row counts when it runs from border to border, a letter as tall does not", () => {
    const image = blank(px(200), px(100));
    fill(image, px(20), px(40), px(180), px(40) + 1);
    fill(image, px(20), px(48), px(180), px(48) + 1);
    fill(image, px(100), px(40), px(100) + 1, px(48) + 1);
    fill(image, px(60), px(41) + 2, px(60) + 1, px(48) - 2);
    const found = findRulings(image, DPI);
    expect(found.vertical.map((ruling) => Math.round(ruling.at))).toEqual([100]);
  });

  it("a letter standing on a border in a spanning cell goes on no ruling and is not wiped", () => {
    // Rows at 40, 48, 60 and 72 pt (down); column borders at 20 and 180, and at 100 except in the
    // row 48–60 (a spanning cell), where a letter's stem stands on the line over the border below.
    const image = blank(px(200), px(100));
    for (const y of [40, 48, 60, 72]) fill(image, px(20), px(y), px(180), px(y) + 2);
    for (const x of [20, 180]) fill(image, px(x), px(40), px(x) + 2, px(72) + 2);
    fill(image, px(100), px(40), px(100) + 2, px(48) + 2);
    fill(image, px(100), px(60), px(100) + 2, px(72) + 2);
    fill(image, px(100) + 1, px(53), px(100) + 4, px(60));
    const found = findRulings(image, DPI);
    const y = (points: number) => pt(image.height - px(points));
    const spanning = found.vertical.filter(
      (ruling) => Math.round(ruling.at) === 100 && ruling.from < y(50) && ruling.to > y(58),
    );
    expect(spanning).toEqual([]);
    const wiped = wipeRulings(image, found);
    expect(wiped.pixels[px(55) * image.width + px(100) + 3]).toBe(0);
  });

  it("a PGM is read and written back unchanged", () => {
    const image = blank(7, 3);
    fill(image, 1, 1, 5, 1, 17);
    expect(parsePgm(writePgm(image))).toEqual(image);
  });
});

const CYRILLIC_WORDS = [
  "рік",
  "року",
  "Загальний",
  "обсяг",
  "тому",
  "числі",
  "Всього",
  "Оновлено",
  "ЦНАП",
  "КП",
  "р",
  "у",
  "с",
  "і",
];
const LOOKS: Record<string, string> = {
  а: "a",
  с: "c",
  е: "e",
  і: "i",
  о: "o",
  р: "p",
  х: "x",
  у: "y",
  А: "A",
  В: "B",
  С: "C",
  Е: "E",
  Н: "H",
  І: "I",
  К: "K",
  М: "M",
  О: "O",
  Р: "P",
  Т: "T",
  Х: "X",
};

describe("words read by OCR", () => {
  it("have the Latin look-alikes tesseract mixes into Cyrillic words made Cyrillic", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CYRILLIC_WORDS),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        fc.constantFrom("", ".", ",", ":"),
        (word, swaps, tail) => {
          const letters = [...word];
          // A word of more than one letter keeps at least one Cyrillic letter (else it is a Latin word).
          const keep = letters.length > 1 ? letters.findIndex((letter) => !LOOKS[letter] || !swaps[0]) : -1;
          const mixed = letters
            .map((letter, index) => (index !== keep && swaps[index % 12] && LOOKS[letter]) || letter)
            .join("");
          if (letters.length > 1 && ![...mixed].some((letter) => /\p{Script=Cyrillic}/u.test(letter))) return;
          expect(ocrWord(`${mixed}${tail}`)).toBe(`${word}${tail}`);
        },
      ),
    );
  });

  it("leave Latin words, numbers and signs alone", () => {
    for (const text of ["Wi-Fi", "IP", "CEO", "1 032,053", "2026-2028", "e-mail", "«Світанок»", "№", "-"])
      expect(ocrWord(text)).toBe(text);
    expect(ocrWord("2026")).toBe("2026");
    expect(ocrWord("p.")).toBe("р.");
  });
});

/** hOCR as tesseract writes it: a line with its bbox, baseline and x_size, and its words. */
function hocrLine(
  line: [number, number, number, number],
  baseline: [number, number],
  words: [string, number[]][],
) {
  const spans = words
    .map(
      ([text, box]) =>
        `<span class='ocrx_word' id='w' title='bbox ${box.join(" ")}; x_wconf 95'>${text}</span>`,
    )
    .join(" ");
  return `<span class='ocr_line' id='l' title="bbox ${line.join(" ")}; baseline ${baseline.join(" ")}; x_size 30; x_descenders 7; x_ascenders 8">${spans}</span>`;
}

describe("tesseract's hOCR as text runs", () => {
  it("places each word on its line's baseline, in points with y up, entities unescaped and bars dropped", () => {
    const hocr = `<div class='ocr_page'><p class='ocr_par'>${hocrLine(
      [100, 200, 900, 240],
      [0, -8],
      [
        ["Інші", [100, 200, 180, 232]],
        ["|", [300, 195, 304, 245]],
        ["1&#160;032,053", [400, 204, 520, 232]],
        ["«Благоустрій&amp;Ко»", [600, 200, 900, 240]],
      ],
    )}</p></div>`;
    const runs = hocrRuns(hocr, 300, 3000);
    expect(runs.map((run) => run.text)).toEqual(["Інші", "1\u00a0032,053", "«Благоустрій&Ко»"]);
    for (const run of runs) {
      expect(run.y).toBeCloseTo(((3000 - 232) * 72) / 300, 5);
      expect(run.size).toBeCloseTo((30 * 72) / 300, 5);
    }
    expect(runs[1]).toMatchObject({ x: (400 * 72) / 300, width: (120 * 72) / 300 });
  });

  it("a tilted baseline gives each word its own height on it", () => {
    const hocr = hocrLine(
      [0, 100, 1000, 130],
      [0.01, -5],
      [
        ["а", [0, 100, 10, 125]],
        ["б", [500, 105, 510, 130]],
      ],
    );
    const [first, second] = hocrRuns(hocr, 72, 1000);
    expect((first?.y ?? 0) - (second?.y ?? 0)).toBeCloseTo(5, 5);
  });

  it("scanned words and borders are laid out as a ruled table", () => {
    // A 2×2 table, 72 dpi (pixels are points): borders at x 100, 300, 500 and y 100, 150, 200 (down).
    const image = blank(600, 300);
    for (const y of [100, 150, 200]) fill(image, 100, y, 501, y + 1);
    for (const x of [100, 300, 500]) fill(image, x, 100, x + 1, 201);
    const words = hocrLine(
      [110, 110, 480, 130],
      [0, 0],
      [
        ["Назва", [110, 110, 160, 130]],
        ["Сума", [310, 110, 350, 130]],
      ],
    );
    const data = hocrLine(
      [110, 160, 480, 180],
      [0, 0],
      [
        ["Захід", [110, 160, 160, 180]],
        ["12,5", [310, 160, 350, 180]],
      ],
    );
    const page = scannedPage(hocrRuns(words + data, 72, 300), findRulings(image, 72), image, 72);
    const { blocks } = layoutPages([page]);
    expect(blocks).toMatchObject([
      { kind: "table", rows: [{ cells: ["Назва", "Сума"] }, { cells: ["Захід", "12,5"] }] },
    ]);
  });
});

/** Ink along `y = c + x·tan(degrees)` (y down), `thickness` pixels thick, from x0 to x1. */
function slanted(image: GreyImage, c: number, degrees: number, x0: number, x1: number, thickness = 2): void {
  const slope = Math.tan((degrees * Math.PI) / 180);
  for (let x = x0; x <= x1; x++) {
    const y = Math.round(c + x * slope);
    fill(image, x, Math.max(0, y), x, Math.min(image.height - 1, y + thickness - 1));
  }
}

/**
 * A crooked page: a ruled table's horizontal rulings and lines of "words" (short dark blocks with gaps,
 * as text looks at a glance) at `degrees`, and a few letter strokes across them.
 */
function crookedPage(degrees: number, words: number): GreyImage {
  const image = blank(px(400), px(300));
  const [left, right] = [px(40), px(360)];
  const slope = Math.tan((degrees * Math.PI) / 180);
  for (const y of [px(60), px(120), px(180), px(240)]) slanted(image, y, degrees, left, right);
  for (let line = 0; line < words; line++) {
    const base = px(75) + line * px(12);
    for (let x = left + px(5); x < right - px(30); x += px(30)) {
      for (let dx = 0; dx < px(22); dx++) {
        const y = Math.round(base + (x + dx) * slope);
        if (dx % 3 !== 2) fill(image, x + dx, y - px(6), x + dx, y);
      }
    }
  }
  return image;
}

describe("a crooked or turned page", () => {
  it("has its skew found within 0.2° from its rulings and lines, and is straightened by it", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        (degrees, words) => {
          const page = crookedPage(degrees, words);
          const skew = findSkew(page, DPI);
          expect(skew.found).toBe(true);
          expect(Math.abs(skew.degrees - degrees)).toBeLessThanOrEqual(0.2);
          // Straightened, its rulings are level: each found whole, as one horizontal ruling.
          const level = straightenImage(page, skew.degrees);
          expect(Math.abs(findSkew(level, DPI).degrees)).toBeLessThanOrEqual(0.2);
          const rulings = mergeRulings(findRulings(level, DPI).horizontal, 1).filter(
            (ruling) => ruling.to - ruling.from > 300,
          );
          expect(rulings).toHaveLength(4);
        },
      ),
      { numRuns: 12 },
    );
  });

  it("crooked by 2°, its rulings are not found level until it is straightened", () => {
    const page = crookedPage(2, 2);
    const long = (image: GreyImage) =>
      findRulings(image, DPI).horizontal.filter((ruling) => ruling.to - ruling.from > 300);
    expect(long(page)).toEqual([]);
    expect(long(straightenImage(page, findSkew(page, DPI).degrees))).toHaveLength(4);
  });

  it("a straight page is found straight, and a page more crooked than looked for is named", () => {
    expect(findSkew(crookedPage(0, 3), DPI)).toMatchObject({ degrees: 0, found: true });
    expect(findSkew(blank(50, 40), DPI)).toMatchObject({ degrees: 0, found: true });
    expect(findSkew(crookedPage(12, 3), DPI).found).toBe(false);
  });

  it("turned a quarter, its lines run down the page (sideways); upright or upside down, across", () => {
    const page = crookedPage(1, 3);
    expect(findSkew(page, DPI).lines).toBeGreaterThan(1);
    expect(findSkew(turnImage(page, 2), DPI).lines).toBeGreaterThan(1);
    expect(findSkew(turnImage(page, 1), DPI).lines).toBeLessThan(1);
    expect(findSkew(turnImage(page, 3), DPI).lines).toBeLessThan(1);
  });

  it("is turned by quarter turns clockwise, four of them giving the page back", () => {
    const image = blank(3, 2);
    fill(image, 0, 0, 0, 0, 7); // top left
    fill(image, 2, 0, 2, 0, 9); // top right
    const turned = turnImage(image, 1);
    expect([turned.width, turned.height]).toEqual([2, 3]);
    // Clockwise: the top left goes to the top right, the top right to the bottom right.
    expect(turned.pixels[1]).toBe(7);
    expect(turned.pixels[2 * 2 + 1]).toBe(9);
    expect(turnImage(turnImage(turned, 2), 1)).toEqual(image);
    expect(turnImage(image, -1)).toEqual(turnImage(image, 3));
  });

  it("tesseract's confidence in its words is averaged over their letters", () => {
    const word = (text: string, confidence: number) =>
      `<span class='ocrx_word' id='w' title='bbox 0 0 1 1; x_wconf ${confidence}'>${text}</span>`;
    expect(hocrConfidence(`${word("Всього", 90)} ${word("12,5", 30)} ${word("|", 0)}`)).toBeCloseTo(
      (90 * 6 + 30 * 3) / 9,
      5,
    );
    expect(hocrConfidence("")).toBe(0);
  });
});
