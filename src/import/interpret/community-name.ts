/**
 * The community a text names in the genitive, as passport field 1 names it: «… Березівської сільської
 * територіальної громади» or its council, «… Березівської сільської ради», is «Березівська сільська
 * територіальна громада». Only a name printed is read; a council with no name of its own («міської
 * ради») or a district's («районної ради») names no community.
 */
import { LETTER, LETTER_CHARS, UPPER } from "../../domain/letters.js";

/** A community's kind in the genitive and in the nominative. */
const KINDS: Record<string, string> = { міської: "міська", сільської: "сільська", селищної: "селищна" };

/**
 * «Березівської», «Н-ської», «Кам'янець-Подільської», «Верхньої»: a proper adjective in the genitive, its
 * capital first (a title may be all capitals); «нової міської ради» names no community.
 */
const NAME = String.raw`${UPPER}[${LETTER_CHARS}'’ʼ-]*(?:ої|ОЇ)`;
/** A word in lower case or in capitals, as a title may print it. */
const eitherCase = (lower: string) => `(?:${lower}|${lower.toUpperCase()})`;
const KIND = `(?:${Object.keys(KINDS).map(eitherCase).join("|")})`;
const UNITED = eitherCase("об['’ʼ]єднаної");

/** «Березівської сільської [об'єднаної] територіальної громади». */
const COMMUNITY = new RegExp(
  String.raw`(?<!${LETTER})(${NAME})\s+(${KIND})\s+(?:(${UNITED})\s+)?${eitherCase("територіальної")}\s+${eitherCase("громади")}(?!${LETTER})`,
  "u",
);
/** «Березівської сільської ради». */
const COUNCIL = new RegExp(
  String.raw`(?<!${LETTER})(${NAME})\s+(${KIND})\s+${eitherCase("ради")}(?!${LETTER})`,
  "u",
);

/** «Березівської» → «Березівська», «Верхньої» → «Верхня»; a name printed in capitals set in lower case. */
function nominative(adjective: string): string {
  const word =
    adjective === adjective.toUpperCase()
      ? adjective
          .toLowerCase()
          .replace(/(^|-)(\p{L})/gu, (_, dash: string, letter: string) => dash + letter.toUpperCase())
      : adjective;
  return word.endsWith("ьої") ? `${word.slice(0, -3)}я` : `${word.slice(0, -2)}а`;
}

function named(match: RegExpExecArray | null): string | null {
  if (!match) return null;
  const [, name = "", kind = "", united] = match;
  const parts = [nominative(name), KINDS[kind.toLowerCase()] ?? kind, united ? "об'єднана" : ""];
  return `${parts.filter(Boolean).join(" ")} територіальна громада`;
}

/**
 * The community the first of the texts to name one names: a community by its own name before a council
 * anywhere (a title names the community, a field its council); null when none does.
 */
export function communityNamed(texts: readonly string[]): { name: string; index: number } | null {
  for (const pattern of [COMMUNITY, COUNCIL]) {
    const index = texts.findIndex((text) => pattern.test(text));
    const name = index >= 0 ? named(pattern.exec(texts[index] ?? "")) : null;
    if (name) return { name, index };
  }
  return null;
}
