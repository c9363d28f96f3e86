/** The most tasks and projects a direction of the public page shows unfolded at first. */
const OPEN_UP_TO = 12;

/**
 * Whether a direction of the public page starts unfolded: a short list is, a long one or an empty one
 * (a direction with no tasks and 0,0 грн) is not — there would be nothing to see in it.
 */
export function directionStartsOpen(itemCount: number): boolean {
  return itemCount > 0 && itemCount <= OPEN_UP_TO;
}
