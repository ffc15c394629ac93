/**
 * Test stand-in for the developer's FaceSign routes (FaceKit's own contract, never the vendor's) as
 * a `fetch` function answering from memory.
 */
import { FaceKitError, type FaceSignSession, type FaceSignSessionStatus } from "@facekit/core";
import { faceSignRoutes, toErrorBody } from "@facekit/core/protocol";

export const facesignOrigin = "https://facesign.test";

/** FaceKit's FaceSign session, refresh and status routes. */
export function createFakeFaceSignBackend({ ttlMs = 2 * 3600_000 } = {}) {
  const statuses = new Map<string, FaceSignSessionStatus>();
  const calls = { session: 0, refresh: 0, status: 0 };
  let secrets = 0;
  let failNext: FaceKitError | undefined;
  const issue = (sessionId: string): FaceSignSession => {
    const clientSecret = `cs-${++secrets}`;
    const url = `${facesignOrigin}/?cs=${clientSecret}`;
    return { sessionId, clientSecret, url, expireAt: Date.now() + ttlMs };
  };
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const route = Object.values(faceSignRoutes).find((r) => url.endsWith(`/${r}`));
    const error = failNext;
    failNext = undefined;
    if (route === faceSignRoutes.session) calls.session++;
    if (route === faceSignRoutes.refresh) calls.refresh++;
    if (route === faceSignRoutes.status) calls.status++;
    if (error) return Response.json(toErrorBody(error), { status: error.status ?? 500 });
    if (route === faceSignRoutes.session) {
      const sessionId = `fs-${calls.session}`;
      statuses.set(sessionId, "created");
      return Response.json(issue(sessionId));
    }
    const { sessionId } = JSON.parse(String(init?.body)) as { sessionId: string };
    const status = statuses.get(sessionId) ?? "created";
    if (route === faceSignRoutes.refresh) return Response.json(issue(sessionId));
    if (route === faceSignRoutes.status) {
      const summary =
        status === "complete"
          ? { status, isVerified: true, livenessDetected: true, lang: "en", aiAnalysis: null }
          : undefined;
      return Response.json({ sessionId, status, summary });
    }
    return Response.json(toErrorBody(new FaceKitError("not_found", "No such route")), {
      status: 404,
    });
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    calls,
    /** Sets what the status route answers for a session. */
    setStatus(sessionId: string, status: FaceSignSessionStatus) {
      statuses.set(sessionId, status);
    },
    /** The next request (any route) fails with `error`. */
    failNext(error: FaceKitError) {
      failNext = error;
    },
    /** A session created "elsewhere" (a server page), for the `clientSecret` prop. */
    issue(sessionId: string) {
      statuses.set(sessionId, "created");
      return issue(sessionId);
    },
  };
}
