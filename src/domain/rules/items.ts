import { type Finding, type Item, type Programme, ref } from "../model.js";
import { capitalize, finding, itemName } from "./common.js";
import type { RuleCode } from "./table.js";

interface Requirement {
  code: RuleCode;
  has: (item: Item) => boolean;
  /** Ukrainian: what is missing. */
  missing: string;
}

const REQUIREMENTS: Requirement[] = [
  {
    code: "item.no-executor",
    has: (item) => item.executors.some((executor) => executor.trim() !== ""),
    missing: "не зазначено відповідальних за виконання",
  },
  {
    code: "item.no-deadline",
    has: (item) => item.deadline !== null || item.deadlineText.trim() !== "",
    missing: "не зазначено строк виконання",
  },
  {
    code: "item.no-result",
    has: (item) => item.expectedResult.trim() !== "",
    missing: "не зазначено очікуваний результат",
  },
];

/** An item has a property when it states it, or when it has children and every child has it. */
function hasEffectively(item: Item, requirement: Requirement): boolean {
  if (requirement.has(item)) return true;
  return item.children.length > 0 && item.children.every((child) => hasEffectively(child, requirement));
}

/**
 * `item.no-executor` / `item.no-deadline` / `item.no-result`. A value stated on a task covers its
 * projects; a task whose children all state it is complete. Otherwise the leaves that lack it are
 * flagged (never the task above them, so one gap gives one finding).
 */
export function checkItemCompleteness(programme: Programme): Finding[] {
  const out: Finding[] = [];
  const visit = (item: Item, requirement: Requirement): void => {
    if (hasEffectively(item, requirement)) return;
    if (item.children.length > 0) {
      for (const child of item.children) visit(child, requirement);
      return;
    }
    const message = `${capitalize(itemName(item))}: ${requirement.missing}.`;
    out.push(finding(requirement.code, message, item.line, ref.item(item)));
  };
  for (const direction of programme.directions) {
    for (const item of direction.items) for (const requirement of REQUIREMENTS) visit(item, requirement);
  }
  return out;
}
