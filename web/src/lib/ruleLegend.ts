import type { Finding } from "../../../src/domain/model.js";
import { RULES, SCOPES } from "../../../src/domain/rules/table.js";
import type { Lang } from "./format.js";

export interface LegendEntry {
  code: string;
  severity: Finding["severity"];
  message: string;
  basis: string;
  appliesTo: string;
  /** How many of the findings carry this code. */
  count: number;
}

/**
 * The rule table's entries for the codes among these findings, in the table's order, in one language.
 * A code the table does not know (an old stored finding) is left out.
 */
export function legendEntries(findings: readonly Finding[], lang: Lang): LegendEntry[] {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
  return RULES.filter((rule) => counts.has(rule.code)).map((rule) => ({
    code: rule.code,
    severity: rule.severity,
    message: rule.message[lang],
    basis: rule.basis[lang],
    appliesTo: rule.appliesTo.map((scope) => SCOPES[scope][lang]).join(", "),
    count: counts.get(rule.code) ?? 0,
  }));
}
