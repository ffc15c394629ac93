import { createDiditApi } from "./createDiditApi.ts";
import { createDiditContext } from "./createDiditContext.ts";
import type { DiditSimulator, DiditSimulatorOptions } from "./types.ts";

/**
 * A local fake of Didit's standalone Face Match API (`https://verification.didit.me`): the
 * documented validation, credits, rate limit and decision rule, with a simulated, deterministic
 * face comparison computed from the decoded images. A Web-standard handler: call it in-process
 * in tests, or serve it with `startSimulators` from `@facekit/simulator/node`.
 * @example
 * const sim = createDiditSimulator({ credits: 10 });
 * const form = new FormData();
 * form.set("user_image", new File([selfie], "selfie.jpg"));
 * form.set("ref_image", new File([portrait], "id.jpg"));
 * const res = await sim.api(
 *   new Request("http://api.test/v3/face-match/", {
 *     method: "POST",
 *     headers: { "x-api-key": defaultDiditKey },
 *     body: form,
 *   }),
 * );
 */
export function createDiditSimulator(options: DiditSimulatorOptions = {}): DiditSimulator {
  const ctx = createDiditContext(options);
  return {
    api: createDiditApi(ctx),
    get scenario() {
      return ctx.scenario;
    },
    setScenario: (patch) => ctx.setScenario(patch),
    reset: () => ctx.reset(),
    stats: () => ctx.stats(),
  };
}
