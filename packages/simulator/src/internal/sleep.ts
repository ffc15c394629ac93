/**
 * Waits `ms` milliseconds (scenario latency). Resolves at once for 0 or less, so tests that do not
 * ask for latency never touch a timer.
 * @example
 * await sleep(scenario.latencyMs);
 */
export function sleep(ms: number): Promise<void> {
  if (!(ms > 0)) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms));
}
