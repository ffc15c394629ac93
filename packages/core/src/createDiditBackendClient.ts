/**
 * The browser's client for the developer's Didit selfie-compare routes. A client of its own (like
 * `createFaceSignBackendClient`) so bundles of the other flows leave it out.
 */

import { createBackendPost } from "./createBackendPost.ts";
import { sendForm } from "./internal/sendForm.ts";
import {
  diditRoutes,
  FaceKitError,
  grantHeader,
  type SelfieCompareGrant,
  type SelfieCompareResult,
} from "./protocol/index.ts";
import type {
  BackendClientOptions,
  SelfieCompareImages,
  SelfieCompareUploadOptions,
} from "./types.ts";

// Typed locally (see ./internal/dev.ts): core must not depend on Node's types.
declare const process: { env: { NODE_ENV?: string } };

/**
 * Options of {@link createDiditBackendClient}: those of `createVerisoulBackendClient`, plus the
 * `XMLHttpRequest` the upload uses. `credentials: "include"` sends cookies cross-origin
 * (`withCredentials`); same-origin uploads always carry them.
 * @example
 * const options: DiditBackendClientOptions = { endpoint: "/api/facekit" };
 */
export interface DiditBackendClientOptions extends BackendClientOptions {
  /** Default: the global `XMLHttpRequest`, read at call time. */
  XMLHttpRequest?: typeof XMLHttpRequest;
}

/**
 * Calls to your backend's Didit routes. Failures are {@link FaceKitError}s; aborts reject with
 * the signal's reason.
 * @example
 * const grant = await didit.getGrant();
 * const result = await didit.compare(grant, { selfie }, { onProgress: console.info });
 */
export interface DiditBackendClient {
  /** POST `{endpoint}/didit/grant`: a single-use upload grant with the backend's limits. */
  getGrant(signal?: AbortSignal): Promise<SelfieCompareGrant>;
  /**
   * POST `{endpoint}/didit/compare` (multipart, with upload progress): `selfie` and, when the
   * grant says `upload`, `reference`. Resolves with the comparison.
   */
  compare(
    grant: SelfieCompareGrant,
    images: SelfieCompareImages,
    options?: SelfieCompareUploadOptions,
  ): Promise<SelfieCompareResult>;
}

/**
 * Creates a {@link DiditBackendClient}.
 * @example
 * const didit = createDiditBackendClient({ endpoint: "/api/facekit" });
 * const flow = createSelfieCompareFlow({
 *   getGrant: (signal) => didit.getGrant(signal),
 *   compare: (grant, images, upload) => didit.compare(grant, images, upload),
 * });
 */
export function createDiditBackendClient(options: DiditBackendClientOptions): DiditBackendClient {
  const post = createBackendPost(options);
  return {
    getGrant: (signal) =>
      post<SelfieCompareGrant>(
        diditRoutes.grant,
        {},
        signal,
        (d) =>
          typeof d?.token === "string" &&
          typeof d.expiresAt === "number" &&
          typeof d.maxBytes === "number" &&
          (d.reference === "upload" || d.reference === "server"),
      ),
    async compare(grant, images, upload = {}) {
      const form = new FormData();
      form.append("selfie", images.selfie, "selfie.jpg");
      if (grant.reference === "upload" && images.reference) {
        form.append("reference", images.reference, "reference.jpg");
      }
      const data = await sendForm({
        ...upload,
        url: `${options.endpoint.replace(/\/+$/, "")}/${diditRoutes.compare}`,
        form,
        headers: { ...options.headers, [grantHeader]: grant.token },
        withCredentials: options.credentials === "include",
        XMLHttpRequest: options.XMLHttpRequest,
      });
      if (typeof data?.requestId === "string" && typeof data.status === "string") {
        return data as unknown as SelfieCompareResult;
      }
      throw new FaceKitError(
        "internal",
        typeof process === "object" && process.env.NODE_ENV !== "production"
          ? "Unexpected answer from the FaceKit backend"
          : undefined,
      );
    },
  };
}
