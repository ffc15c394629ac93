/**
 * Reads `Retry-After` (delta-seconds or an HTTP date) as whole seconds; `undefined` when absent
 * or unreadable. Shared by the vendors' error mappers.
 * @example
 * parseRetryAfter("30") // 30
 * parseRetryAfter(null) // undefined
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
