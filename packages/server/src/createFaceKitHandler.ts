import { errorResponseStatus, FaceKitError } from "@facekit/core/protocol";
import { createRouter } from "./internal/createRouter.ts";
import { notConfigured } from "./internal/notConfigured.ts";
import { type ResolvedConfig, resolveConfig } from "./internal/resolveConfig.ts";
import { errorResponse } from "./internal/responses.ts";
import type { FaceKitHandler, FaceKitServerConfig } from "./types.ts";
import { mintFaceMatchSession } from "./verisoul/mintFaceMatchSession.ts";

/** Error codes reported to `onError` even below 500: the vendor side failed. */
const vendorCodes = new Set(["rate_limited", "vendor_unavailable", "vendor_misconfigured"]);

/**
 * Creates FaceKit's backend: one Web-standard `(request) => Promise<Response>` answering
 * `POST …/verisoul/session` and `POST …/verisoul/result` under any mount point (routes match by
 * path suffix), plus {@link FaceKitHandler.mintFaceMatchSession} for server-side rendering. With a
 * `facesign` config it also answers `POST …/facesign/{session,refresh,status}` (authorized) and
 * `POST …/facesign/webhook` (signed by FaceSign, not authorized). With a `didit` config it
 * answers `POST …/didit/grant` and `POST …/didit/compare` (multipart, with the grant).
 * The first completed result of each session goes to `verisoul.onResult` before the browser sees
 * it, once across the instances sharing `store`. Completed results are kept in `store` (until
 * their tokens expire), and the handler asks Verisoul about a pending session at most once per
 * `verisoul.pendingLookupIntervalMs`, across those instances.
 * Answers are JSON with `Cache-Control: no-store`; every failure is a `FaceKitError` body with its
 * status (the handler never throws). Unknown paths answer 404 `not_found`; a known path with
 * another method answers 405 with code `not_found` and `Allow: POST`.
 * The config is read and checked on first use, not at creation: importing the route with no secret
 * set (a `next build`, a Docker build) works. Then a secret shorter than 32 characters or an invalid
 * vendor config answers every request with a 500 `misconfigured` naming the fix (sent to `onError`,
 * or logged with `console.error` without it); call {@link FaceKitHandler.check} at boot to throw it
 * there instead.
 * @example
 * // app/api/facekit/[...path]/route.ts (Next.js)
 * export const POST = createFaceKitHandler({
 *   secret: process.env.FACEKIT_SECRET!,
 *   authorize: async (request) => {
 *     const user = await getUser(request);
 *     return user ? { accountId: user.id, verisoul: { enroll: true } } : null;
 *   },
 *   verisoul: {
 *     apiKey: process.env.VERISOUL_API_KEY!,
 *     redirectUrl: "https://app.example.com/facekit/callback",
 *     onResult: ({ accountId, sessionId, verdict }) => saveFaceCheck(accountId, sessionId, verdict),
 *   },
 * });
 */
export function createFaceKitHandler(config: FaceKitServerConfig): FaceKitHandler {
  let resolved: { app: ResolvedConfig; route: (request: Request) => Promise<Response> } | undefined;
  /** The checked config and its router, made on first use; a bad config throws each time. */
  function resolve() {
    if (!resolved) {
      const app = resolveConfig(config);
      resolved = { app, route: createRouter(app) };
    }
    return resolved;
  }

  function report(error: FaceKitError, request: Request): void {
    const onError = typeof config?.onError === "function" ? config.onError : undefined;
    if (!onError) {
      // A broken config must not go unnoticed: every request fails until it is fixed.
      if (error.code === "misconfigured") console.error(`[facekit] ${error.message}`);
      return;
    }
    const status = errorResponseStatus(error);
    if (status < 500 && error.vendorCode === undefined && !vendorCodes.has(error.code)) return;
    try {
      onError(error, request);
    } catch (hookError) {
      console.error("[facekit] onError threw:", hookError);
    }
  }

  async function handler(request: Request): Promise<Response> {
    try {
      return await resolve().route(request);
    } catch (thrown) {
      const error =
        thrown instanceof FaceKitError
          ? thrown
          : new FaceKitError("internal", "Internal error.", { cause: thrown });
      report(error, request);
      return errorResponse(error);
    }
  }

  const helpers: Pick<FaceKitHandler, "check" | "mintFaceMatchSession"> = {
    check() {
      resolve();
    },
    async mintFaceMatchSession(accountId, input) {
      const { app } = resolve();
      if (!app.verisoul) throw new FaceKitError("misconfigured", notConfigured("verisoul").message);
      if (typeof accountId !== "string" || accountId.length === 0) {
        throw new FaceKitError(
          "misconfigured",
          "mintFaceMatchSession needs a non-empty accountId.",
        );
      }
      return mintFaceMatchSession(app.verisoul, app.key, app.store, accountId, input);
    },
  };
  return Object.assign(handler, helpers);
}
