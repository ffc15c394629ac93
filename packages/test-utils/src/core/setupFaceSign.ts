/**
 * A FaceSign flow wired to the fake window and to stand-ins for the developer's three FaceSign
 * routes (our own contract, never the vendor's): a controllable mint, a scripted status route
 * (then the last answer's status forever) and a refresh route that issues numbered secrets.
 */
import {
  createFaceSignFlow,
  type FaceKitError,
  type FaceSignFlowOptions,
  type FaceSignSession,
  type FaceSignStatusResponse,
} from "@facekit/core";
import type { FaceSignStatusRequest } from "@facekit/core/protocol";
import { vi } from "vitest";
import { createFakeWindow, type FakeWindow } from "./createFakeWindow.ts";
import { deferred } from "./deferred.ts";
import { makeFaceSignSession, makeFaceSignSummary } from "./faceSignFixtures.ts";
import { recordEvents } from "./recordEvents.ts";

type Answer = FaceSignStatusResponse["status"] | FaceSignStatusResponse | FaceKitError;

/**
 * The flow (options override the wiring), its fake window, the mint (`getSession`, resolved by
 * `mint()`), the status route (`getStatus`: `script`, then the status `setStatus` gave), the
 * refresh route and the events.
 * @example
 * vi.useFakeTimers();
 * const t = setupFaceSign({ script: ["inProgress", "complete"] });
 * t.flow.open();
 * await t.mint();
 * await tick(2000);
 * expect(t.types()).toContain("completed");
 */
export function setupFaceSign(
  options: Partial<FaceSignFlowOptions> & { win?: FakeWindow; script?: Answer[] } = {},
) {
  const { win = createFakeWindow(), script = [], ...rest } = options;
  const session = makeFaceSignSession();
  const minted = deferred<FaceSignSession>();
  const getSession = vi.fn((_signal: AbortSignal) => minted.promise);
  let current: FaceSignStatusResponse["status"] = "created";
  const getStatus = vi.fn(async ({ sessionId }: FaceSignStatusRequest, _signal: AbortSignal) => {
    const next = script.shift() ?? current;
    if (typeof next === "object" && "code" in next) throw next;
    const res = typeof next === "string" ? { sessionId, status: next } : next;
    current = res.status;
    if (res.status === "complete" && !res.summary)
      return { ...res, summary: makeFaceSignSummary() };
    return res;
  });
  let secrets = 1;
  const refresh = vi.fn(async (sessionId: string, _signal: AbortSignal) =>
    makeFaceSignSession(sessionId, `cs-${++secrets}`),
  );
  const flow = createFaceSignFlow({ window: win, getSession, getStatus, refresh, ...rest });
  const { events, types } = recordEvents(flow);
  /** Resolves the mint with `s` and lets the flow react. */
  const mint = async (s = session) => {
    minted.resolve(s);
    await vi.advanceTimersByTimeAsync(0);
  };
  /** Makes the status route answer `status` from now on (after any scripted answers). */
  const setStatus = (status: FaceSignStatusResponse["status"]) => {
    current = status;
  };
  return {
    win,
    flow,
    session,
    minted,
    getSession,
    getStatus,
    refresh,
    events,
    types,
    mint,
    setStatus,
  };
}
