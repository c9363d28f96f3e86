import type { Finding, Item, Severity } from "../../domain/model.js";
import { ref } from "../../domain/model.js";

interface Pending {
  code: string;
  severity: Severity;
  message: string;
  line: number;
  /** Either a ready ref or the item it concerns; item ids exist only once the tree is complete. */
  target: string | Item;
}

/**
 * Collects importer findings; item refs are resolved after `assignItemIds`. Codes (all "import."):
 * no-passport, no-task-table (errors); passport-field-missing, no-community, no-katottg, no-period,
 * no-amounts (passport:10 or the task table), unit-unknown, no-directions, no-direction,
 * orphan-row, task-cell-missing, mixed-source, unknown-source, amount-text (warnings).
 */
export class FindingLog {
  private readonly pending: Pending[] = [];

  add(code: string, severity: Severity, message: string, line: number, target: string | Item): void {
    this.pending.push({ code: `import.${code}`, severity, message, line, target });
  }

  warn(code: string, message: string, line: number, target: string | Item): void {
    this.add(code, "warning", message, line, target);
  }

  resolve(): Finding[] {
    return this.pending.map(({ code, severity, message, line, target }) => ({
      code,
      severity,
      message,
      location: { line, ref: typeof target === "string" ? target : ref.item(target) },
    }));
  }
}
