/**
 * Splitting an executors cell into its organisational units and people: the importer reads task tables
 * with it and the web editor splits what the head types. Pure functions.
 */

import { LETTER, LETTER_CHARS, LOWER, LOWER_CHARS, UPPER, UPPER_CHARS } from "./letters.js";

/** Starts with a small letter. */
const STARTS_LOWER = new RegExp(String.raw`^${LOWER}`, "u");
/** Starts with a capital letter. */
const STARTS_CAPITAL = new RegExp(String.raw`^${UPPER}`, "u");
/** Starts with a letter, after an optional opening quote. */
const STARTS_WITH_LETTER = new RegExp(String.raw`^[«"„]?${LETTER}`, "u");
/** Ends with an initial: a capital and a dot. */
const ENDS_WITH_INITIAL = new RegExp(String.raw`${UPPER}\.$`, "u");

/** A cell's text on one line: line breaks and runs of spaces become one space. */
function cellText(cell: string): string {
  return cell.replace(/\s+/g, " ").trim();
}

/** How the name of an organisational unit starts; "комунальної", "територіальної" (genitive) do not. */
const UNIT_START = new RegExp(
  String.raw`^(?:(?:кнп|кп|ку|кз|кзк|ко|цнап)(?!${LETTER})|відділ|управління|департамент|центр|служба|сектор|архівний|юридичний|фінансове|старост(?:а|и)(?!${LETTER})|структурн(?:ий|і)(?!${LETTER})|виконавчі\s|виконавчий\s|комунальн(?!(?:ої|ого|их|ому|ими|ій)(?!${LETTER}))|заклад(?:и)?(?!${LETTER})|територіальн(?!(?:ої|ого|их|ому|ими|ій)(?!${LETTER}))|апарат|секретар|керуюч|загальний|організаційний|господарськ|працівник|спеціаліст|посадов|керівник|депутат|робоча група)`,
  "iu",
);
/** A short phrase naming a unit by its kind ("фінансове управління", "сектор цифровізації"). */
const UNIT_NOUN = new RegExp(
  String.raw`(?:відділ|управління|центр|служба|сектор|комітет|рада|апарат|department|division|office|service|centre|center)(?!${LETTER})`,
  "iu",
);

/** True when the text names a unit; what follows in brackets ("(Іваненко І.І.)", "(за згодою)") aside. */
export function isUnitName(text: string): boolean {
  const clean = text
    .replace(/^[«"„]/, "")
    .replace(/\s*\([^()]*\)$/, "")
    .trim();
  return (
    UNIT_START.test(clean) ||
    (clean.split(/\s+/).length <= 3 && UNIT_NOUN.test(clean)) ||
    ABBREVIATED_UNIT.test(clean)
  );
}

/** A word in the nominative singular or plural, by its ending: "молодіжний", "громадська", "комунальні". */
const NOMINATIVE_WORD = String.raw`[${LETTER_CHARS}'’ʼ-]+(?:ий|ій|а|я|е|є|і)`;

/** A capitalised word of a name, apostrophes and a double surname included: "Мар'яненко", "Коваль-Їжак". */
const NAME = String.raw`${UPPER}[${LOWER_CHARS}'’ʼ]+(?:-${UPPER}[${LOWER_CHARS}'’ʼ]+)?`;
/** "І.І.", "І. І.", "І." or, the last dot lost, "І.І". */
const INITIALS = String.raw`${UPPER}\.(?:\s?${UPPER}\.?)?`;
/** A patronymic: "Іванович", "Петрівна". */
const PATRONYMIC = String.raw`${UPPER}${LOWER}+(?:ович|евич|йович|івна|ївна|овна|ична)`;
/**
 * A person, after an optional lower-case post ("начальник відділу"): "Іваненко І.І.", "Іваненко І. І.",
 * "І.І. Іваненко", "Іваненко Іван Іванович".
 */
const PERSON = new RegExp(
  String.raw`^(?:${LOWER}[${LETTER_CHARS}'’ʼ-]*\s+)*(?:${NAME}\s+${INITIALS}|${UPPER}\.\s?(?:${UPPER}\.\s?)?${NAME}|${NAME}\s+${NAME}\s+${PATRONYMIC})$`,
  "u",
);

/** True when the text names one person ("Іваненко І.І.", "І. І. Іваненко"). */
export function isPerson(text: string): boolean {
  return PERSON.test(text.trim().replace(/[,;:]+$/, ""));
}

/** "Іваненко І.І., начальник відділу освіти", "Іваненко І.І. – начальник …": a name, then lower case. */
const NAME_THEN_POST = new RegExp(String.raw`^(.+?)(?:\s*,\s*|\s+[–—-]\s+)(${LOWER}.*)$`, "u");

/** A person and their post printed after the name ("Іваненко І.І., начальник відділу освіти"), or null. */
export function personThenPost(text: string): { person: string; post: string } | null {
  const [, person = "", post = ""] = NAME_THEN_POST.exec(text.trim()) ?? [];
  return isPerson(person) ? { person, post } : null;
}

/** True when an executors cell starts with a person: "Іваненко І.І., Петренко П.П.". */
export function startsWithPerson(text: string): boolean {
  const [first] = splitExecutors(text);
  return first !== undefined && (isPerson(first) || personThenPost(first) !== null);
}

/** A unit, a body, a standalone abbreviation or a person: what a list of executors is made of. */
function isExecutor(text: string): boolean {
  return (
    isUnitName(text) ||
    isPerson(text) ||
    personThenPost(text) !== null ||
    startsBody(text) ||
    isStandaloneAbbreviation(text)
  );
}

/**
 * Bodies that are no department, named by their kind in the nominative after optional adjectives
 * ("молодіжний парламент", "громадськість", "ініціативна група", "батьківські комітети"); none of these
 * words is also the genitive of another noun, so after a comma or «та» they always start an executor.
 */
const BODY_KIND =
  "(?:парламент|громадськість|громада|спільнота|група|комітети|батьки|жителі|волонтери|активісти|мешканці|депутати|поліція|комісія|ОСББ)";
/**
 * Bodies in the plural whose word is also a genitive singular ("організації закупівель" is no body):
 * a body only after a plural adjective ("громадські організації", "бюджетні установи") or alone, with
 * at most the place it serves ("установи громади").
 */
const PLURAL_BODY = String.raw`(?:організації|установи|підприємства|товариства|спілки|об['’ʼ]єднання)(?!${LETTER})`;
const PLACE = String.raw`(?:громади|міста|селища|села|ради|району|області|округу|округів)(?!${LETTER})`;
const BODY_START = new RegExp(
  String.raw`^[«"„]?(?:(?:${NOMINATIVE_WORD}\s+){0,2}${BODY_KIND}(?!${LETTER})|(?:[${LETTER_CHARS}'’ʼ-]+і\s+){1,2}${PLURAL_BODY}|${PLURAL_BODY}(?:\s+${PLACE})?(?:\s*\(за згодою\))?$)`,
  "iu",
);

/**
 * An adjective in the nominative by its suffix and ending: "учнівське", "молодіжний", "дитяча",
 * "громадські", "місцеве". The suffix keeps out the nouns a name goes on with in the genitive or the
 * nominative plural ("молоді", "праці", "власності", "охорона"), and "-ого", "-ої", "-их" are never read
 * as one.
 */
const PHRASE_ADJECTIVE = String.raw`${LETTER}[${LOWER_CHARS}'’ʼ-]*(?:ськ|цьк|зьк|(?<!о)н|ов|ев|єв|ів|їв|ч|ж|ш|щ)`;
/**
 * A body named by an adjective and a noun that agree in the nominative, no kind of the vocabulary
 * needed: "учнівське самоврядування", "волонтерський рух", "активна молодь", "громадські об'єднання".
 * The endings agree: -ий/-ій with a masculine noun, -а/-я with a feminine one, -е/-є with a neuter one,
 * -і with a plural; a genitive continuation ("учнівського самоврядування") has no such pair.
 */
const NOMINATIVE_PHRASE = new RegExp(
  String.raw`^[«"„]?(?:${PHRASE_ADJECTIVE}(?:ий|ій|а|я|е|є|і)\s+)?${PHRASE_ADJECTIVE}(?:(?<masculine>ий|ій)|(?<feminine>а|я)|(?<neuter>е|є)|(?<plural>і))\s+(?!(?:та|і|й|з|зі|із|у|в|до|на|за|для|від|по|при|and)(?!${LETTER}))(?<noun>${LOWER}[${LOWER_CHARS}'’ʼ-]{2,})(?!${LETTER})`,
  "u",
);
/** How a noun in the nominative ends for each gender and number of its adjective. */
const NOUN_ENDING: Record<string, RegExp> = {
  masculine: /[бвгґджзклмнпрстфхцчшщь]$/u,
  feminine: /(?:[ая]|ь)$/u,
  neuter: /(?:о|е|я|є)$/u,
  plural: /[иіїая]$/u,
};

function startsNominativePhrase(text: string): boolean {
  const match = NOMINATIVE_PHRASE.exec(text);
  if (!match?.groups) return false;
  const { noun = "", ...genders } = match.groups;
  const gender = Object.keys(genders).find((key) => genders[key] !== undefined) ?? "";
  return NOUN_ENDING[gender]?.test(noun) ?? false;
}

/**
 * True when the text names a body by its kind ("молодіжний парламент", "громадські організації") or by
 * an adjective and a noun in the nominative ("учнівське самоврядування").
 */
function startsBody(text: string): boolean {
  const clean = text.trim();
  return BODY_START.test(clean) || startsNominativePhrase(clean);
}

/**
 * Capitals that abbreviate no organisation but a field of work: "НС" and "ЦЗ" (надзвичайні ситуації,
 * цивільний захист), "ЗМІ", "ЖКГ", "ІТ" — inside a department's name ("з питань НС та ЦЗ").
 */
const NON_ORGANISATION = String.raw`(?:НС|ЦЗ|ЗМІ|ЖКГ|ІТ|ІКТ|АТО|ООС|ВПО|ОТГ|ТГ|МСУ|ГІС|СЕД|ЕЦП|КЕП|ПК|ПЗ|ПЕОМ|ЕОМ|НУШ|ЗНО|НМТ|ТПВ|ДТП|ЄС)(?![${LETTER_CHARS}])`;
/**
 * A state body's abbreviation by its make-up, listed or not: «ГУ…» (головне управління: "ГУДКУ",
 * "ГУ ДСНС"), «У…» (управління: "УСЗН") or «…У» (України: "ДКСУ", "ДКУ").
 */
const STATE_BODY = String.raw`(?!${NON_ORGANISATION})(?:ГУ\s?[А-ЯІЇЄҐ]{2,5}|У[А-ЯІЇЄҐ]{3,4}|[А-ЯІЇЄҐ]{2,4}У)(?!${LETTER})`;
/** The region a state body serves: "у Сумській області", "в Роменському районі". */
const IN_REGION = String.raw`(?:у|в)\s+${UPPER}[${LETTER_CHARS}'’ʼ-]*(?:ій|ому)\s+(?:області|районі)(?!${LETTER})`;
/**
 * An all-capitals abbreviation of 3+ letters alone, or with the place it serves ("ДРАЦС", "ДРАЦС міста",
 * "ДРАЦС (за згодою)", "ГУ ДСНС у Сумській області"): an organisation.
 */
const STANDALONE_ABBREVIATION = new RegExp(
  String.raw`^(?!${NON_ORGANISATION})(?:${STATE_BODY}|[А-ЯІЇЄҐ]{3,})(?:\s+(?:${PLACE}|${IN_REGION}))?(?:\s*\(за згодою\))?$`,
  "u",
);

function isStandaloneAbbreviation(text: string): boolean {
  return STANDALONE_ABBREVIATION.test(text.trim());
}

const LEADING_CAPITALS = new RegExp(String.raw`^[«"„]?[А-ЯІЇЄҐ]{2,6}(?!${LETTER})`, "u");
/** A genitive word: "освіти", "ради", "спорту", "справ". */
const GENITIVE_WORD = new RegExp(
  String.raw`^${LOWER}[${LOWER_CHARS}'’ʼ-]*(?:и|і|ї|у|ю|а|я|ей|ів|їв|ь)$`,
  "u",
);

/**
 * Capitals that open the text and are no organisation's listed abbreviation nor a state body's
 * (`STATE_BODY`): "ПДР", "ЖКГ", "РМР".
 */
function opensWithUnlistedCapitals(text: string): boolean {
  const clean = text.trim();
  const [capitals] = LEADING_CAPITALS.exec(clean) ?? [];
  return capitals !== undefined && !LISTED_CAPITALS.test(clean);
}

/**
 * True when a unit's name ends in words that a field of work can go on from: a noun in the genitive
 * ("Відділ освіти", "Служба у справах дітей") or capitals that name no organisation ("Управління ЖКГ"),
 * not the unit's kind itself ("Фінансовий відділ") nor a listed organisation ("ЦНАП").
 */
function endsInGenitive(text: string): boolean {
  const last = /(?:^|\s)([^\s]+)$/u.exec(text.trim())?.[1] ?? "";
  if (KIND_NOUN_ALONE.test(last)) return false;
  return GENITIVE_WORD.test(last) || opensWithUnlistedCapitals(last);
}

/**
 * Capitals not listed as an organisation's ("ПДР") after a name that ends in the genitive or in such
 * capitals ("Відділ освіти, ПДР", "Управління ЖКГ, ТПВ") name a field of the unit's work: its name goes
 * on. Listed ones ("ЦНАП", "ДРАЦС", "КНП «…»") start an executor after any name.
 */
function fieldOfWorkAfter(left: string, right: string): boolean {
  return isStandaloneAbbreviation(right) && opensWithUnlistedCapitals(right) && endsInGenitive(left);
}

/** True when some part of a list (commas, semicolons, lines) names a unit: an executors cell's text. */
export function namesUnit(text: string): boolean {
  return text.split(/[;\n]/).some((line) => splitCommas(cellText(line)).some(isUnitName));
}

const OPENING = new Set(["«", "(", "„"]);
const CLOSING = new Set(["»", ")", "“"]);
/** What takes a split inside quotes or brackets: an opening bracket or quote, or a straight quote. */
const OPENS_NESTING = /[«(„"]/g;

/** Each separator's global and sticky copies, made once: separators are module constants. */
const separatorCopies = new WeakMap<RegExp, { search: RegExp; sticky: RegExp }>();

function copiesOf(separator: RegExp): { search: RegExp; sticky: RegExp } {
  let copies = separatorCopies.get(separator);
  if (!copies) {
    const flags = separator.flags.replace(/[gy]/g, "");
    copies = {
      search: new RegExp(separator.source, `${flags}g`),
      sticky: new RegExp(separator.source, `${flags}y`),
    };
    separatorCopies.set(separator, copies);
  }
  return copies;
}

function nextOpening(text: string, from: number): number {
  OPENS_NESTING.lastIndex = from;
  return OPENS_NESTING.exec(text)?.index ?? text.length;
}

/**
 * Splits at each match of `separator` outside «quotes», "quotes" and (brackets); odd items are the
 * separators as printed, so joining the result gives the text back. Outside quotes and brackets one
 * search finds the next separator (a match at a position is the same whether searched for or tried
 * there); inside them the text is walked character by character.
 */
function splitOutside(text: string, separator: RegExp): string[] {
  const { search, sticky } = copiesOf(separator);
  const pieces: string[] = [];
  let depth = 0;
  let straight = false;
  let start = 0;
  let index = 0;
  let opening = -1;
  while (index < text.length) {
    if (depth === 0 && !straight) {
      if (opening < index) opening = nextOpening(text, index);
      search.lastIndex = index;
      const match = search.exec(text);
      if (match && match.index < opening) {
        if (match[0] === "") {
          index = match.index + 1;
          continue;
        }
        pieces.push(text.slice(start, match.index), match[0]);
        index = match.index + match[0].length;
        start = index;
        continue;
      }
      index = opening; // its character takes the walk inside quotes or brackets, where nothing splits
      if (index >= text.length) break;
    }
    const char = text[index] ?? "";
    if (OPENING.has(char)) depth++;
    else if (CLOSING.has(char) && depth > 0) depth--;
    else if (char === '"') straight = !straight;
    if (depth === 0 && !straight) {
      sticky.lastIndex = index;
      const match = sticky.exec(text);
      if (match && match[0] !== "") {
        pieces.push(text.slice(start, index), match[0]);
        index += match[0].length;
        start = index;
        continue;
      }
    }
    index++;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** Splits on commas outside «quotes» and (brackets). */
function splitCommas(text: string): string[] {
  return splitOutside(text, /,/)
    .filter((_, index) => index % 2 === 0)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** A proper name or an abbreviation: "Старокостянтинівська ЖЕК", "ОСББ «Світанок»", «Рада». */
const CAPITALISED = new RegExp(String.raw`^[«"„]?${UPPER}`, "u");

/** Capitals that name no organisation of their own ("ЦЗ" in "з питань НС, ЦЗ та …"). */
const UNLISTED_CAPITALS = new RegExp(String.raw`^[«"„]?[А-ЯІЇЄҐ]{2,6}(?!${LETTER})`, "u");

/** A post in lower case: after a person and a comma it is that person's ("Іваненко І.І., начальник …"). */
const POST_START =
  /^(?:начальник|заступник|головний|провідний|старший|спеціаліст|керівник|директор|завідувач|секретар|голова|міський голова|сільський голова|селищний голова|староста|бухгалтер|інженер|юрисконсульт|адміністратор|уповноважен)/u;

/**
 * True when the text, from its last conjunction on, is a person's name with no post before it:
 * "Іваненко І.І.", "… / Петренко П.П.", not "начальник відділу Іваненко І.І.".
 */
function endsWithBarePerson(text: string): boolean {
  const last = splitOutside(text, JOINER).at(-1)?.trim() ?? "";
  return STARTS_CAPITAL.test(last) && isPerson(last);
}

/** True when the text, up to its first conjunction, is a person: "заступник Петренко П.П. та …". */
function namesPersonFirst(text: string): boolean {
  return isPerson(splitOutside(text, JOINER)[0] ?? "");
}

/**
 * Glues comma parts back unless the part after a comma starts a new unit's name or a person, or, in a
 * list of units or people, a capitalised name; a lower-case part goes on with the unit before
 * ("освіти, молоді та спорту"), and so do capitals that are no organisation's abbreviation ("НС, ЦЗ")
 * and a post after a person ("Іваненко І.І., начальник фінансового управління").
 */
function splitUnits(text: string): string[] {
  const units: string[] = [];
  for (const printed of splitCommas(text)) {
    // ", та відділ культури": the conjunction after a comma belongs to neither unit.
    const conjoined = LEADING_JOINER.exec(printed);
    const part =
      conjoined && startsExecutor(printed.slice(conjoined[0].length))
        ? printed.slice(conjoined[0].length)
        : printed;
    const last = units.length - 1;
    const capitalised = CAPITALISED.test(part) && !UNLISTED_CAPITALS.test(part);
    const postOfPerson =
      POST_START.test(part) && endsWithBarePerson(units[last] ?? "") && !namesPersonFirst(part);
    const fieldOfWork = last >= 0 && fieldOfWorkAfter(units[last] ?? "", part);
    const startsUnit =
      !postOfPerson && !fieldOfWork && (isExecutor(part) || (capitalised && isExecutor(units[0] ?? "")));
    if (last >= 0 && !startsUnit) units[last] = `${units[last]}, ${part}`;
    else units.push(part);
  }
  return units;
}

/** A conjunction or a slash between two executors: « та », « і », « й », « and », «/». */
const JOINER = /\s+(?:та|і|й|and)\s+|\s*\/\s*/iu;

const LEADING_JOINER = /^(?:та|і|й|and)\s+/iu;

/** A unit's kind, in the nominative: the noun a unit's name starts with after its adjectives. */
const KIND_NOUN = String.raw`(?:відділ|відділи|управління(?!\s+[${LETTER_CHARS}'’ʼ-]+(?:ом|ем|єм|ами|ями|ою|ею|єю)(?!${LETTER}))|департамент|сектор|служба|центр|комітет|рада|підприємство|підприємства|заклад|заклади|установа|установи|апарат|інспекція|адміністрація|бюро|староста|старости|підрозділ|підрозділи|department|division|office|service|centre|center)(?!${LETTER})`;
/** A word that is a unit's kind itself ("відділ"), not a genitive ending a name. */
const KIND_NOUN_ALONE = new RegExp(`^${KIND_NOUN}$`, "iu");
/** An adjective in the nominative before the kind: "фінансовий", "комунальне", "Роменський міський". */
const ADJECTIVE = String.raw`(?:[${LETTER_CHARS}'’ʼ-]+(?:ий|ій|е|є|а|я|і)|[A-Za-z-]+)`;
/** Abbreviations of organisational forms that start a unit's name: "КП «…»", "ЦНАП", "КНП «…»". */
const KIND_ABBREVIATION = String.raw`(?:КП|КНП|КУ|КЗ|КЗК|КЗО|КО|ДП|ПП|ТОВ|ПрАТ|АТ|ОСББ|ЦНАП|ВРМ|ЦПМСД|ЦРЛ|ДНЗ|ЗДО|ЗЗСО|ЗОШ|ДЮСШ|ЦСС|ТЦК)(?!${LETTER})`;
const KIND_START = new RegExp(
  String.raw`^(?:[«"„]?${KIND_ABBREVIATION}|(?:${ADJECTIVE}\s+){0,2}${KIND_NOUN})`,
  "iu",
);
/**
 * Abbreviations of organisations, in capitals: "ЖЕК", "ЦНАП", "КНП", "ОСББ", "ДНЗ", "ЗОШ", "ЦПМСД". A
 * capital run of 2–6 letters not listed here (its letters may be words: "НС", "ЦЗ") names an
 * organisation only with an adjective before it or a «name» after it ("Роменська ЖЕК", "БК «Юність»").
 */
const ORGANISATION_ABBREVIATION = String.raw`(?:ДРАЦС|ДСНС|ГУНП|НПУ|ДПС|ПФУ|ЦЗН|ДМС|СБУ|ОДА|РДА|ВЦА|ОВА|КП|КНП|КУ|КЗ|КЗК|КЗО|КО|ДП|ПП|ТОВ|ПрАТ|АТ|ГО|ОСББ|ЦНАП|ВРМ|ЦПМСД|ЦРЛ|ДНЗ|ЗДО|ЗЗСО|ЗОШ|НВК|ДЮСШ|ЦСС|ЦСССДМ|ЦНСП|ТЦСО|ТЦК|ЖЕК|ЖЕУ|ЖЕД|ЖКП|ЦДЮТ|ЦБС|ЦКД|БК|МБК|ЦК|КДЮСШ)(?!${LETTER})`;
/** An organisation's listed abbreviation or a state body's, opening the text. */
const LISTED_CAPITALS = new RegExp(`^[«"„]?(?:${ORGANISATION_ABBREVIATION}|${STATE_BODY})`, "u");
const CAPITALS = String.raw`(?!${NON_ORGANISATION})[А-ЯІЇЄҐ]{2,6}(?!${LETTER})`;
/** An adjective in the nominative, by its ending: "Роменська", "міський", "комунальне". */
const NOMINATIVE_ADJECTIVE = String.raw`[${LETTER_CHARS}'’ʼ-]+(?:ий|ій|а|я|е|є|і)`;
/**
 * A unit named by its abbreviation: `[adjectives] ABBREVIATION [«name»]` ("Роменська ЖЕК", "міський
 * ЦНАП", "КНП «Роменська ЦРЛ»", "ЗОШ №2"); an abbreviation not listed needs an adjective or a «name».
 */
const ABBREVIATED_UNIT = new RegExp(
  String.raw`^(?:(?:${NOMINATIVE_ADJECTIVE}\s+){0,2}${ORGANISATION_ABBREVIATION}|(?:${NOMINATIVE_ADJECTIVE}\s+){1,2}${CAPITALS}|${CAPITALS}(?=\s*[«"„]))`,
  "u",
);
/** The first word in the plural: "структурні", "комунальні", "старости". */
const PLURAL_HEAD = new RegExp(String.raw`^[«"„]?[${LETTER_CHARS}'’ʼ-]*${LOWER}[іи](?!${LETTER})`, "u");

/**
 * True when the text starts an executor of its own: a unit's or a body's kind in the nominative after
 * optional adjectives ("фінансовий відділ", "служба у справах дітей", "громадські організації"), an
 * organisational form ("КП «…»"), an abbreviation alone ("ДРАЦС") or a person, with a post after the
 * name or without.
 */
export function startsExecutor(text: string): boolean {
  const clean = text.trim();
  return (
    (KIND_START.test(clean) && STARTS_WITH_LETTER.test(clean)) ||
    ABBREVIATED_UNIT.test(clean) ||
    startsBody(clean) ||
    isStandaloneAbbreviation(clean) ||
    isPerson(clean) ||
    personThenPost(clean) !== null
  );
}

/**
 * Splits a unit at « та », « і », « й », « and » or «/» where the part on the right is a whole unit of
 * its own and the part on the left is a unit or a person: "Відділ освіти / відділ культури". The right
 * part is a whole unit when it starts with a unit's or a body's kind after optional adjectives
 * ("фінансовий відділ", "молодіжний парламент", "громадські організації"), with an organisation's
 * abbreviation ("КП «…»", "Роменська ЖЕК", "ДРАЦС" standing alone), or is a person. Capitals that name a
 * field of work, not an organisation, are never a unit, with adjectives or without ("Відділ з питань
 * НС та обласна ЦЗ", "… внутрішньої політики та ЗМІ" stay one). A conjunction inside a name goes on
 * ("освіти, молоді та спорту", "КП «Благоустрій та озеленення»"), and so does one between two groups in
 * the plural, which share what follows ("структурні підрозділи та комунальні підприємства міської ради").
 */
function splitJoined(text: string): string[] {
  const pieces = splitOutside(text, JOINER);
  const units: string[] = [pieces[0] ?? ""];
  for (let index = 1; index + 1 < pieces.length; index += 2) {
    const joiner = pieces[index] ?? "";
    const right = pieces[index + 1] ?? "";
    const last = units.length - 1;
    const left = (units[last] ?? "").replace(/[,\s]+$/, "");
    const shared = PLURAL_HEAD.test(left.trim()) && PLURAL_HEAD.test(right.trim());
    if (startsExecutor(right) && isExecutor(left) && !shared && !fieldOfWorkAfter(left, right)) {
      units[last] = left;
      units.push(right);
    } else units[last] = `${units[last]}${joiner}${right}`;
  }
  return units;
}

/** Trims what ends a list item, but keeps the dot of a person's last initial ("Петренко П.П."). */
function trimEnd(unit: string): string {
  const trimmed = unit.replace(/[,;:\s]+$/, "").trim();
  if (ENDS_WITH_INITIAL.test(trimmed) && isPerson(trimmed)) return trimmed;
  return trimmed.replace(/[,.;:\s]+$/, "").trim();
}

/** The space after a council in the genitive: "… Роменської міської ради| відділ …". */
const AFTER_OWNER = /(?<=(?:міської|селищної|сільської|районної|обласної)\s+ради)\s+/u;
const PREPOSITION = /^(?:та|і|й|з|зі|із|у|в|до|and)\s/iu;

/**
 * Splits where a unit's name, ended by its owner (the council in the genitive), runs on into the next
 * unit's kind with no separator printed: "Територіальний центр … Роменської міської ради відділ з
 * питань внутрішньої політики …" is two units.
 */
function splitAtOwner(text: string): string[] {
  const pieces = splitOutside(text, AFTER_OWNER);
  const units: string[] = [pieces[0] ?? ""];
  for (let index = 1; index + 1 < pieces.length; index += 2) {
    const right = pieces[index + 1] ?? "";
    const last = units.length - 1;
    const startsUnit = KIND_START.test(right) && !PREPOSITION.test(right) && isExecutor(units[last] ?? "");
    if (startsUnit) units.push(right);
    else units[last] = `${units[last]}${pieces[index]}${right}`;
  }
  return units;
}

/**
 * The organisational units (or people) in an executors cell: split on line breaks and semicolons, on
 * commas where each part names a unit ("Відділ освіти, відділ культури") or a person, on a
 * conjunction or a slash before a unit or a person ("Відділ освіти та фінансовий відділ"), and after a
 * unit's owner run on into the next unit (`splitAtOwner`).
 */
export function splitExecutors(cell: string): string[] {
  return joinWrappedLines(cell)
    .split(/[;\n]/)
    .flatMap((part) => {
      const printed = cellText(part);
      const reading = readingCase(printed);
      const units = splitUnits(reading)
        .flatMap(splitJoined)
        .flatMap(splitAtOwner)
        .map(trimEnd)
        .filter((unit) => unit !== "");
      return reading === printed ? units : asPrinted(units, reading, printed);
    });
}

/** A line's end that a name goes on from: a comma, a conjunction, a hyphen, an open bracket or quote. */
const OPEN_END = /(?:,|[-‐(«„"]|\s(?:та|і|й|з|зі|із|у|в|до|для|по|при|and))$/iu;
/** A line's start that goes on with the name above: a conjunction, a comma, a closing bracket or quote. */
const GOING_ON = /^(?:(?:та|і|й|and)\s|[,)»“])/iu;

/**
 * Lines that go on with the line above: one broken inside a name ("Відділ освіти,⏎молоді та спорту",
 * "Виконавчий комітет Березівської⏎сільської ради"): after an open end, or starting with a conjunction,
 * or in lower case with no executor of its own and no person's post ("фінансовий відділ",
 * "громадськість", "начальник …" stay lines of their own). Commas and conjunctions then split as on
 * one line.
 */
function joinWrappedLines(cell: string): string {
  const lines = cell.split("\n").map((line) => line.trim());
  return lines.reduce((joined, line, index) => {
    if (index === 0) return line;
    const above = joined.slice(joined.lastIndexOf("\n") + 1);
    const lowerName = STARTS_LOWER.test(line) && !startsExecutor(line) && !POST_START.test(line);
    const goesOn = above !== "" && line !== "" && (OPEN_END.test(above) || GOING_ON.test(line) || lowerName);
    return `${joined}${goesOn ? " " : "\n"}${line}`;
  }, "");
}

/** A word in capitals that only a name typed in capitals has: 7+ letters, or a unit's kind. */
const KIND_IN_CAPITALS = "ВІДДІЛ|СЕКТОР|ЦЕНТР|СЛУЖБА|РАДА|РАДИ|КОМІТЕТ|ЗАКЛАДИ";
const SHOUTED_WORD = new RegExp(`(?<!${LETTER})(?:[А-ЯІЇЄҐ'’ʼ]{7,}|${KIND_IN_CAPITALS})(?!${LETTER})`, "u");
const CAPITAL_WORD = new RegExp(String.raw`(?<!${LETTER})${UPPER}[${UPPER_CHARS}'’ʼ]+(?!${LETTER})`, "gu");
const CONSONANT = "[БВГҐДЖЗЙКЛМНПРСТФХЦЧШЩ]";
/**
 * A state body's abbreviation ending in a vowel, as no word of a name is made: «ГУ» alone or before
 * consonants ("ГУ ДСНС", "ГУДКУ"), consonants before «У» ("ДКСУ"), «У» before consonants ("УСЗН").
 */
const STATE_BODY_IN_CAPITALS = `ГУ(?:${CONSONANT}{1,3}[АЕИІОУЯЮЄЇ]?)?|${CONSONANT}{2,4}У|У${CONSONANT}{3,4}`;
/**
 * Capitals that stay an abbreviation in a name typed in capitals: a listed organisation's ("КНП"), a
 * state body's (`STATE_BODY_IN_CAPITALS`), or up to five letters with no vowel at the end, which no
 * declined word of a name has ("ДРАЦС", "НС").
 */
const ABBREVIATION_IN_CAPITALS = new RegExp(
  `^(?:${ORGANISATION_ABBREVIATION}|${STATE_BODY_IN_CAPITALS}|(?!(?:${KIND_IN_CAPITALS})$)[А-ЯІЇЄҐ]{1,4}${CONSONANT})$`,
  "u",
);

/**
 * A name typed in capitals ("ВІДДІЛ ОСВІТИ, МОЛОДІ ТА СПОРТУ") read in lower case, so that its words
 * are not taken for abbreviations; abbreviations keep their capitals (`ABBREVIATION_IN_CAPITALS`).
 * Every letter keeps its place, so what is split can be cut from the printed text.
 */
function readingCase(text: string): string {
  if (!SHOUTED_WORD.test(text)) return text;
  return text.replace(CAPITAL_WORD, (word) =>
    ABBREVIATION_IN_CAPITALS.test(word) ? word : word.toLowerCase(),
  );
}

/**
 * The units split from the text read in lower case, cut from the text as printed at the same places;
 * commas are spaced as `splitUnits` spaces them ("ОСВІТИ,МОЛОДІ" → "ОСВІТИ, МОЛОДІ").
 */
function asPrinted(units: string[], reading: string, printed: string): string[] {
  let from = 0;
  return units.map((unit) => {
    const escaped = unit.split(", ").map((piece) => piece.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
    const pattern = new RegExp(escaped.join(String.raw`\s*,\s*`), "gu");
    pattern.lastIndex = from;
    const match = pattern.exec(reading);
    if (!match) return unit;
    from = match.index + match[0].length;
    return printed.slice(match.index, from).replace(/\s*,\s*/g, ", ");
  });
}
