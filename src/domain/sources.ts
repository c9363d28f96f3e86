/**
 * Recognising a funding source from its printed name ("Бюджет Роменської МТГ" → local). Pure; shared by
 * the importer's interpreter and the XLSX/CSV template reader.
 */
import type { SourceKind } from "./model.js";

/** Phrases that name a funding source, matched at the start of a cell or of a part of it. */
const SOURCE_PATTERNS: [SourceKind, RegExp][] = [
  ["total", /^загальний обсяг/],
  ["none", /^не потребує/],
  ["within-budget", /^(в|у) межах (бюджетних асигнувань|фінансування|кошторис|коштів)/],
  [
    "state",
    /^(кошт(?:и|ів) )?(державн\S* (бюджет|фонд\S* регіональн)|(освітн\S* )?субвенці\S* (з|із) державного бюджету|дфрр)/,
  ],
  ["oblast", /^(кошт(?:и|ів) )?обласн\S* бюджет/],
  ["district", /^(кошт(?:и|ів) )?районн\S* бюджет/],
  ["other", /^(кошт(?:и|ів) )?(інш\S* джерел|інших джерел|не заборонен|позабюджетн)/],
  // Donors' money is the model's «інші джерела»: named with «кошти» first, or as a phrase of its own.
  ["other", /^кошт\S* (міжнародн|грантов|спонсорськ|благодійн|донор|інвестор)/],
  [
    "other",
    /^(міжнародн\S* технічн\S* допомог|грант(и|ові кошти)?$|спонсорськ\S* кошт|благодійн\S* (внеск|кошт))/,
  ],
  ["local", /^(кошт(?:и|ів) )?((місцев|міськ|сільськ|селищн)\S* бюджет|бюджет\S*\s)/],
  ["local", /^(кошт(?:и|ів) )?бюджет\S*$/],
];

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

/** «Кошти загального фонду бюджету громади»: a budget's fund names the budget that follows it. */
const BUDGET_FUND = /^(кошт(?:и|ів) )?(загальн|спеціальн)\S* фонд\S* /;

/** «у тому числі: коштів місцевого бюджету», «в т.ч. інші джерела»: the part of a total a source is. */
const INCLUDING = /^(?:(?:у|в) тому числі|(?:у|в) т\.\s?ч\.|з них)\s*:?\s*/;

function classifyPart(part: string): SourceKind | null {
  const text = normalise(part)
    .replace(/^[-–—•,.:;\s]+/, "")
    .replace(INCLUDING, "")
    .replace(BUDGET_FUND, "");
  for (const [kind, pattern] of SOURCE_PATTERNS) if (pattern.test(text)) return kind;
  return null;
}

/** Splits a source cell into the sources it names ("Бюджет громади; інші джерела" → two parts). */
function sourceParts(text: string): string[] {
  return text
    .split(
      /[;\n]|,\s*(?=(?:кошти\s+)?(?:інш|державн|обласн|районн|місцев|міськ|сільськ|селищн))|\s+та\s+(?=(?:кошти\s+)?інш)/i,
    )
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** The source kind a printed label names; "mixed" when it names several, "unspecified" for empty text. */
export function classifySource(label: string): SourceKind {
  if (label.length > 400) return classifyLabel(label);
  let known = sourceKindMemo.get(label);
  if (known === undefined) {
    known = classifyLabel(label);
    if (sourceKindMemo.size > 10_000) sourceKindMemo.clear();
    sourceKindMemo.set(label, known);
  }
  return known;
}

/** Every funding row of a table asks about one of a few labels. */
const sourceKindMemo = new Map<string, SourceKind>();

function classifyLabel(label: string): SourceKind {
  const text = normalise(label);
  if (text === "") return "unspecified";
  if (/^[-‐‑–—−]+$/.test(text)) return "none";
  const whole = classifyPart(text);
  if (whole === "total" || whole === "none" || whole === "within-budget") return whole;
  const kinds = new Set(
    sourceParts(text)
      .map(classifyPart)
      .filter((kind) => kind !== null),
  );
  if (kinds.size > 1) return "mixed";
  return whole ?? [...kinds][0] ?? "unspecified";
}

/** True when the whole cell is a source label (used to find sources in shifted cells). */
export function isSourceLabel(cell: string): boolean {
  if (cell.length > 400) return false;
  let known = sourceLabelMemo.get(cell);
  if (known === undefined) {
    const text = normalise(cell);
    known = text.length > 0 && text.length < 160 && classifyPart(text) !== null;
    if (sourceLabelMemo.size > 10_000) sourceLabelMemo.clear();
    sourceLabelMemo.set(cell, known);
  }
  return known;
}

/** Tables repeat the same cells on every row (source names, "-"), and each row asks about several. */
const sourceLabelMemo = new Map<string, boolean>();
