/**
 * CSV formula injection (OWASP, "CSV Injection"): a spreadsheet opening a CSV runs a cell that begins
 * with `=`, `+`, `-`, `@`, a tab or a carriage return (or their full-width forms) as a formula. The CSV
 * writer puts an apostrophe before such a text cell, which spreadsheets show as text; the CSV reader takes
 * exactly one apostrophe off again. A text that already begins with apostrophes and then such a character
 * gets one more, so that writing and reading give back every text as it was. Numbers are never escaped.
 */
const FORMULA_CHARACTERS = "=+\\-@\\t\\r\\uFF1D\\uFF0B\\uFF0D\\uFF20";
const FORMULA_START = new RegExp(`^'*[${FORMULA_CHARACTERS}]`);
const ESCAPED = new RegExp(`^'+[${FORMULA_CHARACTERS}]`);

/** The text as the CSV writer writes it: with an apostrophe before anything a spreadsheet would run. */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Whether `escapeFormula` changes the text. */
export function needsFormulaEscape(text: string): boolean {
  return FORMULA_START.test(text);
}

/** A CSV cell as it was before `escapeFormula`. */
export function unescapeFormula(text: string): string {
  return ESCAPED.test(text) ? text.slice(1) : text;
}
