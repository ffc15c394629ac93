/**
 * Test stand-in for the developer's Verisoul routes (FaceKit's own contract, never Verisoul's) as
 * a `fetch` function answering from memory.
 */
import { FaceKitError, type FaceMatchResultResponse } from "@facekit/core";
import { toErrorBody, verisoulRoutes } from "@facekit/core/protocol";
import { completed, makeFaceMatchSession } from "../core/faceMatchFixtures.ts";

/**
 * FaceKit's session and result routes: sessions `s-1`, `s-2`... expiring in `ttlMs`; results
 * `pending` until `complete(sessionId)`. `calls` counts the requests per route.
 * @example
 * const backend = createFakeVerisoulBackend();
 * render(<FaceKitProvider endpoint="/api/facekit" fetch={backend.fetch}>{ui}</FaceKitProvider>);
 * backend.complete("s-1");
 */
export function createFakeVerisoulBackend({ ttlMs = 10 * 60_000 } = {}) {
  const results = new Map<string, FaceMatchResultResponse>();
  const calls = { session: 0, result: 0 };
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith(`/${verisoulRoutes.session}`)) {
      return Response.json(makeFaceMatchSession(`s-${++calls.session}`, ttlMs));
    }
    if (url.endsWith(`/${verisoulRoutes.result}`)) {
      calls.result++;
      const { token } = JSON.parse(String(init?.body)) as { token: string };
      return Response.json(results.get(token) ?? { status: "pending" });
    }
    return Response.json(toErrorBody(new FaceKitError("not_found", "No such route")), {
      status: 404,
    });
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    calls,
    /** Makes the result route answer `completed` for a session. */
    complete(sessionId: string) {
      results.set(makeFaceMatchSession(sessionId).token, completed(sessionId));
    },
  };
}
