import { createVerisoulApi } from "./createVerisoulApi.ts";
import { createVerisoulApp } from "./createVerisoulApp.ts";
import { createVerisoulContext } from "./createVerisoulContext.ts";
import type { VerisoulSimulator, VerisoulSimulatorOptions } from "./types.ts";

/**
 * A faithful in-memory fake of Verisoul Face Match: `api` stands for `api.sandbox.verisoul.ai`,
 * `app` for `app.sandbox.verisoul.ai`. Both are Web-standard handlers: call them in-process in
 * tests, or serve them on two ports with `startSimulators` from `@facekit/simulator/node`.
 * @example
 * const sim = createVerisoulSimulator({ now: () => clock });
 * const res = await sim.api(
 *   new Request("http://api.test/liveness/session", { headers: { "x-api-key": defaultVerisoulKey } }),
 * );
 * sim.setScenario({ handoff: "always", coop: true });
 */
export function createVerisoulSimulator(options: VerisoulSimulatorOptions = {}): VerisoulSimulator {
  const ctx = createVerisoulContext(options);
  return {
    api: createVerisoulApi(ctx),
    app: createVerisoulApp(ctx),
    get scenario() {
      return ctx.scenario;
    },
    setScenario: (patch) => ctx.setScenario(patch),
    reset: () => ctx.reset(),
    stats: () => ctx.stats(),
    session(id) {
      const session = ctx.sessions.get(id);
      return session ? { ...session } : undefined;
    },
  };
}
