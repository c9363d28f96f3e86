/** Whitespace other than single inner spaces: what `cellText` would change. */
const UNCLEAN_SPACE = /[^\S ]| {2}|^ | $/;

/** A cell's text on one line: line breaks inside the cell become spaces. */
export function cellText(cell: string | undefined): string {
  if (cell === undefined) return "";
  // Most cells are clean already: testing is cheaper than rebuilding the string.
  return UNCLEAN_SPACE.test(cell) ? cell.replace(/\s+/g, " ").trim() : cell;
}

/** A leading item number ("1)", "1.2.", "3.6") and the text after it. */
export function leadingNumber(text: string): { number: string; rest: string } | null {
  const match = /^(\d{1,3}(?:\.\d{1,3})*[.)]?)(?:\s+|$)(.*)$/s.exec(text.trim());
  if (!match) return null;
  return { number: match[1] ?? "", rest: cellText(match[2]) };
}
