/**
 * The browser's client for the developer's FaceKit routes (`createFaceKitHandler` on the server).
 * Every failure becomes a {@link FaceKitError}; aborts pass through as `AbortError`.
 */

import { isAbortError } from "./internal/toFaceKitError.ts";
import {
  FaceKitError,
  type FaceMatchResultResponse,
  type FaceMatchSession,
  isFaceKitErrorCode,
  routes,
} from "./protocol/index.ts";

/**
 * Options of {@link createBackendClient}.
 * @example
 * const options: BackendClientOptions = { endpoint: "/api/facekit", headers: { "x-csrf": token } };
 */
export interface BackendClientOptions {
  /** Where the FaceKit handler is mounted, e.g. `/api/facekit` (a trailing `/` is fine). */
  endpoint: string;
  /** Default: the global `fetch`, read at call time. */
  fetch?: typeof fetch;
  /** Extra request headers (CSRF token, auth...). */
  headers?: Record<string, string>;
  /** Default `same-origin`, so the session cookie that identifies the user is sent. */
  credentials?: RequestCredentials;
}

/**
 * Calls to your backend's FaceKit routes.
 * @example
 * const session = await client.mintFaceMatchSession();
 */
export interface BackendClient {
  /** POST `{endpoint}/verisoul/session`: a fresh, single-use session. */
  mintFaceMatchSession(signal?: AbortSignal): Promise<FaceMatchSession>;
  /** POST `{endpoint}/verisoul/result`: `pending`, or `completed` with the verdict. */
  getFaceMatchResult(token: string, signal?: AbortSignal): Promise<FaceMatchResultResponse>;
}

type Json = Record<string, unknown> | null | undefined;

/**
 * Creates a {@link BackendClient}.
 * @example
 * const client = createBackendClient({ endpoint: "/api/facekit" });
 * const result = await client.getFaceMatchResult(session.token);
 */
export function createBackendClient(options: BackendClientOptions): BackendClient {
  const { endpoint, headers, credentials = "same-origin" } = options;
  const base = endpoint.replace(/\/+$/, "");

  /** POSTs `body` to `route`; a 2xx answer must pass `isValid`, anything else becomes an error. */
  async function post<T>(
    route: string,
    body: object,
    signal: AbortSignal | undefined,
    isValid: (data: Json) => boolean,
  ): Promise<T> {
    const url = `${base}/${route}`;
    let res: Response;
    try {
      res = await (options.fetch ?? fetch)(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
        credentials,
        signal,
      });
    } catch (cause) {
      throw isAbortError(cause)
        ? cause
        : new FaceKitError("network", `Could not reach ${url}`, { cause });
    }
    // A non-JSON body (proxy error page...) reads as `undefined` and fails the checks below.
    const data: Json = await res.json().catch((e: unknown) => {
      if (isAbortError(e)) throw e;
    });
    if (!res.ok) {
      const { code, message, retryAfter, vendorCode } = (data?.error ?? {}) as Record<
        string,
        unknown
      >;
      throw new FaceKitError(
        isFaceKitErrorCode(code) ? code : "internal",
        typeof message === "string" ? message : `${url} answered ${res.status}`,
        {
          status: res.status,
          retryAfter: typeof retryAfter === "number" ? retryAfter : undefined,
          vendorCode: typeof vendorCode === "string" ? vendorCode : undefined,
        },
      );
    }
    if (isValid(data)) return data as T;
    throw new FaceKitError("internal", "Unexpected answer from the FaceKit backend");
  }

  return {
    mintFaceMatchSession: (signal) =>
      post(
        routes.verisoulSession,
        {},
        signal,
        (d) =>
          typeof d?.sessionId === "string" &&
          typeof d.url === "string" &&
          typeof d.expiresAt === "number" &&
          typeof d.token === "string",
      ),
    getFaceMatchResult: (token, signal) =>
      post(
        routes.verisoulResult,
        { token },
        signal,
        (d) =>
          d?.status === "pending" || (d?.status === "completed" && typeof d.result === "object"),
      ),
  };
}
