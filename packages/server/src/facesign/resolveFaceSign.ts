import {
  FaceKitError,
  type FaceSignExposable,
  type FaceSignSessionSettings,
} from "@facekit/core/protocol";
import { createFaceSignClient } from "./createFaceSignClient.ts";
import type { FaceSignClient, FaceSignConfig } from "./types.ts";

/** {@link FaceSignConfig} checked, with its client built. */
export interface ResolvedFaceSign {
  client: FaceSignClient;
  session: Omit<FaceSignSessionSettings, "clientReferenceId">;
  expose: readonly FaceSignExposable[];
  /** HMAC key of `X-FaceSign-Signature`; undefined = the webhook route is off. */
  webhookSecret: string | undefined;
  /** Oldest webhook accepted, by its `createdAt`, in ms (default 5 minutes). */
  webhookToleranceMs: number;
  onResult: FaceSignConfig["onResult"];
}

const exposable: readonly FaceSignExposable[] = [
  "transcript",
  "extractedData",
  "videos",
  "screenshots",
  "media",
];

function misconfigured(message: string): FaceKitError {
  return new FaceKitError("misconfigured", `createFaceKitHandler: ${message}`);
}

/**
 * Checks the FaceSign config once, at server creation, so a wrong setting fails at boot with a
 * message naming the fix. The flow itself is FaceSign's to validate (its 400 names the problem).
 * @example
 * const facesign = config.facesign && resolveFaceSign(config.facesign);
 */
export function resolveFaceSign(config: FaceSignConfig): ResolvedFaceSign {
  const session = config.session as unknown;
  if (typeof session !== "object" || session === null || Array.isArray(session)) {
    throw misconfigured(
      'facesign.session must be the settings of every session, e.g. { flow: [...], langs: ["en"] }.',
    );
  }
  const expose = config.expose ?? [];
  const unsupported = Array.isArray(expose) ? expose.filter((f) => !exposable.includes(f)) : expose;
  if (!Array.isArray(expose) || unsupported.length > 0) {
    throw misconfigured(
      `facesign.expose may only list ${exposable.map((f) => `"${f}"`).join(", ")}; got ${JSON.stringify(unsupported)}.`,
    );
  }
  const { webhookSecret } = config;
  if (webhookSecret !== undefined && (typeof webhookSecret !== "string" || webhookSecret === "")) {
    throw misconfigured("facesign.webhookSecret must be a non-empty string (or left out).");
  }
  if (config.onResult !== undefined && typeof config.onResult !== "function") {
    throw misconfigured("facesign.onResult must be a function (or left out).");
  }
  const webhookToleranceMs = config.webhookToleranceMs ?? 5 * 60_000;
  if (!Number.isFinite(webhookToleranceMs) || webhookToleranceMs <= 0) {
    throw misconfigured("facesign.webhookToleranceMs must be a positive number of milliseconds.");
  }
  // clientReferenceId is always the authorized account: drop one a JS caller put here.
  const { clientReferenceId: _ignored, ...settings } = session as FaceSignSessionSettings;
  return {
    client: createFaceSignClient(config),
    session: settings,
    expose: [...new Set(expose)],
    webhookSecret,
    webhookToleranceMs,
    onResult: config.onResult,
  };
}
