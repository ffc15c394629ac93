/**
 * The browser side of Didit's selfie compare: turns whatever file the person picked into a small,
 * upright JPEG before anything is uploaded. The work runs in a Web Worker that is only fetched when
 * this is called; where no worker can run it, on the main thread in short steps.
 */
import type { Pause } from "./internal/image/processImage.ts";
import { runInWorker } from "./internal/image/runInWorker.ts";
import type { ImageJob } from "./internal/image/types.ts";
import type { DiditImageType } from "./protocol/didit.ts";
import { diditMaxImageBytes } from "./protocol/didit.ts";

/**
 * Options of {@link prepareImage}.
 * @example
 * const options: PrepareImageOptions = { maxDimension: 1280, signal: controller.signal };
 */
export interface PrepareImageOptions {
  /** Hard limit of the result; beyond it `image_too_large`. Default: Didit's 5 MB. */
  maxBytes?: number;
  /** Soft aim: JPEG quality steps down (0.85, 0.75, 0.65) to get under it. Default 600 KiB. */
  targetBytes?: number;
  /** Longest side of the result in pixels. Default 1600, plenty for a face match. */
  maxDimension?: number;
  /** Aborting terminates the worker (or stops the main-thread work) and rejects with the reason. */
  signal?: AbortSignal;
}

/**
 * What {@link prepareImage} resolves with.
 * @example
 * form.append("user_image", image.blob, "selfie.jpg");
 */
export interface PreparedImage {
  /** The JPEG to upload. */
  blob: Blob;
  type: "image/jpeg";
  width: number;
  height: number;
  /** Size of the file that went in, in bytes. */
  originalBytes: number;
  /** Its real type, sniffed from its bytes. */
  originalType: DiditImageType;
  /** Where the work ran: a worker, or the main thread when no worker could. */
  via: "worker" | "main-thread";
  /** Milliseconds spent decoding, scaling and encoding (not waiting for the worker to start). */
  durationMs: number;
}

/** Yields to the browser between steps, and stops there once `signal` is aborted. */
const pauseFor =
  (signal?: AbortSignal): Pause =>
  async () => {
    const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
    await (s?.yield ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0)));
    signal?.throwIfAborted();
  };

/**
 * Prepares a picked file for upload: sniffs its real type from its bytes (the name and
 * `blob.type` are ignored), decodes it, applies its EXIF orientation, downscales it and encodes it
 * as a JPEG under `maxBytes`. Rejects with FaceKitError `invalid_image` (not an image, or
 * unreadable), `image_too_large`, or the signal's reason when aborted.
 * @example
 * import { FaceKitError, prepareImage } from "@facekit/core";
 * try {
 *   const image = await prepareImage(input.files[0], { signal });
 *   body.append("user_image", image.blob, "selfie.jpg"); // ~1600 px, at most a few hundred KB
 * } catch (e) {
 *   if (e instanceof FaceKitError && e.code === "invalid_image") show(e.message);
 * }
 */
export async function prepareImage(
  file: Blob,
  options: PrepareImageOptions = {},
): Promise<PreparedImage> {
  const { signal } = options;
  signal?.throwIfAborted();
  const maxBytes = options.maxBytes ?? diditMaxImageBytes;
  const job: ImageJob = {
    maxBytes,
    targetBytes: Math.min(maxBytes, options.targetBytes ?? 600 * 1024),
    maxDimension: options.maxDimension ?? 1600,
  };
  const base = { type: "image/jpeg", originalBytes: file.size } as const;
  const inWorker = await runInWorker(file, job, signal);
  if (inWorker) return { ...base, ...inWorker, via: "worker" };
  signal?.throwIfAborted();
  const { processImage } = await import("./internal/image/processImage.ts");
  const output = await processImage(file, job, pauseFor(signal));
  return { ...base, ...output, via: "main-thread" };
}
