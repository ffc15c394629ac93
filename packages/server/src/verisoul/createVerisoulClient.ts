import { FaceKitError, type VerisoulVerifyFaceBody } from "@facekit/core/protocol";
import { callVerisoul, type VerisoulTransport } from "./callVerisoul.ts";
import type { VerisoulClient, VerisoulClientOptions } from "./types.ts";
import {
  parseVendorBody,
  sessionBodySchema,
  verifyFaceBodySchema,
  verifyIdentityBodySchema,
} from "./verisoulSchemas.ts";

const baseUrls = {
  sandbox: "https://api.sandbox.verisoul.ai",
  production: "https://api.prod.verisoul.ai",
} as const;

/** Fails fast on options that could never work; the message names the fix. */
function toTransport(options: VerisoulClientOptions): VerisoulTransport {
  if (typeof options.apiKey !== "string" || options.apiKey.trim() === "") {
    throw new FaceKitError(
      "misconfigured",
      "createVerisoulClient: apiKey is empty. Pass your Verisoul API key, e.g. process.env.VERISOUL_API_KEY.",
    );
  }
  const environment = options.environment ?? "sandbox";
  if (environment !== "sandbox" && environment !== "production") {
    throw new FaceKitError(
      "misconfigured",
      `createVerisoulClient: environment must be "sandbox" or "production", got ${JSON.stringify(environment)}.`,
    );
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new FaceKitError(
      "misconfigured",
      "createVerisoulClient: timeoutMs must be a positive number.",
    );
  }
  const baseUrl = options.baseUrl ?? baseUrls[environment];
  if (!URL.canParse(baseUrl)) {
    throw new FaceKitError(
      "misconfigured",
      `createVerisoulClient: baseUrl "${baseUrl}" is not an absolute URL.`,
    );
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  return {
    baseUrl,
    apiKey: options.apiKey,
    timeoutMs,
    // Called unbound: some runtimes throw "Illegal invocation" for a detached global fetch.
    fetch: (input, init) => fetchImpl(input, init),
  };
}

/**
 * A typed client of Verisoul's Face Match API (server-side only: it holds your API key).
 * Every failure is a `FaceKitError`; `vendorCode` keeps Verisoul's error string. Waiting states
 * (`session_not_started`, `session_not_complete`) come as code `scan_incomplete`.
 * @example
 * const verisoul = createVerisoulClient({ apiKey: process.env.VERISOUL_API_KEY!, environment: "sandbox" });
 * const { sessionId } = await verisoul.createSession();
 * try {
 *   const body = await verisoul.verifyFace(sessionId);
 *   if (body.decision === "Real") await verisoul.enroll(sessionId, user.id);
 * } catch (e) {
 *   if (e instanceof FaceKitError && e.code === "rate_limited") retryLater(e.retryAfter);
 * }
 */
export function createVerisoulClient(options: VerisoulClientOptions): VerisoulClient {
  const transport = toTransport(options);
  return {
    async createSession(input = {}) {
      const path = "/liveness/session";
      const json = await callVerisoul(transport, {
        method: "GET",
        path,
        query: { referring_session_id: input.referringSessionId, simulate: input.simulate },
      });
      const body = parseVendorBody(sessionBodySchema, json, path);
      return { sessionId: body.session_id, requestId: body.request_id };
    },
    async verifyFace(sessionId) {
      const path = "/liveness/verify-face";
      const json = await callVerisoul(transport, {
        method: "POST",
        path,
        body: { session_id: sessionId },
      });
      parseVendorBody(verifyFaceBodySchema, json, path);
      return json as VerisoulVerifyFaceBody;
    },
    async verifyIdentity(sessionId, accountId) {
      const path = "/liveness/verify-identity";
      const json = await callVerisoul(transport, {
        method: "POST",
        path,
        body: { session_id: sessionId, account_id: accountId },
      });
      return { match: parseVendorBody(verifyIdentityBodySchema, json, path).match };
    },
    async enroll(sessionId, accountId) {
      await callVerisoul(transport, {
        method: "POST",
        path: "/liveness/enroll",
        body: { session_id: sessionId, account_id: accountId },
      });
    },
  };
}
