/**
 * Which project an indicator measures. Programmes rarely say so: some print the project's number at the
 * start of the indicator's name («2.2. Організація доступу…»), most only share the words. An indicator
 * is tied to a project of its own direction by the number, else by the stems the two names share.
 */
import { type Direction, type Indicator, type Item, type Programme, walkItems } from "../model.js";

/** Words every name in the field uses: they tie nothing to anything. */
const GENERIC_STEMS = new Set([
  "кільк",
  "відсо",
  "частк",
  "рівен",
  "рівня",
  "забез",
  "наявн",
  "грома",
  "терит",
  "міськ",
  "селищ",
  "сільс",
  "ради",
  "числ",
  "заход",
  "прове",
  "прогр",
  "викон",
  "орган",
  "місце",
  "самов",
  "струк",
  "підро",
  "комун",
  "устан",
  "закла",
]);

export function stems(text: string): Set<string> {
  const words =
    text
      .toLowerCase()
      .replace(/[’'ʼ`]/g, "")
      .match(/[\p{L}\d]+/gu) ?? [];
  return new Set(
    words
      .filter((word) => word.length >= 4)
      .map((word) => word.slice(0, 5))
      .filter((stem) => !GENERIC_STEMS.has(stem)),
  );
}

function normalized(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

/** The direction an indicator row names (by its title or number), or null. */
export function directionOf(programme: Programme, indicator: Indicator): Direction | null {
  const named = normalized(indicator.direction).replace(/^\d+[.)]?\s*/, "");
  if (named === "") return null;
  return (
    programme.directions.find((direction) => {
      const title = normalized(direction.title);
      return title !== "" && (title.startsWith(named.slice(0, 30)) || named.startsWith(title.slice(0, 30)));
    }) ??
    programme.directions.find(
      (direction) => direction.number.replace(/\.$/, "") === named.replace(/\.$/, ""),
    ) ??
    null
  );
}

export function leaves(items: Item[]): Item[] {
  return [...walkItems(items)].filter((item) => item.children.length === 0);
}

const LEADING_NUMBER = /^\s*(\d+(?:\.\d+)+)\.?\s/;

function byNumber(indicator: Indicator, candidates: Item[]): Item | null {
  const number = LEADING_NUMBER.exec(indicator.name)?.[1];
  if (!number) return null;
  return candidates.find((item) => item.number.replace(/\.$/, "") === number) ?? null;
}

function byWords(indicator: Indicator, candidates: Item[]): Item | null {
  const wanted = stems(indicator.name);
  let best: { item: Item; shared: number } | null = null;
  for (const item of candidates) {
    const own = stems(item.title);
    const shared = [...wanted].filter((stem) => own.has(stem)).length;
    if (shared > (best?.shared ?? 0)) best = { item, shared };
  }
  const enough = best && best.shared >= 2 && best.shared * 2 >= wanted.size;
  return enough ? (best?.item ?? null) : null;
}

/** The project (leaf item) the indicator measures, or null when nothing ties them. */
export function projectOf(programme: Programme, indicator: Indicator): Item | null {
  const everywhere = programme.directions.flatMap((direction) => leaves(direction.items));
  const direction = directionOf(programme, indicator);
  const own = direction ? leaves(direction.items) : everywhere;
  return byNumber(indicator, everywhere) ?? byWords(indicator, own);
}
