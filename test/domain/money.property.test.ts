import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatAmount,
  kopecksToDecimal,
  type MoneyUnit,
  parseAmountCell,
  parseDecimalToKopecks,
  parseScaledAmount,
} from "../../src/domain/money.js";

const units = fc.constantFrom<MoneyUnit>("million", "thousand", "uah");
const kopecks = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
/** Amounts a programme really has: up to ten billion UAH. */
const everydayKopecks = fc.integer({ min: 0, max: 1_000_000_000_000 });
const groupSeparator = fc.constantFrom(" ", "\u00a0", "\u202f");

function withComma(decimal: string): string {
  return decimal.replace(".", ",");
}

/** "1234567,5" → "1<sep>234<sep>567,5" with one separator chosen per gap. */
function grouped(decimal: string, separators: string[]): string {
  const [whole = "", fraction] = decimal.split(",");
  const groups: string[] = [];
  for (let end = whole.length; end > 0; end -= 3) groups.unshift(whole.slice(Math.max(0, end - 3), end));
  const joined = groups.reduce(
    (text, group, index) =>
      index === 0 ? group : text + (separators[index % separators.length] ?? " ") + group,
    "",
  );
  return fraction === undefined ? joined : `${joined},${fraction}`;
}

describe("parseDecimalToKopecks round-trips", () => {
  it("through kopecksToDecimal with a decimal comma or a dot, for any safe non-negative amount", () => {
    fc.assert(
      fc.property(kopecks, units, (amount, unit) => {
        const decimal = kopecksToDecimal(amount, unit);
        expect(parseDecimalToKopecks(withComma(decimal), unit)).toBe(amount);
        expect(parseDecimalToKopecks(decimal, unit)).toBe(amount);
      }),
    );
  });

  it("through formatAmount (uk-UA, NBSP groups, decimal comma)", () => {
    fc.assert(
      fc.property(kopecks, units, (amount, unit) => {
        const shown = formatAmount(amount, unit);
        expect(shown).toMatch(/^\d{1,3}(?:[\u00a0\u202f]\d{3})*,\d+$/);
        expect(parseDecimalToKopecks(shown, unit)).toBe(amount);
      }),
    );
  });

  it("writes uk-UA exactly as Intl.NumberFormat does, without loading ICU for it", () => {
    const intl = (unit: MoneyUnit) =>
      new Intl.NumberFormat("uk-UA", {
        minimumFractionDigits: unit === "uah" ? 2 : 1,
        maximumFractionDigits: { million: 8, thousand: 5, uah: 2 }[unit],
      });
    const signed = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    const edges = [0, 1, -1, 99, 100, 999_99, 100_000, 123_456_789, -5_000_000, Number.MAX_SAFE_INTEGER];
    for (const unit of ["million", "thousand", "uah"] as const) {
      for (const amount of edges) {
        expect(formatAmount(amount, unit)).toBe(intl(unit).format(kopecksToDecimal(amount, unit) as never));
      }
    }
    fc.assert(
      fc.property(signed, units, (amount, unit) => {
        expect(formatAmount(amount, unit)).toBe(intl(unit).format(kopecksToDecimal(amount, unit) as never));
      }),
      { numRuns: 2000 },
    );
    // Other locales still go through Intl.
    expect(formatAmount(123_456_750, "thousand", "en-US")).toBe("1,234.5675");
  });

  it("reads the formatted examples of the documents", () => {
    expect(formatAmount(3_611_250_000, "thousand")).toBe("36\u00a0112,5");
    expect(parseDecimalToKopecks("36112,5", "thousand")).toBe(3_611_250_000);
    expect(parseDecimalToKopecks("1 774 000,00", "uah")).toBe(177_400_000);
    expect(parseDecimalToKopecks("3,45", "million")).toBe(345_000_000);
    expect(formatAmount(345_000_000, "million")).toBe("3,45");
    expect(parseDecimalToKopecks("1 234,56789012", "million")).toBe(123_456_789_012);
    expect(parseDecimalToKopecks("0,000000001", "million")).toBeNull();
  });
});

describe("parsing is exact", () => {
  it("adds 0,1 and 0,2 to exactly 0,3 (no float drift)", () => {
    for (const unit of ["million", "thousand", "uah"] as const) {
      const sum =
        (parseDecimalToKopecks("0,1", unit) ?? Number.NaN) +
        (parseDecimalToKopecks("0,2", unit) ?? Number.NaN);
      expect(sum).toBe(parseDecimalToKopecks("0,3", unit));
      expect(kopecksToDecimal(sum, unit)).toBe("0.3");
    }
  });

  it("the sum of parsed amounts is the parse of the summed text", () => {
    fc.assert(
      fc.property(everydayKopecks, everydayKopecks, units, (a, b, unit) => {
        const parsedA = parseDecimalToKopecks(withComma(kopecksToDecimal(a, unit)), unit);
        const parsedB = parseDecimalToKopecks(withComma(kopecksToDecimal(b, unit)), unit);
        expect((parsedA ?? Number.NaN) + (parsedB ?? Number.NaN)).toBe(
          parseDecimalToKopecks(withComma(kopecksToDecimal(a + b, unit)), unit),
        );
      }),
    );
  });

  it("refuses more fraction digits than a kopeck holds instead of rounding", () => {
    fc.assert(
      fc.property(everydayKopecks, fc.integer({ min: 1, max: 9 }), units, (amount, digit, unit) => {
        const decimal = kopecksToDecimal(amount, unit);
        const places = { million: 8, thousand: 5, uah: 2 }[unit];
        const [whole = "0", fraction = ""] = decimal.split(".");
        const tooFine = `${whole},${fraction.padEnd(places, "0")}${digit}`;
        expect(parseDecimalToKopecks(tooFine, unit)).toBeNull();
      }),
    );
  });
});

describe("separators and markup are ignored", () => {
  it("spaces, NBSP and narrow NBSP between thousands", () => {
    fc.assert(
      fc.property(
        kopecks,
        units,
        fc.array(groupSeparator, { minLength: 1, maxLength: 6 }),
        (amount, unit, seps) => {
          const text = grouped(withComma(kopecksToDecimal(amount, unit)), seps);
          expect(parseDecimalToKopecks(text, unit)).toBe(amount);
        },
      ),
    );
  });

  it("<p>…</p> and **…** around the number, and surrounding whitespace", () => {
    const wrappers = fc.constantFrom(
      (t: string) => `<p>${t}</p>`,
      (t: string) => `**${t}**`,
      (t: string) => `<p>**${t}**</p>`,
      (t: string) => `  ${t}\t`,
      (t: string) => `<p class="x">${t}</p>`,
    );
    fc.assert(
      fc.property(everydayKopecks, units, wrappers, (amount, unit, wrap) => {
        const text = wrap(formatAmount(amount, unit));
        expect(parseDecimalToKopecks(text, unit)).toBe(amount);
        expect(parseAmountCell(text, unit)).toEqual({ kind: "amount", kopecks: amount });
      }),
    );
  });
});

describe("non-numbers", () => {
  const letters = fc
    .array(fc.constantFrom(..."абвгґдеєжзиіїйклмнопрстуфхцчшщьюяabcxyz"), { minLength: 1, maxLength: 12 })
    .map((chars) => chars.join(""))
    // «х» alone (Cyrillic or Latin) is the «не застосовується» mark, read as a dash (below).
    .filter((word) => !/^[хx]$/.test(word));

  it("«х» or «x» alone is no amount, as a dash is", () => {
    for (const mark of ["х", "Х", "x", "X", "×"])
      expect(parseAmountCell(mark, "thousand")).toEqual({ kind: "dash" });
  });

  it("return null and read as text", () => {
    fc.assert(
      fc.property(letters, units, (word, unit) => {
        expect(parseDecimalToKopecks(word, unit)).toBeNull();
        expect(parseAmountCell(word, unit)).toEqual({ kind: "text", text: word });
      }),
    );
  });

  it("a letter inside a number spoils it", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 99_999 }),
        fc.nat({ max: 999 }),
        letters,
        units,
        (left, right, word, unit) => {
          const text = `${left}${word}${right}`;
          expect(parseDecimalToKopecks(text, unit)).toBeNull();
          expect(parseAmountCell(text, unit).kind).toBe("text");
        },
      ),
    );
  });

  it("empty cells and dashes are not amounts either", () => {
    for (const unit of ["million", "thousand", "uah"] as const) {
      expect(parseAmountCell("  ", unit)).toEqual({ kind: "empty" });
      expect(parseAmountCell("<p></p>", unit)).toEqual({ kind: "empty" });
      for (const dash of ["-", "–", "—", "−", "--"])
        expect(parseAmountCell(dash, unit)).toEqual({ kind: "dash" });
      expect(parseDecimalToKopecks("-1,0", unit)).toBeNull();
      expect(parseDecimalToKopecks("1,2,3", unit)).toBeNull();
    }
  });
});

describe("amounts written with a scale word", () => {
  it("reads the exact amount the word names, in kopecks", () => {
    expect(parseScaledAmount("0,3 млн")).toEqual({ kopecks: 30_000_000, word: "million" });
    expect(parseScaledAmount("0,3 млн грн")).toEqual({ kopecks: 30_000_000, word: "million" });
    expect(parseScaledAmount("1,2 млн. грн")).toEqual({ kopecks: 120_000_000, word: "million" });
    expect(parseScaledAmount("0,000001 млн")).toEqual({ kopecks: 100, word: "million" });
    expect(parseScaledAmount("2 млрд грн")).toEqual({ kopecks: 200_000_000_000, word: "billion" });
    expect(parseScaledAmount("300 тис. грн")).toEqual({ kopecks: 30_000_000, word: "thousand" });
    expect(parseScaledAmount("1 250,5 тис")).toEqual({ kopecks: 125_050_000, word: "thousand" });
  });

  it("refuses other text and fractions finer than a kopeck", () => {
    expect(parseScaledAmount("0,000000001 млн")).toBeNull();
    expect(parseScaledAmount("в межах 0,3 млн")).toBeNull();
    expect(parseScaledAmount("0,3 млн та 0,2 млн")).toBeNull();
    expect(parseScaledAmount("0,3")).toBeNull();
    expect(parseScaledAmount("млн")).toBeNull();
  });

  it("equals the decimal in thousands scaled by the word, for any amount", () => {
    fc.assert(
      fc.property(everydayKopecks, (value) => {
        const millions = withComma(kopecksToDecimal(value, "thousand")).replace(
          /^(\d+)(?:,(\d+))?$/,
          (_, whole: string, fraction = "") => {
            const digits = whole.padStart(4, "0");
            return `${Number(digits.slice(0, -3))},${digits.slice(-3)}${fraction}`;
          },
        );
        expect(parseScaledAmount(`${millions} млн грн`)?.kopecks).toBe(value);
      }),
    );
  });
});
