import { diditMaxImageBytes, FaceKitError } from "@facekit/core/protocol";
import type { ReadPace } from "../internal/readJsonBody.ts";
import type { FaceKitStore } from "../store/types.ts";
import { type CompareQuota, createCompareQuota } from "./createCompareQuota.ts";
import { createDiditClient, isThreshold } from "./createDiditClient.ts";
import { createUploadGate, type UploadGate } from "./createUploadGate.ts";
import { defaultImageLimits, type ImageLimits } from "./judgeImage.ts";
import { framingBytes } from "./readImageUpload.ts";
import type { DiditClient, DiditConfig } from "./types.ts";

/** {@link DiditConfig} checked, with its client built and defaults filled in. */
export interface ResolvedDidit {
  client: DiditClient;
  threshold: number;
  rotateImage: boolean;
  saveApiRequest: boolean | undefined;
  maxImageBytes: number;
  /** Pixel limits of each image (`minImageSide`, `maxImageSide`, `maxImagePixels`). */
  imageLimits: ImageLimits;
  /** How slow an upload body may be (`uploadTimeoutMs`, `minUploadBytesPerSecond`, `uploadGraceMs`). */
  uploadPace: ReadPace;
  /** At most `maxUploadBytesInFlight` of upload bodies in this process at once, waiting `uploadQueueTimeoutMs`. */
  uploadGate: UploadGate;
  grantTtlMs: number;
  getReferenceImage: DiditConfig["getReferenceImage"];
  /** Marks a grant used (`didit:grant:<id>` in the store, or the app's `consumeGrant`). */
  consumeGrant: (grantId: string, expiresAt: number) => Promise<boolean>;
  onResult: DiditConfig["onResult"];
  quota: CompareQuota;
}

/** 32 MiB: three of the largest uploads at once (2 x 5 MiB each), or about 64 of 0.5 MiB. */
const defaultUploadBytesInFlight = 32 * 1024 * 1024;

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
 * const didit = config.didit && resolveDidit(config.didit, store);
 */
export function resolveDidit(config: DiditConfig, store: FaceKitStore): ResolvedDidit {
  const {
    threshold = 30,
    maxImageBytes = diditMaxImageBytes,
    grantTtlMs = 5 * 60_000,
    maxComparesPerHour = 20,
    minImageSide = defaultImageLimits.minSide,
    maxImageSide = defaultImageLimits.maxSide,
    maxImagePixels = defaultImageLimits.maxPixels,
    uploadTimeoutMs = 30_000,
    minUploadBytesPerSecond = 16 * 1024,
    uploadGraceMs = 5_000,
    maxUploadBytesInFlight = defaultUploadBytesInFlight,
    uploadQueueTimeoutMs = 30_000,
  } = config;
  const whole = (value: number, min: number, name: string) => {
    if (!Number.isInteger(value) || value < min) {
      throw misconfigured(`${name} must be a whole number of at least ${min}; got ${value}.`);
    }
  };
  whole(minImageSide, 1, "minImageSide");
  whole(maxImageSide, minImageSide, "maxImageSide (and at least minImageSide)");
  whole(maxImagePixels, minImageSide * minImageSide, "maxImagePixels (and at least minImageSide²)");
  whole(uploadTimeoutMs, 1, "uploadTimeoutMs");
  whole(minUploadBytesPerSecond, 0, "minUploadBytesPerSecond");
  whole(uploadGraceMs, 0, "uploadGraceMs");
  whole(uploadQueueTimeoutMs, 1, "uploadQueueTimeoutMs");
  if (!Number.isInteger(maxComparesPerHour) || maxComparesPerHour < 1) {
    throw misconfigured("maxComparesPerHour must be a whole number of at least 1.");
  }
  if (!isThreshold(threshold)) {
    throw misconfigured(`threshold must be a whole number from 0 to 100; got ${threshold}.`);
  }
  if (!Number.isInteger(maxImageBytes) || maxImageBytes < 1 || maxImageBytes > diditMaxImageBytes) {
    throw misconfigured(`maxImageBytes must be a whole number from 1 to ${diditMaxImageBytes}.`);
  }
  // The largest upload (a selfie and a reference, framing included) must fit, or it never would.
  const largestUpload = 2 * maxImageBytes + framingBytes;
  whole(
    maxUploadBytesInFlight,
    largestUpload,
    "maxUploadBytesInFlight (2 x maxImageBytes + 16 KiB)",
  );
  if (!Number.isFinite(grantTtlMs) || grantTtlMs < 1_000 || grantTtlMs > 3_600_000) {
    throw misconfigured("grantTtlMs must be between 1 second and 1 hour.");
  }
  return {
    client: createDiditClient(config),
    threshold,
    rotateImage: config.rotateImage === true,
    saveApiRequest: config.saveApiRequest,
    maxImageBytes,
    imageLimits: { minSide: minImageSide, maxSide: maxImageSide, maxPixels: maxImagePixels },
    uploadPace: {
      timeoutMs: uploadTimeoutMs,
      minBytesPerSecond: minUploadBytesPerSecond,
      graceMs: uploadGraceMs,
    },
    // Each upload holds its body (the selfie and an uploaded reference) until Didit answers.
    uploadGate: createUploadGate(maxUploadBytesInFlight, uploadQueueTimeoutMs),
    grantTtlMs,
    getReferenceImage: optionalFunction(config.getReferenceImage, "getReferenceImage"),
    consumeGrant: grantLedger(store, optionalFunction(config.consumeGrant, "consumeGrant")),
    onResult: optionalFunction(config.onResult, "onResult"),
    quota: createCompareQuota(store, maxComparesPerHour, grantTtlMs),
  };
}

/**
 * Single use of grants: `add` of `didit:grant:<id>` until the grant expires, so a grant used on
 * one instance is refused on every other (the store is shared) and a failing store refuses all
 * (`store_unavailable`). An app's own `consumeGrant` (from before the store) is used instead.
 */
function grantLedger(
  store: FaceKitStore,
  custom: DiditConfig["consumeGrant"],
): ResolvedDidit["consumeGrant"] {
  if (custom) return async (id, expiresAt) => custom(id, expiresAt);
  return (id, expiresAt) =>
    store.add(`didit:grant:${id}`, "1", Math.max(1000, expiresAt - Date.now()));
}
