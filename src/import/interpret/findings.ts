import type { Finding, Item } from "../../domain/model.js";
import { ref } from "../../domain/model.js";
import {
  type ImportRuleName,
  type ImportWarningName,
  type RuleCode,
  severityOf,
} from "../../domain/rules/table.js";

interface Pending {
  code: RuleCode;
  message: string;
  line: number;
  /** Either a ready ref or the item it concerns; item ids exist only once the tree is complete. */
  target: string | Item;
}

/**
 * Collects importer findings; item refs are resolved after `assignItemIds`. Codes are "import." plus
 * the name given here, and their severity is the rule table's (`domain/rules/table.ts`).
 */
export class FindingLog {
  private readonly pending: Pending[] = [];
  /** Findings of other stages' codes the importer has the evidence for (e.g. `amount.unit-suspect`). */
  private readonly ready: Finding[] = [];

  add(name: ImportRuleName, message: string, line: number, target: string | Item): void {
    this.pending.push({ code: `import.${name}`, message, line, target });
  }

  /** The same as `add`, for the codes the table makes warnings (a type error for any other). */
  warn(name: ImportWarningName, message: string, line: number, target: string | Item): void {
    this.add(name, message, line, target);
  }

  /** A finding under another stage's code that only the importer has the evidence for, about an item. */
  addRule(code: RuleCode, message: string, line: number, target: Item): void {
    this.pending.push({ code, message, line, target });
  }

  /** A finding already made, under a code of the rule table that is not the importer's own. */
  addFinding(finding: Finding): void {
    this.ready.push(finding);
  }

  resolve(): Finding[] {
    return [...this.ready, ...this.resolvePending()];
  }

  private resolvePending(): Finding[] {
    return this.pending.map(({ code, message, line, target }) => ({
      code,
      severity: severityOf(code),
      message,
      location: { line, ref: typeof target === "string" ? target : ref.item(target) },
    }));
  }
}
