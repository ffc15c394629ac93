/**
 * The one dev-only logger. Bundlers replace `process.env.NODE_ENV`; production builds then fold
 * `isDev` to `false` and drop every `if (isDev) warn(...)` with its message.
 */

// Typed locally: core must not depend on Node's types.
declare const process: { env: { NODE_ENV?: string } };

/**
 * True outside production builds (a ternary, so minifiers fold it to a constant).
 * @example
 * if (isDev) warn("something a developer should fix");
 */
export const isDev = typeof process !== "undefined" ? process.env.NODE_ENV !== "production" : false;

/**
 * Prints a `[facekit]` warning. Guard calls with `isDev` so production drops the message too.
 * @example
 * if (isDev) warn("the popup was blocked; falling back to a redirect");
 */
export function warn(message: string): void {
  if (isDev) console.warn(`[facekit] ${message}`);
}
