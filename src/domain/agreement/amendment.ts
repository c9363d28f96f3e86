/**
 * Whether an amendment of a programme in force needs a new agreement with the Ministry (п. 8 of the
 * Regulation on the National Informatization Programme): a change of directions, tasks, projects, their
 * money, executors, deadlines or results, or of the indicators, does; a change of texts only does not.
 */
import { diffProgrammes } from "../diff.js";
import { allItems, type Finding, type Item, type Programme, ref } from "../model.js";
import { finding } from "../rules/common.js";

function itemFacts(item: Item): string {
  return JSON.stringify([item.executors, item.deadlineText, item.expectedResult.trim()]);
}

function directionFacts(programme: Programme): string {
  return JSON.stringify(programme.directions.map((direction) => [direction.number, direction.title.trim()]));
}

function indicatorFacts(programme: Programme): string {
  return JSON.stringify(
    programme.indicators.map((each) => [
      each.name.trim(),
      each.unit,
      each.baseline,
      each.targets,
      each.formula,
    ]),
  );
}

/** What of the tasks and projects changed, in Ukrainian, one phrase per kind of change. */
export function substantiveChanges(before: Programme, after: Programme): { what: string; ref: string }[] {
  const diff = diffProgrammes(before, after);
  const changes: { what: string; ref: string }[] = [];
  for (const item of diff.itemsAdded)
    changes.push({ what: `додано захід ${item.number}`, ref: `item:${item.id}` });
  for (const item of diff.itemsRemoved)
    changes.push({ what: `вилучено захід ${item.number}`, ref: "programme" });
  for (const { after: item } of diff.itemsRetitled)
    changes.push({ what: `змінено назву заходу ${item.number}`, ref: `item:${item.id}` });
  const moved = new Set(diff.amountsChanged.map((change) => change.item.id));
  for (const id of moved) {
    const item = diff.amountsChanged.find((change) => change.item.id === id)?.item;
    if (item) changes.push({ what: `змінено обсяги заходу ${item.number}`, ref: `item:${item.id}` });
  }
  const earlier = new Map(allItems(before).map((item) => [item.id, itemFacts(item)]));
  for (const item of allItems(after)) {
    const was = earlier.get(item.id);
    if (was !== undefined && was !== itemFacts(item) && !moved.has(item.id))
      changes.push({
        what: `змінено виконавців, строк чи результат заходу ${item.number}`,
        ref: ref.item(item),
      });
  }
  if (directionFacts(before) !== directionFacts(after))
    changes.push({ what: "змінено пріоритетні напрями", ref: "programme" });
  if (indicatorFacts(before) !== indicatorFacts(after))
    changes.push({ what: "змінено індикатори", ref: "programme" });
  return changes;
}

export function amendmentNeedsAgreement(before: Programme, after: Programme): boolean {
  return substantiveChanges(before, after).length > 0;
}

/** `amendment.needs-agreement`: one finding naming every substantive change; none for texts only. */
export function checkAmendment(before: Programme, after: Programme): Finding[] {
  const changes = substantiveChanges(before, after);
  if (changes.length === 0) return [];
  const listed = changes.slice(0, 8).map((change) => change.what);
  const more = changes.length > listed.length ? ` та ще ${changes.length - listed.length}` : "";
  return [
    finding(
      "amendment.needs-agreement",
      `Зміни чинної програми потребують нового погодження з Мінцифри: ${listed.join("; ")}${more}.`,
      0,
      changes[0]?.ref ?? "programme",
    ),
  ];
}
