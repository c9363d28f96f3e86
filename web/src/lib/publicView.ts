/** The most tasks and projects a direction of the public page shows unfolded at first. */
const OPEN_UP_TO = 12;

/**
 * Whether a direction of the public page starts unfolded: a short list with money in it is; a long
 * one, an empty one, or one of 0,0 грн (nothing planned to spend: folded beside the directions that
 * spend, it does not take the first screen from them) is not.
 */
export function directionStartsOpen(itemCount: number, total: number): boolean {
  return itemCount > 0 && itemCount <= OPEN_UP_TO && total > 0;
}
