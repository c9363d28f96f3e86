/** Pairs list entries with React keys made from their content, made unique with a "#n" suffix. */
export function withKeys<T>(
  items: readonly T[],
  base: (item: T) => string,
): { key: string; value: T; index: number }[] {
  const seen = new Map<string, number>();
  return items.map((value, index) => {
    const text = base(value);
    const count = (seen.get(text) ?? 0) + 1;
    seen.set(text, count);
    return { key: count === 1 ? text : `${text}#${count}`, value, index };
  });
}
