import { type Finding, type Item, isSummedSource, type Programme, ref } from "../model.js";
import type { Kopecks } from "../money.js";
import { capitalize, factsOf, finding, itemName, money } from "./common.js";

/** 1 000 000 UAH and 5 000 000 UAH in kopecks. */
const GENERAL_THRESHOLD: Kopecks = 1_000_000 * 100;
const EQUIPMENT_THRESHOLD: Kopecks = 5_000_000 * 100;

const EQUIPMENT =
  /комп[’'ʼ`]?ютер|сервер|обладнан|технік|ноутбук|принтер|планшет|монітор|мфу|оргтехн|мережев\S* обладн|комплектуюч/i;

function isEquipment(item: Item): boolean {
  return EQUIPMENT.test(`${item.title} ${item.expectedResult}`);
}

/** What a project costs: its source rows, or its printed total when it has no source rows. */
function cost(item: Item): Kopecks {
  const summed = item.funding.reduce((sum, row) => (isSummedSource(row.source) ? sum + row.total : sum), 0);
  if (summed !== 0) return summed;
  return Math.max(0, ...item.funding.filter((row) => row.source === "total").map((row) => row.total));
}

/**
 * `expertise.required`: a project (leaf item) costing at least 1 000 000 UAH, or 5 000 000 UAH for
 * computer equipment, needs the Ministry of Digital Transformation's expertise.
 */
export function checkExpertise(programme: Programme, facts = factsOf(programme)): Finding[] {
  return facts.items().flatMap((item) => {
    if (item.children.length > 0) return [];
    const total = cost(item);
    // Below the lower threshold no project needs it, equipment or not: its words need not be read.
    if (total < GENERAL_THRESHOLD) return [];
    const equipment = isEquipment(item);
    const threshold = equipment ? EQUIPMENT_THRESHOLD : GENERAL_THRESHOLD;
    if (total < threshold) return [];
    const applied = equipment
      ? `поріг для закупівлі комп’ютерного обладнання й техніки — ${money(threshold, "uah")}`
      : `загальний поріг — ${money(threshold, "uah")}`;
    const message =
      `${capitalize(itemName(item))} коштує ${money(total, programme.unit)} (${money(total, "uah")}), ` +
      `що не менше порогу (${applied}): проєкт потребує експертизи Мінцифри.`;
    return [finding("expertise.required", message, item.line, ref.item(item))];
  });
}
