import { useSyncExternalStore } from "react";

/**
 * Values keyed by string in an external store, so that a component reading one key re-renders only
 * when that key changes, not when its parents do (a field's error, whether a task has findings).
 */
export class KeyedStore<V> {
  private values = new Map<string, V>();
  private readonly listeners = new Set<() => void>();

  get = (key: string): V | undefined => this.values.get(key);

  get size(): number {
    return this.values.size;
  }

  set = (key: string, value: V | null): void => {
    if ((this.values.get(key) ?? null) === value) return;
    if (value === null) this.values.delete(key);
    else this.values.set(key, value);
    this.notify();
  };

  /** Replaces every value at once; notifies only when something differs. */
  replaceAll = (next: ReadonlyMap<string, V>): void => {
    const same =
      next.size === this.values.size && [...next].every(([key, value]) => this.values.get(key) === value);
    if (same) return;
    this.values = new Map(next);
    this.notify();
  };

  clear = (): void => this.replaceAll(new Map());

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Errors of edit fields (i18n keys), keyed by field. */
export class FieldErrorStore<E extends string = string> extends KeyedStore<E> {}

/** Also the server snapshot: the store is the same in a static render (tests render edit fields so). */
export function useKeyedValue<V>(store: KeyedStore<V>, key: string): V | undefined {
  const value = () => store.get(key);
  return useSyncExternalStore(store.subscribe, value, value);
}

export const useFieldError = useKeyedValue;

export function useInvalidCount<V>(store: KeyedStore<V>): number {
  return useSyncExternalStore(store.subscribe, () => store.size);
}
