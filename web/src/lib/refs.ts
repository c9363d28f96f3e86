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

/** Lists that render only part of their rows (virtual lists): each may bring a ref's row on screen. */
const showers = new Set<(ref: string) => boolean>();

/** Registers a list that can bring a ref's row on screen; returns the unregistration. */
export function onShowRef(show: (ref: string) => boolean): () => void {
  showers.add(show);
  return () => {
    showers.delete(show);
  };
}

/** Asks the virtual lists to render the row of a ref; true when one of them has it. */
export function showRef(ref: string): boolean {
  for (const show of showers) if (show(ref)) return true;
  return false;
}
