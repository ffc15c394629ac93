import {
  FaceKitError,
  type FaceSignClientSecretBody,
  type FaceSignListBody,
  type FaceSignSessionBody,
} from "@facekit/core/protocol";
import { callFaceSign, type FaceSignTransport, faceSignApiVersion } from "./callFaceSign.ts";
import {
  checkFaceSignBody,
  clientSecretSchema,
  listBodySchema,
  sessionBodySchema,
} from "./faceSignSchemas.ts";
import type { FaceSignClient, FaceSignClientOptions, FaceSignListQuery } from "./types.ts";

function misconfigured(message: string): FaceKitError {
  return new FaceKitError("misconfigured", `createFaceSignClient: ${message}`);
}

/** Fails fast on options that could never work; the message names the fix. */
function toTransport(options: FaceSignClientOptions): FaceSignTransport {
  if (typeof options?.apiKey !== "string" || options.apiKey.trim() === "") {
    throw misconfigured(
      "apiKey is empty. Pass your FaceSign secret key (sk_test_… or sk_prod_…), e.g. process.env.FACESIGN_API_KEY.",
    );
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw misconfigured("timeoutMs must be a positive number.");
  }
  const apiVersion = options.apiVersion ?? faceSignApiVersion;
  if (typeof apiVersion !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(apiVersion)) {
    throw misconfigured(
      `apiVersion "${String(apiVersion)}" is not a FaceSign version (YYYY-MM-DD).`,
    );
  }
  const baseUrl = options.baseUrl ?? "https://api.facesign.ai";
  if (!URL.canParse(baseUrl)) throw misconfigured(`baseUrl "${baseUrl}" is not an absolute URL.`);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  // Called unbound: some runtimes throw "Illegal invocation" for a detached global fetch.
  const fetch: typeof globalThis.fetch = (i, init) => fetchImpl(i, init);
  return { baseUrl, apiKey: options.apiKey, apiVersion, timeoutMs, fetch };
}

/** `/sessions/{id}` with the id escaped, refusing ids no FaceSign session could have. */
function sessionPath(sessionId: string, suffix = ""): string {
  if (typeof sessionId !== "string" || sessionId.length === 0 || sessionId.length > 200) {
    throw new FaceKitError("session_invalid", "FaceSign does not know this session.");
  }
  return `/sessions/${encodeURIComponent(sessionId)}${suffix}`;
}

function listQuery(query: FaceSignListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined) params.append(name, String(item));
    }
  }
  return params;
}

/**
 * A typed client of the FaceSign API (server-side only: it holds your API key). Every failure is
 * a `FaceKitError`: 401/403 and 4xx `vendor_misconfigured` (a refused flow keeps FaceSign's
 * message), 404 `session_invalid`, 429 `rate_limited` with `retryAfter`, 5xx, timeouts and
 * unreadable answers `vendor_unavailable`. Nothing is retried.
 * @example
 * const facesign = createFaceSignClient({ apiKey: process.env.FACESIGN_API_KEY! });
 * const { session, clientSecret } = await facesign.createSession({ clientReferenceId: user.id, flow });
 * const later = await facesign.getSession(session.id); // later.session.report once finished
 */
export function createFaceSignClient(options: FaceSignClientOptions): FaceSignClient {
  const transport = toTransport(options);
  return {
    async createSession(settings) {
      const json = await callFaceSign(transport, {
        method: "POST",
        path: "/sessions",
        body: settings,
      });
      return checkFaceSignBody<FaceSignSessionBody>(sessionBodySchema, json, "POST /sessions");
    },
    async getSession(sessionId) {
      const path = sessionPath(sessionId);
      const json = await callFaceSign(transport, { method: "GET", path });
      return checkFaceSignBody<FaceSignSessionBody>(sessionBodySchema, json, "GET /sessions/{id}");
    },
    async refreshSecret(sessionId) {
      const path = sessionPath(sessionId, "/refresh");
      const json = await callFaceSign(transport, { method: "GET", path });
      return checkFaceSignBody<FaceSignClientSecretBody>(
        clientSecretSchema,
        json,
        "GET /sessions/{id}/refresh",
      );
    },
    async listSessions(query = {}) {
      const json = await callFaceSign(transport, {
        method: "GET",
        path: "/sessions",
        query: listQuery(query),
      });
      return checkFaceSignBody<FaceSignListBody>(listBodySchema, json, "GET /sessions");
    },
  };
}
