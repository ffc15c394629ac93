/**
 * A promise with its `resolve` and `reject` handed out, so a test decides when (and how) something
 * asynchronous settles: a mint, a compare, a route.
 * @example
 * const minted = deferred<FaceMatchSession>();
 * const getSession = () => minted.promise;
 * minted.resolve(makeFaceMatchSession());
 */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
