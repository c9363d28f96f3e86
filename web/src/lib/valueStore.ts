import { useSyncExternalStore } from "react";

/**
 * One value in an external store, so that a change re-renders only the components that read it, not
 * the component that owns it and everything under it (the workspace's edit mode).
 */
export class ValueStore<V> {
  private readonly listeners = new Set<() => void>();

  constructor(private value: V) {}

  get = (): V => this.value;

  set = (value: V): void => {
    if (value === this.value) return;
    this.value = value;
    for (const listener of this.listeners) listener();
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export function useStoreValue<V>(store: ValueStore<V>): V {
  return useSyncExternalStore(store.subscribe, store.get);
}
