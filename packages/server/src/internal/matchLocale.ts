/**
 * The language of `allowed` that serves `locale` (a BCP 47 tag from the browser): the same tag, or
 * its nearest parent (`fr-CA` -> `fr`, `zh-Hant-HK` -> `zh-Hant` -> `zh`), ignoring case and `_`.
 * Undefined when none does: the server then keeps its configured language. The browser asks; the
 * server's list decides.
 * @example
 * matchLocale("es-MX", ["en", "es"]) // "es"
 * matchLocale("de", ["en", "es"]) // undefined
 */
export function matchLocale(
  locale: string | undefined,
  allowed: readonly string[],
): string | undefined {
  let tag = (locale ?? "").trim().replaceAll("_", "-").toLowerCase();
  while (tag) {
    const wanted = tag;
    const found = allowed.find((lang) => lang.toLowerCase() === wanted);
    if (found) return found;
    tag = tag.slice(0, Math.max(tag.lastIndexOf("-"), 0));
  }
  return undefined;
}
