/**
 * Test stand-ins: the developer's backend routes (our own contract) as a `fetch` function, and a
 * popup for a `window.open` stub. jsdom cannot open windows; real ones are covered end to end.
 */
import { FaceKitError, type FaceMatchResultResponse } from "@facekit/core";
import { toErrorBody } from "@facekit/core/protocol";
import { vi } from "vitest";

export const vendorOrigin = "https://verisoul.test";

/** FaceKit's session and result routes, answering from memory. */
export function createFakeBackend({ ttlMs = 10 * 60_000 } = {}) {
  const results = new Map<string, FaceMatchResultResponse>();
  const calls = { session: 0, result: 0 };
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith("/verisoul/session")) {
      const id = `s-${++calls.session}`;
      const expiresAt = Date.now() + ttlMs;
      return Response.json({
        sessionId: id,
        url: `${vendorOrigin}/?session_id=${id}`,
        expiresAt,
        token: `token-${id}`,
      });
    }
    if (url.endsWith("/verisoul/result")) {
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
      results.set(`token-${sessionId}`, {
        status: "completed",
        result: { sessionId, decision: "Real", riskScore: 0.05, riskFlags: [], linkedAccounts: 0 },
      });
    },
  };
}

/** What `window.open` hands back in tests. */
export function createPopup() {
  return {
    closed: false,
    location: { href: "" },
    close() {
      this.closed = true;
    },
    focus() {},
  };
}

/** Delivers a `message` event to `window` as the callback page in `source` would. */
export function postFromPopup(data: unknown, source: unknown, origin = window.location.origin) {
  window.dispatchEvent(Object.assign(new Event("message"), { data, origin, source }));
}

/** The envelope a callback page posts. */
export function envelope(sessionId: string, errorMessage?: string) {
  return errorMessage
    ? { facekit: 1, type: "verisoul:redirect", sessionId, success: false, errorMessage }
    : { facekit: 1, type: "verisoul:redirect", sessionId, success: true };
}

/**
 * Replaces `window.open` with one that records fake popups (jsdom opens no windows); undone by
 * `vi.restoreAllMocks()`. Returns the list the popups are pushed to.
 */
export function stubWindowOpen(): ReturnType<typeof createPopup>[] {
  const popups: ReturnType<typeof createPopup>[] = [];
  vi.spyOn(window, "open").mockImplementation(() => {
    const popup = createPopup();
    popups.push(popup);
    return popup as unknown as Window;
  });
  return popups;
}
