import { diditMaxImageBytes, FaceKitError } from "@facekit/core/protocol";
import { type CompareQuota, createCompareQuota } from "./createCompareQuota.ts";
import { createDiditClient, isThreshold } from "./createDiditClient.ts";
import type { DiditClient, DiditConfig } from "./types.ts";
import { createGrantLedger } from "./uploadGrant.ts";

/** {@link DiditConfig} checked, with its client built and defaults filled in. */
export interface ResolvedDidit {
  client: DiditClient;
  threshold: number;
  rotateImage: boolean;
  saveApiRequest: boolean | undefined;
  maxImageBytes: number;
  grantTtlMs: number;
  getReferenceImage: DiditConfig["getReferenceImage"];
  consumeGrant: NonNullable<DiditConfig["consumeGrant"]>;
  onResult: DiditConfig["onResult"];
  quota: CompareQuota;
}

function misconfigured(message: string): FaceKitError {
  return new FaceKitError("misconfigured", `createFaceKitHandler: didit.${message}`);
}

function optionalFunction<T>(value: T, name: string): T {
  if (value !== undefined && typeof value !== "function") {
    throw misconfigured(`${name} must be a function (or left out).`);
  }
  return value;
}

/**
 * Checks the Didit config once, at server creation, so a wrong setting fails at boot with a
 * message naming the fix.
 * @example
 * const didit = config.didit && resolveDidit(config.didit);
 */
export function resolveDidit(config: DiditConfig): ResolvedDidit {
  const {
    threshold = 30,
    maxImageBytes = diditMaxImageBytes,
    grantTtlMs = 5 * 60_000,
    maxComparesPerHour = 20,
  } = config;
  if (!Number.isInteger(maxComparesPerHour) || maxComparesPerHour < 1) {
    throw misconfigured("maxComparesPerHour must be a whole number of at least 1.");
  }
  if (!isThreshold(threshold)) {
    throw misconfigured(`threshold must be a whole number from 0 to 100; got ${threshold}.`);
  }
  if (!Number.isInteger(maxImageBytes) || maxImageBytes < 1 || maxImageBytes > diditMaxImageBytes) {
    throw misconfigured(`maxImageBytes must be a whole number from 1 to ${diditMaxImageBytes}.`);
  }
  if (!Number.isFinite(grantTtlMs) || grantTtlMs < 1_000 || grantTtlMs > 3_600_000) {
    throw misconfigured("grantTtlMs must be between 1 second and 1 hour.");
  }
  return {
    client: createDiditClient(config),
    threshold,
    rotateImage: config.rotateImage === true,
    saveApiRequest: config.saveApiRequest,
    maxImageBytes,
    grantTtlMs,
    getReferenceImage: optionalFunction(config.getReferenceImage, "getReferenceImage"),
    consumeGrant: optionalFunction(config.consumeGrant, "consumeGrant") ?? createGrantLedger(),
    onResult: optionalFunction(config.onResult, "onResult"),
    quota: createCompareQuota(maxComparesPerHour),
  };
}
