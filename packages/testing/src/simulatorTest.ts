import { createSimulatorClient, type SimulatorClient } from "@facekit/simulator";
import {
  type RunningSimulators,
  type StartSimulatorsOptions,
  startSimulators,
} from "@facekit/simulator/node";
import { test as base } from "@playwright/test";

/** Fixtures added by {@link simulatorTest}. */
export interface SimulatorFixtures {
  /** Typed control of this worker's simulators; they are reset before every test. */
  simulator: SimulatorClient;
}

/** Worker fixtures added by {@link simulatorTest}. */
export interface SimulatorWorkerFixtures {
  /** Options of this worker's simulators (`test.use({ simulatorOptions })`, worker scope). */
  simulatorOptions: Omit<StartSimulatorsOptions, `${string}Port`>;
  /**
   * This worker's simulators, on free ports: `simulators.env` holds `VERISOUL_BASE_URL`,
   * `FACESIGN_BASE_URL`, `DIDIT_BASE_URL`, the keys and the webhook secret for the app.
   */
  simulators: RunningSimulators;
}

/**
 * Playwright's `test` with the FaceKit simulators started once per worker on free ports (so
 * workers run in parallel) and reset before each test.
 * @example
 * import { simulatorTest as test } from "@facekit/testing";
 * test("declined", async ({ page, simulator, simulators }) => {
 *   await simulator.verisoul.decide("Fake");
 *   // start or configure the app with simulators.env, then drive it
 * });
 */
export const simulatorTest = base.extend<SimulatorFixtures, SimulatorWorkerFixtures>({
  simulatorOptions: [{}, { option: true, scope: "worker" }],
  simulators: [
    async ({ simulatorOptions }, use) => {
      const running = await startSimulators({
        ...simulatorOptions,
        verisoulApiPort: 0,
        verisoulAppPort: 0,
        facesignApiPort: 0,
        facesignAppPort: 0,
        diditApiPort: 0,
      });
      await use(running);
      await running.close();
    },
    { scope: "worker" },
  ],
  simulator: async ({ simulators }, use) => {
    simulators.reset();
    await use(
      createSimulatorClient({
        verisoul: simulators.verisoul.apiUrl,
        facesign: simulators.facesign.apiUrl,
        didit: simulators.didit.apiUrl,
      }),
    );
  },
});
