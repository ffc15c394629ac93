/**
 * A flow wired to the fake window, a controllable mint and a scripted result route, recording its
 * events. Tests of the flow use it with fake timers (`vi.useFakeTimers()`).
 */
import { vi } from "vitest";
import { createFaceMatchFlow } from "../../createFaceMatchFlow.ts";
import type {
  FaceKitError,
  FaceMatchResultResponse,
  FaceMatchSession,
} from "../../protocol/index.ts";
import type { FaceMatchEvent, FaceMatchFlowOptions } from "../../types.ts";
import { createFakeWindow, type FakeWindow } from "./fakeWindow.ts";
import { deferred, makeSession, scriptedResults } from "./fixtures.ts";

export const appOrigin = "https://app.test";

export function setup(
  options: Partial<FaceMatchFlowOptions> & {
    win?: FakeWindow;
    script?: (FaceMatchResultResponse | FaceKitError)[];
  } = {},
) {
  const { win = createFakeWindow(), script, ...rest } = options;
  const session = makeSession();
  const minted = deferred<FaceMatchSession>();
  const getSession = vi.fn((_signal: AbortSignal) => minted.promise);
  const results = scriptedResults(script);
  const getResult = vi.fn(results.getResult);
  const flow = createFaceMatchFlow({ window: win, getSession, getResult, ...rest });
  const events: FaceMatchEvent[] = [];
  flow.on((e) => events.push(e));
  const types = () => events.map((e) => e.type);
  /** Resolves the mint with `s` and lets the flow react. */
  const mint = async (s = session) => {
    minted.resolve(s);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { win, flow, session, getSession, getResult, results, events, types, mint };
}

/** Runs the fake clock forward, with the promises that settle on the way. */
export const tick = (ms: number) => vi.advanceTimersByTimeAsync(ms);

/** Lets settled promises run without running any timer. */
export async function flushMicrotasks() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
