/**
 * Shared set-up of the Playwright suite: a signed-in account per test, the simulator's scenario
 * reset around every test, and helpers to read what the harness page was told.
 */
import { test as base, expect, type Page } from "@playwright/test";
import { e2ePorts } from "./ports.ts";

const simulatorApi = `http://127.0.0.1:${e2ePorts.verisoulApi}`;
export const simulatorApp = `http://127.0.0.1:${e2ePorts.verisoulApp}`;

/** Changes the Verisoul simulator's scenario (faults, latency, COOP, hand-off...). */
export async function setScenario(patch: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${simulatorApi}/__simulator/scenario`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(patch),
  });
  expect(response.ok).toBe(true);
}

/** Changes the FaceSign simulator's scenario (latency, failNext, secretTtlMs). */
export async function setFaceSignScenario(patch: Record<string, unknown>): Promise<void> {
  const api = `http://127.0.0.1:${e2ePorts.facesignApi}/__simulator`;
  await fetch(`${api}/reset`, { method: "POST" });
  const response = await fetch(`${api}/scenario`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(patch),
  });
  expect(response.ok).toBe(true);
}

const diditApi = `http://127.0.0.1:${e2ePorts.diditApi}/__simulator`;

/** Resets the Didit simulator (credits, counters, limits), then applies a scenario patch. */
export async function setDiditScenario(patch: Record<string, unknown> = {}): Promise<void> {
  await fetch(`${diditApi}/reset`, { method: "POST" });
  const response = await fetch(`${diditApi}/scenario`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(patch),
  });
  expect(response.ok).toBe(true);
}

/** What the Didit simulator saw: face-match requests, credits spent and left. */
export async function diditStats(): Promise<{
  faceMatchRequests: number;
  creditsSpent: number;
  creditsRemaining: number;
}> {
  return (await fetch(`${diditApi}/stats`)).json();
}

/** Number of vendor API calls the simulator has seen. */
export async function vendorCalls(): Promise<Record<string, number>> {
  const response = await fetch(`${simulatorApi}/__simulator/stats`);
  return ((await response.json()) as { byPath: Record<string, number> }).byPath;
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
      await fetch(`${simulatorApi}/__simulator/reset`, { method: "POST" });
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
