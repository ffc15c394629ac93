/**
 * Test-only: the Verisoul simulator wired in-process, plus helpers to play the person's side of
 * the hosted flow.
 */
import type { VerisoulClientOptions } from "@facekit/server";
import { createVerisoulSimulator, defaultVerisoulKey } from "@facekit/simulator";

/** Where the simulated hosted flow lives (in-process: only the path matters). */
export const simAppBaseUrl = "https://app.sandbox.verisoul.ai";
/** The app's callback page in tests. */
export const testRedirectUrl = "https://shop.example/facekit/callback";

/** The Verisoul simulator plus helpers. */
export interface VerisoulSimHarness {
  sim: ReturnType<typeof createVerisoulSimulator>;
  /** `fetch` that answers from the simulated API. */
  fetch: typeof fetch;
  /** Client options pointing at the simulator with the default sandbox key. */
  options(overrides?: Partial<VerisoulClientOptions>): VerisoulClientOptions;
  /** Opens the hosted page (starts the session). */
  start(sessionId: string): Promise<Response>;
  /**
   * Opens the hosted page and submits the capture form: `outcome` is "success" or a capture
   * failure; `face` is a simulated person ("alice", "bob", "chen", "dana": the same person across
   * sessions) or "new" (a face nobody else has). Throws unless the simulator redirected.
   */
  complete(sessionId: string, face: string, outcome?: string): Promise<Response>;
  /** The fake clock, in ms. */
  clock: { now: number };
}

/**
 * Builds a fresh Verisoul simulator for one test.
 * @example
 * const h = createVerisoulSimHarness();
 * const client = createVerisoulClient(h.options());
 */
export function createVerisoulSimHarness(): VerisoulSimHarness {
  const clock = { now: Date.parse("2025-06-01T12:00:00Z") };
  const sim = createVerisoulSimulator({ now: () => clock.now });
  const simFetch: typeof fetch = (input, init) => sim.api(new Request(input, init));
  const start = (sessionId: string) => {
    const url = new URL(`${simAppBaseUrl}/`);
    url.searchParams.set("session_id", sessionId);
    url.searchParams.set("redirect_url", testRedirectUrl);
    return sim.app(new Request(url));
  };
  return {
    sim,
    fetch: simFetch,
    clock,
    options: (overrides = {}) => ({ apiKey: defaultVerisoulKey, fetch: simFetch, ...overrides }),
    start,
    async complete(sessionId, face, outcome = "success") {
      await start(sessionId);
      const form = new URLSearchParams({
        session_id: sessionId,
        redirect_url: testRedirectUrl,
        outcome,
        face,
      });
      const response = await sim.app(
        new Request(`${simAppBaseUrl}/complete`, { method: "POST", body: form }),
      );
      if (response.status !== 302) {
        throw new Error(
          `simulator refused the capture (${response.status}): ${await response.text()}`,
        );
      }
      return response;
    },
  };
}
