import { errorResponseStatus, FaceKitError } from "@facekit/core/protocol";
import { authorizeRequest } from "./internal/authorizeRequest.ts";
import { createFaceSignStatusCache } from "./internal/createFaceSignStatusCache.ts";
import { createResultCache } from "./internal/createResultCache.ts";
import { handleDiditCompare, handleDiditGrant } from "./internal/diditRoutes.ts";
import {
  handleFaceSignRefresh,
  handleFaceSignSession,
  handleFaceSignStatus,
} from "./internal/faceSignRoutes.ts";
import { handleFaceSignWebhook } from "./internal/faceSignWebhook.ts";
import { matchRoute } from "./internal/matchRoute.ts";
import { mintFaceMatchSession } from "./internal/mintFaceMatchSession.ts";
import { type ResolvedDidit, resolveDidit } from "./internal/resolveDidit.ts";
import { type ResolvedFaceSign, resolveFaceSign } from "./internal/resolveFaceSign.ts";
import { type ResolvedVerisoul, resolveVerisoul } from "./internal/resolveVerisoul.ts";
import { errorResponse } from "./internal/responses.ts";
import {
  type CompletedFaceMatch,
  type FaceMatchResults,
  handleVerisoulResult,
  handleVerisoulSession,
} from "./internal/verisoulRoutes.ts";
import type { FaceKitServer, FaceKitServerConfig } from "./types.ts";

/** Sessions whose results one server instance remembers (least recently used dropped first). */
const resultCacheSize = 1_000;

const vendorCodes = new Set(["rate_limited", "vendor_unavailable", "vendor_misconfigured"]);

function notConfigured(): FaceKitError {
  return new FaceKitError(
    "not_found",
    "Verisoul is not configured: pass a `verisoul` config ({ apiKey, redirectUrl }) to createFaceKitServer.",
  );
}

function faceSignNotConfigured(): FaceKitError {
  return new FaceKitError(
    "not_found",
    "FaceSign is not configured: pass a `facesign` config ({ apiKey, session: { flow } }) to createFaceKitServer.",
  );
}

function diditNotConfigured(): FaceKitError {
  return new FaceKitError(
    "not_found",
    "Didit is not configured: pass a `didit` config ({ apiKey }) to createFaceKitServer.",
  );
}

/** Checks the config once, at creation: a weak secret must stop the app from booting. */
function checkConfig(config: FaceKitServerConfig): void {
  if (typeof config?.secret !== "string" || config.secret.length < 32) {
    throw new FaceKitError(
      "misconfigured",
      "createFaceKitServer: `secret` must be at least 32 characters. Generate one with `openssl rand -base64 32` and read it from an environment variable.",
    );
  }
  if (typeof config.authorize !== "function") {
    throw new FaceKitError(
      "misconfigured",
      "createFaceKitServer: `authorize(request)` is required; return { accountId } for a signed-in user or null.",
    );
  }
}

/**
 * Creates FaceKit's backend: one Web-standard `handle(request)` answering
 * `POST …/verisoul/session` and `POST …/verisoul/result` under any mount point (routes match by
 * path suffix), plus {@link FaceKitServer.mintFaceMatchSession} for server-side rendering. With a
 * `facesign` config it also answers `POST …/facesign/{session,refresh,status}` (authorized) and
 * `POST …/facesign/webhook` (signed by FaceSign, not authorized). With a `didit` config it
 * answers `POST …/didit/grant` and `POST …/didit/compare` (multipart, with the grant).
 * The first completed result of each session goes to `onResult` before the browser sees it. Each
 * instance keeps completed results (last 1,000 sessions, until their tokens expire) and asks
 * Verisoul about a pending session at most once per `verisoul.pendingLookupIntervalMs`.
 * Answers are JSON with `Cache-Control: no-store`; every failure is a `FaceKitError` body with its
 * status (`handle` never throws). Unknown paths answer 404 `not_found`; a known path with another
 * method answers 405 with code `not_found` and `Allow: POST`. Throws `misconfigured` at creation
 * for a secret shorter than 32 characters or an invalid Verisoul config.
 * @example
 * const facekit = createFaceKitServer({
 *   secret: process.env.FACEKIT_SECRET!,
 *   authorize: async (request) => {
 *     const user = await getUser(request);
 *     return user ? { accountId: user.id, verisoul: { enroll: true } } : null;
 *   },
 *   verisoul: { apiKey: process.env.VERISOUL_API_KEY!, redirectUrl: "https://app.example.com/facekit/callback" },
 *   onResult: ({ accountId, sessionId, verdict }) => saveFaceCheck(accountId, sessionId, verdict),
 * });
 * export const POST = (request: Request) => facekit.handle(request);
 */
export function createFaceKitServer(config: FaceKitServerConfig): FaceKitServer {
  checkConfig(config);
  const key = new TextEncoder().encode(config.secret);
  const verisoul: ResolvedVerisoul | undefined = config.verisoul
    ? resolveVerisoul(config.verisoul)
    : undefined;
  // Per instance: results are kept in this process only (see createResultCache).
  const results: FaceMatchResults = createResultCache<CompletedFaceMatch>({
    maxEntries: resultCacheSize,
    pendingLookupIntervalMs: verisoul?.pendingLookupIntervalMs ?? 0,
  });
  const facesign: ResolvedFaceSign | undefined = config.facesign
    ? resolveFaceSign(config.facesign)
    : undefined;
  const statuses = createFaceSignStatusCache();
  const didit: ResolvedDidit | undefined = config.didit ? resolveDidit(config.didit) : undefined;

  function report(error: FaceKitError, request: Request): void {
    if (!config.onError) return;
    const status = errorResponseStatus(error);
    if (status < 500 && error.vendorCode === undefined && !vendorCodes.has(error.code)) return;
    try {
      config.onError(error, request);
    } catch (hookError) {
      console.error("[facekit] onError threw:", hookError);
    }
  }

  async function route(request: Request): Promise<Response> {
    const name = matchRoute(new URL(request.url));
    if (!name) throw new FaceKitError("not_found", "No FaceKit route at this path.");
    if (request.method !== "POST") {
      return errorResponse(
        new FaceKitError("not_found", `Use POST for this FaceKit route, not ${request.method}.`, {
          status: 405,
        }),
        { allow: "POST" },
      );
    }
    if (name.startsWith("facesign")) {
      if (!facesign) throw faceSignNotConfigured();
      // FaceSign calls the webhook: its signature, not authorize(), is the proof.
      if (name === "facesignWebhook") return handleFaceSignWebhook(request, { facesign, statuses });
      const auth = await authorizeRequest(config.authorize, request);
      const context = { facesign, auth, statuses };
      if (name === "facesignSession") return handleFaceSignSession(request, context);
      if (name === "facesignRefresh") return handleFaceSignRefresh(request, context);
      return handleFaceSignStatus(request, context);
    }
    if (name.startsWith("didit")) {
      if (!didit) throw diditNotConfigured();
      const context = { didit, key, auth: await authorizeRequest(config.authorize, request) };
      return name === "diditGrant"
        ? handleDiditGrant(request, context)
        : handleDiditCompare(request, context);
    }
    if (!verisoul) throw notConfigured();
    const auth = await authorizeRequest(config.authorize, request);
    const context = { verisoul, key, auth, results, onResult: config.onResult };
    return name === "verisoulSession"
      ? handleVerisoulSession(request, context)
      : handleVerisoulResult(request, context);
  }

  return {
    async handle(request) {
      try {
        return await route(request);
      } catch (thrown) {
        const error =
          thrown instanceof FaceKitError
            ? thrown
            : new FaceKitError("internal", "Internal error.", { cause: thrown });
        report(error, request);
        return errorResponse(error);
      }
    },
    async mintFaceMatchSession(accountId, input) {
      if (!verisoul) throw new FaceKitError("misconfigured", notConfigured().message);
      if (typeof accountId !== "string" || accountId.length === 0) {
        throw new FaceKitError(
          "misconfigured",
          "mintFaceMatchSession needs a non-empty accountId.",
        );
      }
      return mintFaceMatchSession(verisoul, key, accountId, input);
    },
  };
}
