/**
 * Shares one in-flight run between identical concurrent calls: the popup's callback and the
 * flow's polling often ask for the same session's result at the same moment, and every Verisoul
 * call is billed. Runs are forgotten once they settle, so nothing is cached.
 */
export type Coalescer<T> = (key: string, run: () => Promise<T>) => Promise<T>;

/**
 * @example
 * const coalesce = createCoalescer<FaceMatchResultResponse>();
 * const answer = await coalesce(`${sid}:${accountId}`, () => faceMatchResult(...));
 */
export function createCoalescer<T>(): Coalescer<T> {
  const inflight = new Map<string, Promise<T>>();
  return (key, run) => {
    const existing = inflight.get(key);
    if (existing) return existing;
    const promise = run().finally(() => inflight.delete(key));
    inflight.set(key, promise);
    return promise;
  };
}
