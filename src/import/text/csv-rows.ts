import { NotAProgrammeError } from "../blocks.js";
import { checkDeadline, checkRow, checkText } from "../limits.js";

/**
 * RFC 4180 text as rows of fields, with the line each row starts on (1-based; a quoted line break moves the
 * next row down). Quoted fields may hold separators, doubled quotes and line breaks; rows end with CRLF or LF.
 */
export function parseCsvRows(text: string, separator: string): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let row: string[] = [];
  let field = "";
  let at = text.startsWith("\ufeff") ? 1 : 0;
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endField = (): void => {
    checkText(field);
    row.push(field);
    field = "";
  };
  for (; at < text.length; at++) {
    const char = text[at];
    if (quoted) {
      if (char === "\n") line++;
      if (char !== '"') field += char;
      else if (text[at + 1] === '"') field += text[++at];
      else quoted = false;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === separator) endField();
    else if (char === "\n" || (char === "\r" && text[at + 1] === "\n")) {
      if (char === "\r") at++;
      endField();
      checkRow(row);
      rows.push({ cells: row, line: rowLine });
      row = [];
      rowLine = ++line;
    } else field += char;
    if (at % 65_536 === 0) checkDeadline();
  }
  if (quoted) throw new NotAProgrammeError("CSV пошкоджений: лапки не закрито до кінця файлу.");
  if (field !== "" || row.length > 0) {
    endField();
    rows.push({ cells: row, line: rowLine });
  }
  return rows;
}
