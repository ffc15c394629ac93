/**
 * Test stand-in for the developer's FaceSign routes (FaceKit's own contract, never the vendor's) as
 * a `fetch` function answering from memory.
 */
import { FaceKitError, type FaceSignSessionStatus } from "@facekit/core";
import { faceSignRoutes, toErrorBody } from "@facekit/core/protocol";
import { makeFaceSignSession, makeFaceSignSummary } from "../core/faceSignFixtures.ts";

/**
 * FaceKit's FaceSign session, refresh and status routes: sessions `fs-1`, `fs-2`... with numbered
 * secrets expiring in `ttlMs` (refreshed ones in `refreshTtlMs`, by default the same), each `created` until `setStatus`. `calls` counts the requests.
 * @example
 * const backend = createFakeFaceSignBackend();
 * render(<FaceKitProvider endpoint="/api/facekit" fetch={backend.fetch}><FaceSignEmbed /></FaceKitProvider>);
 * backend.setStatus("fs-1", "complete");
 */
export function createFakeFaceSignBackend({
  ttlMs = 2 * 3600_000,
  refreshTtlMs = ttlMs,
}: {
  ttlMs?: number;
  refreshTtlMs?: number;
} = {}) {
  const statuses = new Map<string, FaceSignSessionStatus>();
  const calls = { session: 0, refresh: 0, status: 0 };
  let secrets = 0;
  let failNext: FaceKitError | undefined;
  const issue = (sessionId: string, ttl = ttlMs) =>
    makeFaceSignSession(sessionId, `cs-${++secrets}`, ttl);
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
    if (route === faceSignRoutes.refresh) return Response.json(issue(sessionId, refreshTtlMs));
    if (route === faceSignRoutes.status) {
      const summary = status === "complete" ? makeFaceSignSummary() : undefined;
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
    /** A session created "elsewhere" (a server page), for the `session` prop. */
    issue(sessionId: string) {
      statuses.set(sessionId, "created");
      return issue(sessionId);
    },
  };
}
