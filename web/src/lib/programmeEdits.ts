/**
 * Edits of the parts of a programme outside the task tree — passport fields, indicators, text
 * sections — as pure functions returning a new programme (the editor's undo history keeps the old one).
 */
import type { Indicator, Programme, Section, SectionKey } from "../../../src/domain/model.js";
import { PASSPORT_LABELS } from "../../../src/domain/rules/passport.js";

/** Sets passport field `number` (1–10); a field the document lacked is added in its place. */
export function withPassportField(programme: Programme, number: number, value: string): Programme {
  const fields = programme.passport.fields;
  const existing = fields.find((field) => field.number === number);
  const next = existing
    ? fields.map((field) => (field.number === number ? { ...field, value } : field))
    : [...fields, { number, label: PASSPORT_LABELS[number] ?? "", value, line: 0 }].sort(
        (a, b) => a.number - b.number,
      );
  return { ...programme, passport: { ...programme.passport, fields: next } };
}

export type IndicatorText = "name" | "unit" | "formula" | "baseline" | "dynamics";

export function withIndicatorText(
  programme: Programme,
  index: number,
  key: IndicatorText,
  value: string,
): Programme {
  return {
    ...programme,
    indicators: programme.indicators.map((each, i) => (i === index ? { ...each, [key]: value } : each)),
  };
}

/** Sets a year's target; an empty text removes it. */
export function withIndicatorTarget(
  programme: Programme,
  index: number,
  year: string,
  value: string,
): Programme {
  return {
    ...programme,
    indicators: programme.indicators.map((each, i) => {
      if (i !== index) return each;
      const targets = { ...each.targets };
      if (value.trim() === "") delete targets[year];
      else targets[year] = value;
      return { ...each, targets };
    }),
  };
}

export function withNewIndicator(programme: Programme): Programme {
  const indicator: Indicator = {
    number: String(programme.indicators.length + 1),
    direction: "",
    name: "",
    unit: "",
    formula: "",
    baseline: "",
    targets: {},
    dynamics: "",
    line: 0,
  };
  return { ...programme, indicators: [...programme.indicators, indicator] };
}

export function withoutIndicator(programme: Programme, index: number): Programme {
  return { ...programme, indicators: programme.indicators.filter((_, i) => i !== index) };
}

/** Sets a text section's text, adding the section (with its usual title) when the document had none. */
export function withSectionText(
  programme: Programme,
  key: SectionKey,
  title: string,
  text: string,
): Programme {
  const exists = programme.sections.some((section) => section.key === key);
  const sections: Section[] = exists
    ? programme.sections.map((section) => (section.key === key ? { ...section, text } : section))
    : [...programme.sections, { key, title, text, line: 0 }];
  return { ...programme, sections };
}
