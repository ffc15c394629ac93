/**
 * Shared set-up of the Playwright suite: a signed-in account per test, the simulator's scenario
 * reset around every test, and helpers to read what the harness page was told.
 */
import type { DiditScenario, FaceSignScenario, VerisoulScenario } from "@facekit/simulator";
import { createSimulatorClient } from "@facekit/simulator";
import { test as base, expect, type Page } from "@playwright/test";
import { e2ePorts } from "./ports.ts";

export {
  choosePhoto,
  completeVerisoulCapture,
  fakeCameraArgs,
  openVerisoulPopup,
  selfieCompareSlots,
  walkFaceSignFlow,
} from "@facekit/testing";

export const simulatorApp = `http://127.0.0.1:${e2ePorts.verisoulApp}`;

/** Typed control of the harness's simulators (`@facekit/simulator`'s client). */
export const simulator = createSimulatorClient({
  verisoul: `http://127.0.0.1:${e2ePorts.verisoulApi}`,
  facesign: `http://127.0.0.1:${e2ePorts.facesignApi}`,
  didit: `http://127.0.0.1:${e2ePorts.diditApi}`,
});

/** Changes the Verisoul simulator's scenario (faults, latency, COOP, hand-off...). */
export async function setScenario(patch: Partial<VerisoulScenario>): Promise<void> {
  await simulator.verisoul.setScenario(patch);
}

/** Resets the FaceSign simulator, then applies a scenario patch (latency, failNext, secretTtlMs). */
export async function setFaceSignScenario(patch: Partial<FaceSignScenario>): Promise<void> {
  await simulator.facesign.reset();
  await simulator.facesign.setScenario(patch);
}

/** Resets the Didit simulator (credits, counters, limits), then applies a scenario patch. */
export async function setDiditScenario(patch: Partial<DiditScenario> = {}): Promise<void> {
  await simulator.didit.reset();
  await simulator.didit.setScenario(patch);
}

/** What the Didit simulator saw: face-match requests, credits spent and left. */
export const diditStats = () => simulator.didit.stats();

/** Number of vendor API calls the Verisoul simulator has seen, by path. */
export async function vendorCalls(): Promise<Record<string, number>> {
  return (await simulator.verisoul.stats()).byPath;
}

/** The verdicts the backend received through `onResult` for an account (server-side truth). */
export async function serverVerdicts(account: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(`http://localhost:${e2ePorts.app}/__test/verdicts/${account}`);
  return (await response.json()) as Record<string, unknown>[];
}

/** The harness log: callbacks and event names, in order. */
export async function readLog(page: Page): Promise<Record<string, unknown>[]> {
  return JSON.parse((await page.getByTestId("log").textContent()) ?? "[]");
}

/** Waits until the harness reported a final callback, and returns it. */
export async function finalCallback(page: Page): Promise<Record<string, unknown>> {
  await expect
    .poll(async () => (await readLog(page)).some((e) => "callback" in e), { timeout: 15_000 })
    .toBe(true);
  const entry = (await readLog(page)).find((e) => "callback" in e);
  if (!entry) throw new Error("no callback");
  return entry;
}

export const test = base.extend<{ account: string; fmMode: string }>({
  fmMode: ["", { option: true }],
  account: [
    async ({ context, fmMode }, use, testInfo) => {
      await simulator.verisoul.reset();
      await setScenario({ simulateDelayMs: 0 });
      const account = `acct-${testInfo.testId.slice(0, 8)}-${Date.now()}`;
      const url = `http://localhost:${e2ePorts.app}`;
      await context.addCookies([
        { name: "account", value: account, url },
        ...(fmMode ? [{ name: "fm", value: fmMode, url }] : []),
      ]);
      await use(account);
    },
    { auto: true },
  ],
});

export { expect };
