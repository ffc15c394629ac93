/**
 * Moving time in tests that use fake timers (`vi.useFakeTimers()`).
 */
import { vi } from "vitest";

/**
 * Runs the fake clock forward, with the promises that settle on the way.
 * @example
 * vi.useFakeTimers();
 * t.flow.open();
 * await tick(200); // one popup check
 */
export const tick = (ms: number) => vi.advanceTimersByTimeAsync(ms);

/**
 * Lets settled promises run without running any timer.
 * @example
 * t.flow.resume();
 * await flushMicrotasks();
 * expect(t.getResult).toHaveBeenCalledTimes(1);
 */
export async function flushMicrotasks() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
