/** A cell's text on one line: line breaks inside the cell become spaces. */
export function cellText(cell: string | undefined): string {
  return (cell ?? "").replace(/\s+/g, " ").trim();
}

/** A leading item number ("1)", "1.2.", "3.6") and the text after it. */
export function leadingNumber(text: string): { number: string; rest: string } | null {
  const match = /^(\d{1,3}(?:\.\d{1,3})*[.)]?)(?:\s+|$)(.*)$/s.exec(text.trim());
  if (!match) return null;
  return { number: match[1] ?? "", rest: cellText(match[2]) };
}
