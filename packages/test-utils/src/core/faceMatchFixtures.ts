/**
 * Stand-ins for what the developer's Verisoul routes answer (FaceKit's own contract, never
 * Verisoul's): sessions, results, the callback page's envelope and a scripted result route.
 * Shared by core's flow tests and React's fake Verisoul backend.
 */
import {
  type CallbackEnvelope,
  FaceKitError,
  type FaceMatchResult,
  type FaceMatchResultResponse,
  type FaceMatchSession,
} from "@facekit/core/protocol";

/**
 * Where fake Verisoul sessions send the popup.
 * @example
 * expect(popup.url).toBe(`${verisoulOrigin}/?session_id=s-1`);
 */
export const verisoulOrigin = "https://verisoul.test";

/**
 * A Face Match session `id` (token `token-<id>`) that expires in `ttlMs`.
 * @example
 * minted.resolve(makeFaceMatchSession("s-2", 1000));
 */
export function makeFaceMatchSession(id = "s-1", ttlMs = 10 * 60_000): FaceMatchSession {
  return {
    sessionId: id,
    url: `${verisoulOrigin}/?session_id=${id}`,
    expiresAt: Date.now() + ttlMs,
    token: `token-${id}`,
  };
}

function makeFaceMatchResult(sessionId: string): FaceMatchResult {
  return { sessionId, decision: "Real", riskScore: 0.1, riskFlags: [], linkedAccounts: 0 };
}

/**
 * The result route's answer once the session is decided (a real face).
 * @example
 * const t = setupFaceMatch({ script: [{ status: "pending" }, completed()] });
 */
export const completed = (sessionId = "s-1"): FaceMatchResultResponse => ({
  status: "completed",
  result: makeFaceMatchResult(sessionId),
});

/**
 * The envelope the callback page posts: success, or Verisoul's `errorMessage`.
 * @example
 * win.post(envelope("s-1", "liveness_check_failed"), { origin: appOrigin, source: popup });
 */
export function envelope(sessionId = "s-1", errorMessage?: string): CallbackEnvelope {
  return errorMessage
    ? { facekit: 1, type: "verisoul:redirect", sessionId, success: false, errorMessage }
    : { facekit: 1, type: "verisoul:redirect", sessionId, success: true };
}

/**
 * A result route that answers from `script` (an error is thrown), then `pending` forever;
 * `signals` records the abort signal of each call.
 * @example
 * const results = scriptedResults([new FaceKitError("network", "offline"), completed()]);
 * const flow = createFaceMatchFlow({ getSession, getResult: results.getResult });
 */
export function scriptedResults(script: (FaceMatchResultResponse | FaceKitError)[] = []) {
  const signals: AbortSignal[] = [];
  const getResult = async (_session: FaceMatchSession, signal: AbortSignal) => {
    signals.push(signal);
    const next = script.shift() ?? { status: "pending" };
    if (next instanceof FaceKitError) throw next;
    return next;
  };
  return { getResult, script, signals };
}
