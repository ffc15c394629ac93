/**
 * The one dev-only logger. Guard each call with the `process.env.NODE_ENV` test written out at the
 * call site (see {@link warn}): the app's bundler replaces it, and a production build then drops the
 * call with its message. A shared `isDev` constant would not do: once this package is bundled into
 * dist it becomes a `var`, which the app's bundler does not fold, so every message would ship.
 *
 * A `FaceKitError` thrown in the browser gets its developer message the same way (React's own
 * pattern): `new FaceKitError("network", dev ? "Could not reach …" : undefined)` with the test
 * written out; in production its message is its code. A person never sees either: the
 * components show their words for the code.
 *
 * The test is `typeof process === "object"`, not `!== "undefined"`: esbuild folds the first away
 * with the `NODE_ENV` test, but keeps a `typeof process<"u"` residue of the second at every site.
 */

// Typed locally: core must not depend on Node's types.
declare const process: { env: { NODE_ENV?: string } };

/**
 * Prints a `[facekit]` warning outside production builds.
 * @example
 * if (typeof process === "object" && process.env.NODE_ENV !== "production") {
 *   warn("the popup was blocked; falling back to a redirect");
 * }
 */
export function warn(message: string): void {
  if (typeof process === "object" && process.env.NODE_ENV !== "production") {
    console.warn(`[facekit] ${message}`);
  }
}
