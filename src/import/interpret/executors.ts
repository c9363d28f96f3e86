import { cellText } from "./text.js";

/** How the name of an organisational unit starts. */
const UNIT_START =
  /^(?:(?:кнп|кп|ку|кз|кзк|ко|цнап)(?!\p{L})|відділ|управління|департамент|центр|служба|сектор|архівний|юридичний|фінансове|старост(?:а|и)(?!\p{L})|структурн(?:ий|і)(?!\p{L})|виконавчі\s|виконавчий\s|комунальн|заклад(?:и)?(?!\p{L})|територіальн|апарат|секретар|керуюч|загальний|організаційний|господарськ|працівник|спеціаліст|посадов|керівник|депутат|робоча група)/iu;
/** A short phrase naming a unit by its kind ("фінансове управління", "сектор цифровізації"). */
const UNIT_NOUN = /(?:відділ|управління|центр|служба|сектор|комітет|рада|апарат)(?!\p{L})/iu;

export function isUnitName(text: string): boolean {
  const clean = text.replace(/^[«"„]/, "").trim();
  return UNIT_START.test(clean) || (clean.split(/\s+/).length <= 3 && UNIT_NOUN.test(clean));
}

/** True when some part of a list (commas, semicolons, lines) names a unit: an executors cell's text. */
export function namesUnit(text: string): boolean {
  return text.split(/[;\n]/).some((line) => splitCommas(cellText(line)).some(isUnitName));
}

/** Splits on commas outside «quotes» and (brackets). */
function splitCommas(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (char === "«" || char === "(" || char === "„") depth++;
    if ((char === "»" || char === ")" || char === "“") && depth > 0) depth--;
    if (char === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== "");
}

/** A proper name or an abbreviation: "Старокостянтинівська ЖЕК", "ОСББ «Світанок»", «Рада». */
const CAPITALISED = /^[«"„]?\p{Lu}/u;

/**
 * Glues comma parts back unless the part after a comma starts a new unit's name or, in a list of
 * units, a capitalised name; a lower-case part goes on with the unit before ("освіти, молоді та спорту").
 */
function splitUnits(text: string): string[] {
  const units: string[] = [];
  for (const part of splitCommas(text)) {
    const last = units.length - 1;
    const startsUnit = isUnitName(part) || (CAPITALISED.test(part) && isUnitName(units[0] ?? ""));
    if (last >= 0 && !startsUnit) units[last] = `${units[last]}, ${part}`;
    else units.push(part);
  }
  return units;
}

/**
 * The organisational units in an executors cell: split on line breaks and semicolons, and on
 * commas where each part names a unit ("Відділ освіти, відділ культури").
 */
export function splitExecutors(cell: string): string[] {
  return cell
    .split(/[;\n]/)
    .flatMap((part) => splitUnits(cellText(part)))
    .map((unit) => unit.replace(/[,.;:\s]+$/, "").trim())
    .filter((unit) => unit !== "");
}
