/**
 * Stand-ins for what the developer's FaceSign routes answer (FaceKit's own contract, never the
 * vendor's). Shared by core's flow tests and React's fake FaceSign backend.
 */
import type { FaceSignSession, FaceSignSummary } from "@facekit/core/protocol";

/**
 * Where fake FaceSign sessions point the iframe.
 * @example
 * expect(frame.src).toBe(`${facesignOrigin}/?cs=cs-1`);
 */
export const facesignOrigin = "https://facesign.test";

/**
 * A FaceSign session with client secret `secret`, expiring in `ttlMs`.
 * @example
 * const refresh = vi.fn(async (id: string) => makeFaceSignSession(id, "cs-2"));
 */
export function makeFaceSignSession(
  id = "fs-1",
  secret = "cs-1",
  ttlMs = 2 * 3600_000,
): FaceSignSession {
  return {
    sessionId: id,
    clientSecret: secret,
    url: `${facesignOrigin}/?cs=${secret}`,
    expireAt: Date.now() + ttlMs,
  };
}

/**
 * The summary of a completed, verified session.
 * @example
 * expect(t.flow.getSnapshot()).toMatchObject({ status: "completed", summary: makeFaceSignSummary() });
 */
export function makeFaceSignSummary(): FaceSignSummary {
  return {
    status: "complete",
    verdict: "verified",
    isVerified: true,
    livenessDetected: true,
    lang: "en",
    aiAnalysis: null,
  };
}
