import { LETTER, LETTER_CHARS } from "../letters.js";
import type { Finding, Programme } from "../model.js";
import { ref } from "../model.js";
import { finding } from "./common.js";
import { passportLine } from "./passport.js";

/** Outside a word: Cyrillic letters are not \w, so word edges are spelled with LETTER. */
const B = `(?<!${LETTER})`;
const E = `(?!${LETTER})`;
const HEAD = `голов[аиіу]${E}`;
/** A word that is not a unit of the body: "начальник відділу … військової адміністрації" heads a unit. */
const UNIT_WORDS = "відділ|управлін|департамент|сектор|служб|центр|апарат";
const NOT_A_UNIT = `(?!${UNIT_WORDS})`;
const COMMUNITY_ADJECTIVE = `${B}(?:міськ|сільськ|селищн)${LETTER}*`;

/**
 * Posts at least as high as the deputy head of the local self-government body (Res. 119 п. 3): the
 * city/village/settlement head or a deputy of theirs (first deputy, deputy on executive bodies,
 * "заступник міського голови – керуючий справами"), acting heads, and the head or a deputy head of a
 * military administration.
 */
const HIGH_ENOUGH = [
  new RegExp(`${COMMUNITY_ADJECTIVE}\\s+${HEAD}`, "u"),
  new RegExp(
    `${B}${HEAD}\\s+(?:${LETTER}+\\s+){0,2}(?:міськ|сільськ|селищн)${LETTER}*\\s+(?:ради|територіальн)`,
    "u",
  ),
  // "Заступник голови з питань діяльності виконавчих органів": the council's deputy head, the council unnamed.
  new RegExp(
    `${B}(?:перш${LETTER}*\\s+)?заступни${LETTER}*\\s+${HEAD}(?!\\s+(?:${LETTER}+\\s+)?(?:комісі|правлін|обласн|районн|${UNIT_WORDS}))`,
    "u",
  ),
  new RegExp(
    `${B}(?:начальник|голов)${LETTER}*\\s+(?:${NOT_A_UNIT}[${LETTER_CHARS}'’-]+\\s+){0,5}військов${LETTER}*\\s+адміністрац`,
    "u",
  ),
];

/** Words that name a post; a field 7 that names one and none of the posts above is too low. */
const NAMES_A_POST = new RegExp(
  `${B}(?:начальни|директор|завідувач|керуюч|секретар|старост|спеціаліст|голов[аиіу]${E}|заступни|керівни|радни|помічни|інспектор|уповноважен|адміністратор|менеджер|фахів|в\\.\\s?о\\.)`,
  "u",
);

function normalise(text: string): string {
  return text.toLowerCase().replace(/[ʼ`]/g, "’").replace(/\s+/g, " ").trim();
}

/** "high" when the post in field 7 is at least a deputy head, "low" when it is another post, null when none is named. */
export function headRank(text: string): "high" | "low" | null {
  const post = normalise(text);
  if (post === "") return null;
  if (HIGH_ENOUGH.some((pattern) => pattern.test(post))) return "high";
  return NAMES_A_POST.test(post) ? "low" : null;
}

/** `passport.head-rank`: the programme head (field 7) holds a post below deputy head of the council. */
export function checkHeadRank(programme: Programme): Finding[] {
  const field = programme.passport.fields.find((each) => each.number === 7);
  if (!field || headRank(field.value) !== "low") return [];
  const message =
    `Керівник програми (поле 7 паспорта: «${field.value.trim()}») має обіймати посаду не нижче ` +
    "заступника сільського, селищного, міського голови (або начальника чи заступника начальника " +
    "військової адміністрації); зазначена посада нижча (постанова КМУ № 119, п. 3).";
  return [finding("passport.head-rank", message, passportLine(programme, 7), ref.passport(7))];
}
