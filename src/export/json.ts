/**
 * JSON export: the import result exactly as the model holds it (money as integer kopecks, years as
 * string keys), pretty-printed. `JSON.parse` of the output is an `ImportResult` again.
 */
import type { Finding, ImportResult, Programme } from "../domain/model.js";

export function exportJson(programme: Programme, findings: Finding[] = []): string {
  const result: ImportResult = { programme, findings };
  return `${JSON.stringify(result, null, 2)}\n`;
}
