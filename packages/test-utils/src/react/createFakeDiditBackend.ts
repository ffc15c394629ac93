/**
 * Test stand-in for the developer's Didit routes (FaceKit's own contract, never Didit's): the
 * grant route as a `fetch` function and the compare route behind the shared fake `XMLHttpRequest`
 * (stub the global with it), answering from memory.
 */
import { FaceKitError, type SelfieCompareGrant } from "@facekit/core";
import { diditRoutes, grantHeader, toErrorBody } from "@facekit/core/protocol";
import { createFakeXhr } from "../core/createFakeXhr.ts";
import { makeSelfieCompareResult } from "../core/selfieCompareFixtures.ts";

/**
 * What the fake compare route answers unless told otherwise.
 * @example
 * expect(onComplete).toHaveBeenCalledWith(approved);
 */
export const approved = makeSelfieCompareResult("approved");

/**
 * A declined comparison (score 14, one warning), for `setResult`.
 * @example
 * backend.setResult(declined);
 */
export const declined = makeSelfieCompareResult("declined");

/**
 * One upload the compare route received.
 * @example
 * expect(backend.uploads.map((u: ReceivedUpload) => u.grant)).toEqual(["grant-1"]);
 */
export interface ReceivedUpload {
  grant: string | undefined;
  selfie: FormDataEntryValue | null;
  reference: FormDataEntryValue | null;
}

/**
 * FaceKit's grant and compare routes; `reference` is what the grants say. Grants are single use;
 * `failNext` makes the next request (either route) fail; `hold()`/`release()` pause uploads at 50%.
 * @example
 * const backend = createFakeDiditBackend({ reference: "server" });
 * vi.stubGlobal("XMLHttpRequest", backend.XMLHttpRequest);
 * render(<FaceKitProvider endpoint="/api/facekit" fetch={backend.fetch}>{ui}</FaceKitProvider>);
 */
export function createFakeDiditBackend({
  reference = "upload",
}: {
  reference?: SelfieCompareGrant["reference"];
} = {}) {
  const calls = { grant: 0, compare: 0 };
  const uploads: ReceivedUpload[] = [];
  const open = new Set<string>();
  let result = approved;
  let failNext: FaceKitError | undefined;
  const refuse = (error: FaceKitError) => ({
    status: error.status ?? 500,
    body: toErrorBody(error),
  });

  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    // Like the real fetch: an aborted request answers nothing (a grant must not be lost to it).
    await Promise.resolve();
    init?.signal?.throwIfAborted();
    if (!String(input).endsWith(`/${diditRoutes.grant}`)) {
      return Response.json(toErrorBody(new FaceKitError("not_found", "No such route")), {
        status: 404,
      });
    }
    calls.grant++;
    const error = failNext;
    failNext = undefined;
    if (error) return Response.json(refuse(error).body, { status: refuse(error).status });
    const token = `grant-${calls.grant}`;
    open.add(token);
    const grant: SelfieCompareGrant = {
      token,
      expiresAt: Date.now() + 5 * 60_000,
      maxBytes: 5 * 1024 * 1024,
      types: ["image/jpeg", "image/png", "image/webp"],
      reference,
    };
    return Response.json(grant);
  };

  /** The compare route: checks the grant is open (single use), then answers. */
  const xhr = createFakeXhr(({ url, headers, form }) => {
    if (!url.endsWith(`/${diditRoutes.compare}`)) {
      return refuse(new FaceKitError("not_found", "No such route", { status: 404 }));
    }
    calls.compare++;
    const token = headers[grantHeader];
    uploads.push({ grant: token, selfie: form.get("selfie"), reference: form.get("reference") });
    const error = failNext;
    failNext = undefined;
    if (!token || !open.delete(token)) {
      return refuse(new FaceKitError("session_invalid", "Grant used", { status: 404 }));
    }
    return error ? refuse(error) : { status: 200, body: result };
  });

  return {
    fetch: fetch as typeof globalThis.fetch,
    XMLHttpRequest: xhr.XMLHttpRequest,
    sent: xhr.sent,
    calls,
    uploads,
    /** What the next comparisons answer. */
    setResult(next: typeof result) {
      result = next;
    },
    /** The next request (either route) fails with `error`. */
    failNext(error: FaceKitError) {
      failNext = error;
    },
    /** Uploads stop at 50% until `release()`. */
    hold: xhr.hold,
    /** Lets the held uploads finish, and the next ones run through. */
    release: xhr.release,
  };
}
