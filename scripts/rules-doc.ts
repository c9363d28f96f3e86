/**
 * Writes docs/rules.md from the rule table (src/domain/rules/table.ts). A test keeps the checked-in file
 * equal to what this renders, so CI fails when the table changes and the docs do not.
 * Usage: npx tsx scripts/rules-doc.ts
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { RULES, type RuleEntry, type RuleStage, SCOPES } from "../src/domain/rules/table.js";

export const RULES_DOC_PATH = resolve(import.meta.dirname, "../docs/rules.md");

const SEVERITY = { error: "помилка / error", warning: "попередження / warning" } as const;

const STAGES: Record<RuleStage, { heading: string; intro: string }> = {
  validator: {
    heading: "Validator / Валідатор",
    intro:
      "Run on every programme: on import, on every edit in the web app, through the API and the CLI " +
      "(`src/domain/validate.ts`, checks in `src/domain/rules/`).",
  },
  importer: {
    heading: "Importer / Імпорт",
    intro:
      "Said while a document or the XLSX/CSV template is read (`src/import/`): what could not be read, " +
      "or was read with an assumption.",
  },
  expertise: {
    heading: "Primary expertise / Первинна експертиза",
    intro:
      "Run on a draft submitted for agreement and on an amendment (`src/domain/agreement/`): the " +
      "cross-checks between indicators and projects a reviewer starts from, and whether an amendment " +
      "needs a new agreement. See [agreement](agreement.md).",
  },
};

/** A table cell: no line breaks, and a pipe cannot end the cell. */
function cell(text: string): string {
  return text.replace(/\s+/g, " ").replace(/\|/g, "\\|");
}

function row(rule: RuleEntry): string {
  const where = rule.appliesTo.map((scope) => `${SCOPES[scope].uk} / ${SCOPES[scope].en}`).join("; ");
  return (
    `| \`${rule.code}\` | ${SEVERITY[rule.severity]} | ${cell(rule.message.uk)}<br>${cell(rule.message.en)} ` +
    `| ${cell(rule.basis.uk)}<br>${cell(rule.basis.en)} | ${where} |`
  );
}

function section(stage: RuleStage): string[] {
  const rules = RULES.filter((rule) => rule.stage === stage);
  return [
    `## ${STAGES[stage].heading}`,
    "",
    STAGES[stage].intro,
    "",
    "| code | severity | what it checks | basis | applies to |",
    "|---|---|---|---|---|",
    ...rules.map(row),
    "",
  ];
}

export function renderRulesDoc(): string {
  return [
    "# Rules / Правила перевірки",
    "",
    "<!-- Generated from src/domain/rules/table.ts by `npx tsx scripts/rules-doc.ts`; do not edit by hand. -->",
    "",
    `Every finding code infoprog reports (${RULES.length}), with its severity, what it checks, what it rests ` +
      "on and what it points at. An error means the document contradicts itself or its form; a warning " +
      "asks a person to look. The same table drives the validator, the importer and the legend of findings " +
      "in the web app.",
    "",
    ...section("validator"),
    ...section("importer"),
    ...section("expertise"),
  ].join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(RULES_DOC_PATH, renderRulesDoc());
  console.log(`wrote ${RULES_DOC_PATH}`);
}
