import { useSyncExternalStore } from "react";

/**
 * Errors of edit fields, keyed by field. An external store, so that a field showing or clearing its
 * error re-renders only that field and the Save button, not the whole tree.
 */
export class FieldErrorStore<E extends string = string> {
  private readonly errors = new Map<string, E>();
  private readonly listeners = new Set<() => void>();

  get = (key: string): E | undefined => this.errors.get(key);

  get size(): number {
    return this.errors.size;
  }

  set = (key: string, error: E | null): void => {
    if ((this.errors.get(key) ?? null) === error) return;
    if (error) this.errors.set(key, error);
    else this.errors.delete(key);
    for (const listener of this.listeners) listener();
  };

  clear = (): void => {
    if (this.errors.size === 0) return;
    this.errors.clear();
    for (const listener of this.listeners) listener();
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export function useFieldError<E extends string>(store: FieldErrorStore<E>, key: string): E | undefined {
  return useSyncExternalStore(store.subscribe, () => store.get(key));
}

export function useInvalidCount<E extends string>(store: FieldErrorStore<E>): number {
  return useSyncExternalStore(store.subscribe, () => store.size);
}
