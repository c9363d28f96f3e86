/**
 * A document's pages shared out between two threads that read them: this one takes pages from the
 * front, a helper thread from the back, each page once, until they meet. One 32-bit word in shared
 * memory holds how many pages each side has taken (front in the low half, back in the high half), and
 * a page is taken by swapping the whole word, so the two sides can never both take the last page.
 */

/** A document's page claims, in memory both threads see. */
export type Claims = Int32Array;

const HALF = 0x10000;

/** Claims on a document (of at most 65,535 pages), none taken. */
export function newClaims(): Claims {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** The page (1-based) taken from the front or the back, or undefined when every page is taken. */
function take(claims: Claims, pages: number, fromBack: boolean): number | undefined {
  for (;;) {
    const word = Atomics.load(claims, 0);
    const front = word & (HALF - 1);
    const back = word >>> 16;
    if (front + back >= pages) return undefined;
    const next = fromBack ? word + HALF : word + 1;
    if (Atomics.compareExchange(claims, 0, word, next) === word) return fromBack ? pages - back : front + 1;
  }
}

export function takeFront(claims: Claims, pages: number): number | undefined {
  return take(claims, pages, false);
}

export function takeBack(claims: Claims, pages: number): number | undefined {
  return take(claims, pages, true);
}

/** How many pages no side has taken yet. */
export function pagesLeft(claims: Claims, pages: number): number {
  const word = Atomics.load(claims, 0);
  return Math.max(0, pages - (word & (HALF - 1)) - (word >>> 16));
}

/** The pages taken from the back so far: the last `count` pages of the document. */
export function takenFromBack(claims: Claims): number {
  return Atomics.load(claims, 0) >>> 16;
}

/** Every page not yet taken is taken by the front (the reading is given up): the helper takes no more. */
export function takeRest(claims: Claims, pages: number): void {
  while (takeFront(claims, pages) !== undefined);
}
