import { FaceKitError } from "@facekit/core/protocol";
import type { FaceKitStore } from "../store/types.ts";

const hourMs = 3_600_000;

/** Per-account limits of the compare route (see {@link createCompareQuota}). */
export interface CompareQuota {
  /** Throws `rate_limited` when the account has used its comparisons of this hour. */
  check(accountId: string): Promise<void>;
  /**
   * Admits one upload of the account: throws `rate_limited` while another of its uploads is
   * under way or its hour is used up. Call `spend()` just before Didit is called (it throws
   * `rate_limited` when the hour filled up meanwhile), `done()` at the end.
   */
  enter(accountId: string): Promise<{ spend(): Promise<void>; done(): Promise<void> }>;
}

const limited = (message: string, retryAfter: number) =>
  new FaceKitError("rate_limited", message, { retryAfter: Math.max(1, Math.ceil(retryAfter)) });
const hourUsed = (retryAfterS: number) =>
  limited("Too many photo comparisons for this account; try again later.", retryAfterS);

/**
 * Paid calls per account, in the store so they hold across instances: at most one upload at a
 * time (an `add` lease `didit:busy:<account>` for `leaseMs`, deleted when the upload ends) and
 * `perHour` Didit comparisons per fixed hour window (`increment` of `didit:hour:<account>`, the
 * window starting with the hour's first comparison; `didit:hour-full:<account>` marks a used-up
 * hour so the grant route refuses without counting). Keeps one signed-in user from spending the
 * whole Didit balance or holding many 10 MB uploads at once. A store that fails rejects with
 * `store_unavailable`: nothing goes ahead.
 * @example
 * const quota = createCompareQuota(store, 20, 5 * 60_000);
 * const ticket = await quota.enter(accountId);
 * try { await ticket.spend(); await didit.compare(input); } finally { await ticket.done(); }
 */
export function createCompareQuota(
  store: FaceKitStore,
  perHour: number,
  leaseMs: number,
): CompareQuota {
  const check = async (id: string) => {
    const until = Number(await store.get(`didit:hour-full:${id}`));
    if (until > Date.now()) throw hourUsed((until - Date.now()) / 1000);
  };
  return {
    check,
    async enter(id) {
      const lease = `didit:busy:${id}`;
      if (!(await store.add(lease, "1", leaseMs))) {
        throw limited("A comparison for this account is already under way.", 5);
      }
      const done = async () => {
        // A store that fails now leaves the lease to expire (at most leaseMs).
        await store.delete(lease).catch(() => false);
      };
      try {
        await check(id);
      } catch (error) {
        await done();
        throw error;
      }
      return {
        async spend() {
          const { count, resetInMs } = await store.increment(`didit:hour:${id}`, hourMs);
          if (count >= perHour) {
            await store.set(`didit:hour-full:${id}`, String(Date.now() + resetInMs), resetInMs);
          }
          if (count > perHour) throw hourUsed(resetInMs / 1000);
        },
        done,
      };
    },
  };
}
