/**
 * Stand-ins for the developer's backend (our own contract): sessions, results, envelopes, and a
 * deferred promise to control when a session arrives.
 */
import type {
  CallbackEnvelope,
  FaceMatchResult,
  FaceMatchResultResponse,
  FaceMatchSession,
} from "../../protocol/index.ts";
import { FaceKitError } from "../../protocol/index.ts";

export const vendorOrigin = "https://verisoul.test";

export function makeSession(id = "s-1", ttlMs = 10 * 60_000): FaceMatchSession {
  return {
    sessionId: id,
    url: `${vendorOrigin}/?session_id=${id}`,
    expiresAt: Date.now() + ttlMs,
    token: `token-${id}`,
  };
}

export function makeResult(sessionId = "s-1"): FaceMatchResult {
  return { sessionId, decision: "Real", riskScore: 0.1, riskFlags: [], linkedAccounts: 0 };
}

export function envelope(sessionId = "s-1", errorMessage?: string): CallbackEnvelope {
  return errorMessage
    ? { facekit: 1, type: "verisoul:redirect", sessionId, success: false, errorMessage }
    : { facekit: 1, type: "verisoul:redirect", sessionId, success: true };
}

export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A result route that answers from a script, then `pending` forever. */
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

export const completed = (sessionId = "s-1"): FaceMatchResultResponse => ({
  status: "completed",
  result: makeResult(sessionId),
});
