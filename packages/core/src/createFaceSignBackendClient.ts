/**
 * The browser's client for the developer's FaceSign routes. A client of its own (not more methods
 * on `createVerisoulBackendClient`'s object) so bundles that only use Face Match leave it out.
 */

import { type BackendPost, createBackendPost, type Json } from "./createBackendPost.ts";
import {
  type FaceSignMintRequest,
  type FaceSignSession,
  type FaceSignStatusRequest,
  type FaceSignStatusResponse,
  faceSignRoutes,
} from "./protocol/index.ts";
import type { BackendClientOptions } from "./types.ts";

/**
 * Calls to your backend's FaceSign routes. Failures are {@link FaceKitError}s.
 * @example
 * const session = await facesign.mintFaceSignSession();
 */
export interface FaceSignBackendClient {
  /** POST `{endpoint}/facesign/session` with the `locale`: a new session with its client secret. */
  mintFaceSignSession(signal?: AbortSignal): Promise<FaceSignSession>;
  /** POST `{endpoint}/facesign/refresh`: a new client secret (and URL) for the same session. */
  refreshFaceSignSession(sessionId: string, signal?: AbortSignal): Promise<FaceSignSession>;
  /**
   * POST `{endpoint}/facesign/status`: the status, with the summary once the session ended; with
   * `clientSecret`, whether FaceSign still takes it (`secretValid`, while not begun).
   */
  getFaceSignStatus(
    request: FaceSignStatusRequest,
    signal?: AbortSignal,
  ): Promise<FaceSignStatusResponse>;
}

const isSession = (d: Json) =>
  typeof d?.sessionId === "string" &&
  typeof d.clientSecret === "string" &&
  typeof d.url === "string" &&
  typeof d.expireAt === "number";

const statuses: unknown[] = ["created", "inProgress", "complete", "incomplete"];

/**
 * Creates a {@link FaceSignBackendClient}; takes the same options as `createVerisoulBackendClient`.
 * @example
 * const facesign = createFaceSignBackendClient({ endpoint: "/api/facekit" });
 * const flow = createFaceSignFlow({
 *   getSession: (signal) => facesign.mintFaceSignSession(signal),
 *   refresh: (id, signal) => facesign.refreshFaceSignSession(id, signal),
 *   getStatus: (request, signal) => facesign.getFaceSignStatus(request, signal),
 * });
 */
export function createFaceSignBackendClient(options: BackendClientOptions): FaceSignBackendClient {
  return faceSignBackendClient(createBackendPost(options), options.locale);
}

/**
 * The {@link FaceSignBackendClient} on a {@link BackendPost} you already have (one shared by
 * several clients); `locale` goes with each mint.
 * @example
 * const facesign = faceSignBackendClient(createBackendPost({ endpoint: "/api/facekit" }), "fr");
 */
export function faceSignBackendClient(post: BackendPost, locale?: string): FaceSignBackendClient {
  return {
    mintFaceSignSession: (signal) =>
      post<FaceSignSession>(
        faceSignRoutes.session,
        { locale } satisfies FaceSignMintRequest,
        signal,
        isSession,
      ),
    refreshFaceSignSession: (sessionId, signal) =>
      post<FaceSignSession>(faceSignRoutes.refresh, { sessionId }, signal, isSession),
    getFaceSignStatus: (request, signal) =>
      post<FaceSignStatusResponse>(
        faceSignRoutes.status,
        request,
        signal,
        (d) => typeof d?.sessionId === "string" && statuses.includes(d.status),
      ),
  };
}
