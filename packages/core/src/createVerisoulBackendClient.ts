/**
 * The browser's client for the developer's FaceKit routes (`createFaceKitHandler` on the server).
 * Every failure becomes a {@link FaceKitError}; aborts pass through as `AbortError`.
 */

import { createBackendPost } from "./createBackendPost.ts";
import type {
  FaceMatchResultResponse,
  FaceMatchSession,
  FaceMatchSessionRequest,
} from "./protocol/index.ts";
import { verisoulRoutes } from "./protocol/index.ts";
import type { BackendClientOptions } from "./types.ts";

/**
 * Calls to your backend's FaceKit routes.
 * @example
 * const session = await client.mintFaceMatchSession();
 */
export interface VerisoulBackendClient {
  /** POST `{endpoint}/verisoul/session` with the `locale`: a fresh, single-use session. */
  mintFaceMatchSession(signal?: AbortSignal): Promise<FaceMatchSession>;
  /** POST `{endpoint}/verisoul/result`: `pending`, or `completed` with the verdict. */
  getFaceMatchResult(token: string, signal?: AbortSignal): Promise<FaceMatchResultResponse>;
}

/**
 * Creates a {@link VerisoulBackendClient}. FaceSign's routes have their own client
 * ({@link createFaceSignBackendClient}), so a Face Match bundle does not carry them.
 * @example
 * const client = createVerisoulBackendClient({ endpoint: "/api/facekit" });
 * const result = await client.getFaceMatchResult(session.token);
 */
export function createVerisoulBackendClient(options: BackendClientOptions): VerisoulBackendClient {
  const post = createBackendPost(options);
  return {
    mintFaceMatchSession: (signal) =>
      post<FaceMatchSession>(
        verisoulRoutes.session,
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
        verisoulRoutes.result,
        { token },
        signal,
        (d) =>
          d?.status === "pending" || (d?.status === "completed" && typeof d.result === "object"),
      ),
  };
}
