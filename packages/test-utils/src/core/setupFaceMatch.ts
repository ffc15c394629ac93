/**
 * A Face Match flow wired to the fake window, a controllable mint and a scripted result route,
 * recording its events. Tests of the flow use it with fake timers (`vi.useFakeTimers()`).
 */
import {
  createFaceMatchFlow,
  type FaceKitError,
  type FaceMatchFlowOptions,
  type FaceMatchResultResponse,
  type FaceMatchSession,
} from "@facekit/core";
import { vi } from "vitest";
import { createFakeWindow, type FakeWindow } from "./createFakeWindow.ts";
import { deferred } from "./deferred.ts";
import { makeFaceMatchSession, scriptedResults } from "./faceMatchFixtures.ts";
import { recordEvents } from "./recordEvents.ts";

/**
 * The flow (options override the wiring), its fake window `win`, the mint (`getSession`, resolved
 * by `mint()`), the result route (`getResult`, answering `script` then `pending`) and its events.
 * @example
 * vi.useFakeTimers();
 * const t = setupFaceMatch({ script: [completed()] });
 * t.flow.open();
 * await t.mint();
 * expect(t.win.popups[0]?.url).toBe(t.session.url);
 */
export function setupFaceMatch(
  options: Partial<FaceMatchFlowOptions> & {
    win?: FakeWindow;
    script?: (FaceMatchResultResponse | FaceKitError)[];
  } = {},
) {
  const { win = createFakeWindow(), script, ...rest } = options;
  const session = makeFaceMatchSession();
  const minted = deferred<FaceMatchSession>();
  const getSession = vi.fn((_signal: AbortSignal) => minted.promise);
  const results = scriptedResults(script);
  const getResult = vi.fn(results.getResult);
  const flow = createFaceMatchFlow({ window: win, getSession, getResult, ...rest });
  const { events, types } = recordEvents(flow);
  /** Resolves the mint with `s` and lets the flow react. */
  const mint = async (s = session) => {
    minted.resolve(s);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { win, flow, session, getSession, getResult, results, events, types, mint };
}
