/**
 * The automatic primary expertise a reviewer starts from: every validator finding, a checklist of the
 * requirements of Res. 119 and order No. 160 (met / not met / cannot tell, each with its place), and the
 * cross-checks between indicators and projects. Pure.
 */
import type { Finding, Programme } from "../model.js";
import { validateProgramme } from "../validate.js";
import { crossChecks } from "./cross-checks.js";

export type CheckStatus = "met" | "not-met" | "cannot-tell";

export interface ChecklistEntry {
  key: string;
  requirement: { uk: string; en: string };
  basis: string;
  status: CheckStatus;
  /** Where in the document to look: a finding ref ("passport:7", "item:d1.2.1", "section:analysis"). */
  ref: string;
  /** Why, in Ukrainian: the findings or facts that decided the status. */
  note: string;
}

export interface ExpertiseReport {
  findings: Finding[];
  checklist: ChecklistEntry[];
  crossChecks: Finding[];
  summary: { errors: number; warnings: number; met: number; notMet: number; cannotTell: number };
}

const RES_119 = "постанова КМУ № 119";
const ORDER_160 = "наказ Мінцифри № 160";

interface Requirement {
  key: string;
  requirement: { uk: string; en: string };
  basis: string;
  /** Finding codes that mean the requirement is not met. */
  codes: readonly string[];
  /** Decides from the programme where findings alone cannot; null when the document says nothing. */
  present?: (programme: Programme) => { ok: boolean | null; ref: string; note: string };
  ref: string;
}

function field(programme: Programme, number: number): string {
  return programme.passport.fields.find((each) => each.number === number)?.value.trim() ?? "";
}

function fieldPresent(number: number, uk: string) {
  return (programme: Programme) => {
    const value = field(programme, number);
    return {
      ok: value !== "",
      ref: `passport:${number}`,
      note: value === "" ? `поле ${number} порожнє` : uk,
    };
  };
}

function sectionPresent(key: "analysis" | "monitoring", uk: string) {
  return (programme: Programme) => {
    const section = programme.sections.find((each) => each.key === key && each.text.trim().length > 40);
    return { ok: section ? true : null, ref: `section:${key}`, note: section ? uk : "розділ не знайдено" };
  };
}

const REQUIREMENTS: readonly Requirement[] = [
  {
    key: "passport",
    requirement: { uk: "Паспорт програми з 10 полями", en: "A programme passport of 10 fields" },
    basis: `${RES_119}, форма паспорта`,
    codes: ["passport.missing-field", "import.passport-old-form", "import.no-passport", "passport.absent"],
    ref: "passport:1",
  },
  {
    key: "agreement",
    requirement: {
      uk: "Поле 4: погодження Генерального державного замовника",
      en: "Field 4: the General State Customer's agreement",
    },
    basis: `${RES_119}, п. 3`,
    codes: ["passport.not-agreed"],
    ref: "passport:4",
  },
  {
    key: "head",
    requirement: {
      uk: "Керівник програми — посада не нижче заступника голови",
      en: "The programme head holds a post not lower than deputy head",
    },
    basis: `${RES_119}, п. 3`,
    codes: ["passport.head-rank"],
    present: fieldPresent(7, "керівника названо"),
    ref: "passport:7",
  },
  {
    key: "period",
    requirement: { uk: "Строк виконання — не більше трьох років", en: "A term of at most three years" },
    basis: `${RES_119}, поле 9`,
    codes: ["period.invalid", "period.long", "import.no-period"],
    ref: "passport:9",
  },
  {
    key: "analysis",
    requirement: { uk: "Аналіз поточного стану", en: "Analysis of the current state" },
    basis: `${ORDER_160}, розділ 2`,
    codes: [],
    present: sectionPresent("analysis", "розділ є"),
    ref: "section:analysis",
  },
  {
    key: "directions",
    requirement: { uk: "Пріоритетні напрями з проєктами", en: "Priority directions with projects" },
    basis: `${ORDER_160}, розділ 3`,
    codes: ["import.no-directions", "expertise.direction-empty"],
    ref: "programme",
  },
  {
    key: "table",
    requirement: {
      uk: "Таблиця завдань: виконавці, строки, джерела, обсяги за роками, результати",
      en: "Task table: executors, deadlines, sources, amounts per year, results",
    },
    basis: `${ORDER_160}, додаток 1`,
    codes: [
      "import.no-task-table",
      "item.no-executor",
      "item.no-deadline",
      "item.no-result",
      "deadline.outside-period",
      "expertise.source-without-amount",
    ],
    ref: "programme",
  },
  {
    key: "sums",
    requirement: {
      uk: "Суми таблиці узгоджені між собою і з паспортом (поле 10)",
      en: "The table's sums agree with each other and with the passport (field 10)",
    },
    basis: `${RES_119}, поле 10`,
    codes: [
      "amount.year-sum",
      "amount.source-sum",
      "direction.subtotal",
      "programme.total",
      "passport.funding-total",
      "passport.funding-year",
      "passport.funding-source",
      "passport.funding-parts",
      "passport.funding-missing",
      "resources.mismatch",
      "amount.unit-suspect",
    ],
    ref: "passport:10",
  },
  {
    key: "indicators",
    requirement: {
      uk: "Індикатори: одиниця, формула, базове значення, ціль на кожен рік",
      en: "Indicators: unit, formula, baseline, target per year",
    },
    basis: `${ORDER_160}, додаток 2`,
    codes: [
      "indicator.target-missing",
      "indicator.formula-scale",
      "expertise.no-baseline",
      "expertise.dynamics-mismatch",
      "expertise.target-before-money",
      "expertise.target-contradicts-text",
    ],
    present: (programme) => ({
      ok: programme.indicators.length > 0 ? true : null,
      ref: "indicator:0",
      note:
        programme.indicators.length > 0 ? `індикаторів: ${programme.indicators.length}` : "індикаторів немає",
    }),
    ref: "indicator:0",
  },
  {
    key: "monitoring",
    requirement: { uk: "Розділ про моніторинг і звітування", en: "A monitoring and reporting section" },
    basis: `${ORDER_160}, розділ 6`,
    codes: [],
    present: sectionPresent("monitoring", "розділ є"),
    ref: "section:monitoring",
  },
  {
    key: "expertise",
    requirement: {
      uk: "Проєкти понад поріг мають експертизу Мінцифри",
      en: "Projects above the threshold have the Ministry's expertise",
    },
    basis: `${RES_119}, експертиза проєктів`,
    codes: ["expertise.required"],
    ref: "programme",
  },
];

function judge(requirement: Requirement, programme: Programme, all: Finding[]): ChecklistEntry {
  const against = all.filter((each) => requirement.codes.includes(each.code));
  const base = { key: requirement.key, requirement: requirement.requirement, basis: requirement.basis };
  if (against.length > 0) {
    const codes = [...new Set(against.map((each) => each.code))].join(", ");
    return {
      ...base,
      status: "not-met",
      ref: against[0]?.location.ref ?? requirement.ref,
      note: `${against.length}: ${codes}`,
    };
  }
  const fact = requirement.present?.(programme);
  if (fact && fact.ok !== true) {
    return { ...base, status: fact.ok === false ? "not-met" : "cannot-tell", ref: fact.ref, note: fact.note };
  }
  return { ...base, status: "met", ref: fact?.ref ?? requirement.ref, note: fact?.note ?? "зауважень немає" };
}

/**
 * The primary expertise of a draft. `imported`: the findings stored with the imported document; its
 * importer codes are kept, the validator's are run afresh on the programme as it stands.
 */
export function primaryExpertise(programme: Programme, imported: Finding[] = []): ExpertiseReport {
  const reading = imported.filter((each) => each.code.startsWith("import."));
  const findings = [...reading, ...validateProgramme(programme)];
  const cross = crossChecks(programme);
  const checklist = REQUIREMENTS.map((requirement) => judge(requirement, programme, [...findings, ...cross]));
  const count = (status: CheckStatus) => checklist.filter((entry) => entry.status === status).length;
  return {
    findings,
    checklist,
    crossChecks: cross,
    summary: {
      errors: findings.filter((each) => each.severity === "error").length,
      warnings: findings.filter((each) => each.severity === "warning").length,
      met: count("met"),
      notMet: count("not-met"),
      cannotTell: count("cannot-tell"),
    },
  };
}
