/**
 * An external store (`subscribe`/`getSnapshot`, as `useSyncExternalStore` wants) plus an event
 * stream. A snapshot gets a new identity only when one of its fields changes.
 * @example
 * const store = createStore<{ n: number }, string>({ n: 0 });
 * store.set({ n: 1 }); // notifies subscribers
 * store.set({ n: 1 }); // same values: nothing happens
 */
export function createStore<S extends object, E>(initial: S) {
  let snap = initial;
  const subs = new Set<() => void>();
  const handlers = new Set<(event: E) => void>();
  const adder =
    <T>(set: Set<T>) =>
    (item: T) => {
      set.add(item);
      return () => {
        set.delete(item);
      };
    };
  return {
    get: () => snap,
    set(patch: Partial<S>) {
      const next = { ...snap, ...patch };
      for (const k in next) {
        if (next[k] !== snap[k]) {
          snap = next;
          for (const l of subs) l();
          return;
        }
      }
    },
    emit(event: E) {
      for (const h of handlers) h(event);
    },
    subscribe: adder(subs),
    on: adder(handlers),
    clear() {
      subs.clear();
      handlers.clear();
    },
  };
}
