/** What the worker and the main-thread fallback share: settled options and wire messages. */
import type { DiditImageType } from "../../protocol/didit.ts";
import type { FaceKitErrorCode } from "../../protocol/errors.ts";

/** Options of one run, every default already applied. */
export interface ImageJob {
  maxBytes: number;
  targetBytes: number;
  maxDimension: number;
}

/** What one run produces, wherever it ran. */
export interface ImageOutput {
  blob: Blob;
  width: number;
  height: number;
  originalType: DiditImageType;
  /** Milliseconds from the first byte read to the encoded JPEG. */
  durationMs: number;
}

/** Main thread -> worker. */
export interface ImageRequest {
  blob: Blob;
  job: ImageJob;
}

/**
 * Worker -> main thread. `unsupported`: the worker cannot do the job here (no OffscreenCanvas),
 * so the main thread does it instead.
 */
export type ImageReply =
  | { ok: true; output: ImageOutput }
  | { ok: false; code: FaceKitErrorCode | "unsupported"; message: string };
