/** Finding refs ("item:d1.2", "passport:3") ↔ DOM ids of the elements that show them. */
export function domIdOfRef(ref: string): string {
  return `ref-${ref.replace(/[^A-Za-z0-9_.-]/g, "-")}`;
}

export function itemDomId(id: string): string {
  return domIdOfRef(`item:${id}`);
}

export type RefTab = "passport" | "tree" | "indicators" | "sections" | null;

/** Which tab of the programme view holds the element a ref points at. */
export function tabOfRef(ref: string): RefTab {
  const kind = ref.split(":")[0];
  switch (kind) {
    case "passport":
      return "passport";
    case "item":
    case "direction":
      return "tree";
    case "indicator":
      return "indicators";
    case "section":
      return "sections";
    default:
      return null;
  }
}

const HIGHLIGHT = "ref-highlight";

/** Scrolls to the element a ref points at and highlights it briefly; false if it is not on screen. */
export function revealRef(ref: string, doc: Document = document): boolean {
  const element = doc.getElementById(domIdOfRef(ref));
  if (!element) return false;
  element.scrollIntoView({ behavior: "smooth", block: "center" });
  element.classList.add(HIGHLIGHT);
  if (element instanceof HTMLElement) element.focus({ preventScroll: true });
  setTimeout(() => element.classList.remove(HIGHLIGHT), 2500);
  return true;
}
