import { FaceKitError } from "@facekit/core/protocol";

const hourMs = 3_600_000;
/** Accounts one instance remembers (least recently active forgotten first). */
const maxAccounts = 10_000;

/** Per-account limits of the compare route (see {@link createCompareQuota}). */
export interface CompareQuota {
  /** Throws `rate_limited` when the account has used its comparisons of the last hour. */
  check(accountId: string): void;
  /**
   * Admits one upload of the account: throws `rate_limited` while another of its uploads is
   * under way or its hour is used up. Call `spend()` when Didit is called, `done()` at the end.
   */
  enter(accountId: string): { spend(): void; done(): void };
}

/**
 * Paid calls per account: at most one upload at a time and `perHour` Didit comparisons in any
 * hour, per server instance. Keeps one signed-in user from spending the whole Didit balance or
 * holding many 10 MB uploads at once.
 * @example
 * const quota = createCompareQuota(20);
 * const ticket = quota.enter(accountId);
 * try { ticket.spend(); await didit.compare(input); } finally { ticket.done(); }
 */
export function createCompareQuota(perHour: number, now = () => Date.now()): CompareQuota {
  const spent = new Map<string, number[]>();
  const busy = new Set<string>();
  const recent = (id: string) => {
    const since = now() - hourMs;
    const times = (spent.get(id) ?? []).filter((t) => t > since);
    spent.delete(id);
    if (times.length > 0) spent.set(id, times);
    for (const oldest of spent.keys()) {
      if (spent.size <= maxAccounts) break;
      spent.delete(oldest);
    }
    return times;
  };
  const limited = (message: string, retryAfter: number) =>
    new FaceKitError("rate_limited", message, { retryAfter });
  const check = (id: string) => {
    const times = recent(id);
    if (times.length >= perHour) {
      const wait = Math.ceil(((times[0] ?? now()) + hourMs - now()) / 1000);
      throw limited("Too many photo comparisons for this account; try again later.", wait);
    }
  };
  return {
    check,
    enter(id) {
      if (busy.has(id)) throw limited("A comparison for this account is already under way.", 5);
      check(id);
      busy.add(id);
      return {
        spend: () => spent.set(id, [...recent(id), now()]),
        done: () => busy.delete(id),
      };
    },
  };
}
