/**
 * The browser's client for the developer's FaceKit routes (`createFaceKitHandler` on the server).
 * Every failure becomes a {@link FaceKitError}; aborts pass through as `AbortError`.
 */

import { createPost } from "./internal/createPost.ts";
import type {
  FaceMatchResultResponse,
  FaceMatchSession,
  FaceMatchSessionRequest,
} from "./protocol/index.ts";
import { routes } from "./protocol/index.ts";

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
  /**
   * The user's language (BCP 47, e.g. `es` or `fr-CA`), sent when minting a session so the
   * vendor's page speaks it. Your backend picks a language it allows, or ignores it.
   */
  locale?: string;
}

/**
 * Calls to your backend's FaceKit routes.
 * @example
 * const session = await client.mintFaceMatchSession();
 */
export interface BackendClient {
  /** POST `{endpoint}/verisoul/session` with the `locale`: a fresh, single-use session. */
  mintFaceMatchSession(signal?: AbortSignal): Promise<FaceMatchSession>;
  /** POST `{endpoint}/verisoul/result`: `pending`, or `completed` with the verdict. */
  getFaceMatchResult(token: string, signal?: AbortSignal): Promise<FaceMatchResultResponse>;
}

/**
 * Creates a {@link BackendClient}. FaceSign's routes have their own client
 * ({@link createFaceSignBackendClient}), so a Face Match bundle does not carry them.
 * @example
 * const client = createBackendClient({ endpoint: "/api/facekit" });
 * const result = await client.getFaceMatchResult(session.token);
 */
export function createBackendClient(options: BackendClientOptions): BackendClient {
  const post = createPost(options);
  return {
    mintFaceMatchSession: (signal) =>
      post<FaceMatchSession>(
        routes.verisoulSession,
        { locale: options.locale } satisfies FaceMatchSessionRequest,
        signal,
        (d) =>
          typeof d?.sessionId === "string" &&
          typeof d.url === "string" &&
          typeof d.expiresAt === "number" &&
          typeof d.token === "string",
      ),
    getFaceMatchResult: (token, signal) =>
      post<FaceMatchResultResponse>(
        routes.verisoulResult,
        { token },
        signal,
        (d) =>
          d?.status === "pending" || (d?.status === "completed" && typeof d.result === "object"),
      ),
  };
}
