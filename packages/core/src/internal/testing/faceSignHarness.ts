/**
 * A FaceSign flow wired to the fake window and to stand-ins for the developer's three FaceSign
 * routes (our own contract, never the vendor's): a controllable mint, a scripted status route
 * (then the last answer's status forever) and a refresh route that issues numbered secrets.
 */
import { vi } from "vitest";
import { createFaceSignFlow } from "../../createFaceSignFlow.ts";
import type {
  FaceKitError,
  FaceSignSession,
  FaceSignStatusRequest,
  FaceSignStatusResponse,
  FaceSignSummary,
} from "../../protocol/index.ts";
import type { FaceSignEvent, FaceSignFlowOptions } from "../../types.ts";
import { createFakeWindow, type FakeWindow } from "./fakeWindow.ts";
import { deferred } from "./fixtures.ts";

export const facesignOrigin = "https://facesign.test";

export function makeFaceSignSession(id = "fs-1", secret = "cs-1", ttlMs = 2 * 3600_000) {
  return {
    sessionId: id,
    clientSecret: secret,
    url: `${facesignOrigin}/?cs=${secret}`,
    expireAt: Date.now() + ttlMs,
  } satisfies FaceSignSession;
}

export function makeSummary(): FaceSignSummary {
  return {
    status: "complete",
    isVerified: true,
    livenessDetected: true,
    lang: "en",
    aiAnalysis: null,
  };
}

type Answer = FaceSignStatusResponse["status"] | FaceSignStatusResponse | FaceKitError;

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
    if (res.status === "complete" && !res.summary) return { ...res, summary: makeSummary() };
    return res;
  });
  let secrets = 1;
  const refresh = vi.fn(async (sessionId: string, _signal: AbortSignal) =>
    makeFaceSignSession(sessionId, `cs-${++secrets}`),
  );
  const flow = createFaceSignFlow({ window: win, getSession, getStatus, refresh, ...rest });
  const events: FaceSignEvent[] = [];
  flow.on((e) => events.push(e));
  const types = () => events.map((e) => e.type);
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
