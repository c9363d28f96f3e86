import type { Finding, Programme } from "../domain/model.js";
import { formatAmount, unitLabel } from "../domain/money.js";
import { directionTotals, programmeTotals } from "../domain/totals.js";

/** The JSON contract of `infoprog import --json`: all money in integer kopecks. */
export function toContractJson(programme: Programme, findings: Finding[]): Record<string, unknown> {
  return {
    title: programme.title,
    community: programme.community,
    period: programme.period,
    unit: programme.unit,
    passport: programme.passport,
    sections: programme.sections,
    directions: programme.directions,
    declaredTotals: programme.declaredTotals,
    indicators: programme.indicators,
    findings,
  };
}

export function countBySeverity(findings: Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((finding) => finding.severity === "error").length;
  return { errors, warnings: findings.length - errors };
}

export function describeFinding(finding: Finding): string {
  const mark = finding.severity === "error" ? "ПОМИЛКА" : "увага";
  const where = [finding.location.line ? `рядок ${finding.location.line}` : "", finding.location.ref]
    .filter(Boolean)
    .join(", ");
  return `  ${mark.padEnd(7)} ${finding.code.padEnd(26)} ${where}\n          ${finding.message}`;
}

export function describeProgramme(programme: Programme): string {
  const unit = programme.unit;
  const money = (kopecks: number) => `${formatAmount(kopecks, unit)} ${unitLabel(unit)}`;
  const totals = programmeTotals(programme);
  const lines = [
    programme.title || "(без назви)",
    `Громада: ${programme.community.name || "—"} (${programme.community.katottg || "код не зазначено"})`,
    `Період: ${programme.period.from}–${programme.period.to}`,
    `Усього за переліком завдань: ${money(totals.total)}`,
    ...Object.entries(totals.byYear).map(([year, amount]) => `  ${year}: ${money(amount)}`),
    "Напрями:",
    ...programme.directions.map((direction) => {
      const count = countItems(direction.items);
      return `  ${direction.number} ${direction.title} — ${count} поз., ${money(directionTotals(direction).total)}`;
    }),
    `Індикаторів: ${programme.indicators.length}`,
  ];
  return lines.join("\n");
}

function countItems(items: Programme["directions"][number]["items"]): number {
  return items.reduce((sum, item) => sum + 1 + countItems(item.children), 0);
}

export function describeFindings(findings: Finding[]): string {
  const { errors, warnings } = countBySeverity(findings);
  if (findings.length === 0) return "Зауважень немає.";
  return [`Помилок: ${errors}, попереджень: ${warnings}`, ...findings.map(describeFinding)].join("\n");
}
