/**
 * The pipeline itself, the same in the worker and on the main thread: sniff the real type,
 * decode, make upright, downscale, encode as JPEG within the byte budget.
 */
import { sniffImageType } from "../../protocol/didit.ts";
import { FaceKitError } from "../../protocol/errors.ts";
import { createSurface } from "./canvas.ts";
import { applyOrientation, decoderAppliesOrientation, orientedSize } from "./orientation.ts";
import { readExifOrientation } from "./readExifOrientation.ts";
import { shrinkInSteps } from "./shrinkInSteps.ts";
import type { ImageJob, ImageOutput } from "./types.ts";

/** JPEG qualities tried in turn until the soft target is met (0.85 keeps faces crisp). */
const qualities = [0.85, 0.75, 0.65];
/** Never shrink below this longest side to meet `maxBytes`: a face must stay recognisable. */
const minDimension = 640;

/** Called between steps on the main thread: yields to the browser, throws once aborted. */
export type Pause = () => Promise<void>;

/** Decodes (off the calling thread in current browsers), upright when the decoder can do it. */
async function decode(blob: Blob, type: string): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(blob, { imageOrientation: "from-image" });
  } catch (cause) {
    throw new FaceKitError(
      "invalid_image",
      `This ${type.slice(6).toUpperCase()} file is damaged or cannot be read by this browser.`,
      { cause },
    );
  }
}

/**
 * Runs the pipeline on `blob`. Throws FaceKitError `invalid_image` or `image_too_large`. With
 * `pause` (main thread), it yields between steps and downscales in short steps.
 * @example
 * const out = await processImage(file, { maxBytes, targetBytes, maxDimension });
 */
export async function processImage(blob: Blob, job: ImageJob, pause?: Pause): Promise<ImageOutput> {
  const started = performance.now();
  const head = new Uint8Array(await blob.slice(0, 65536).arrayBuffer());
  const type = sniffImageType(head);
  if (!type) {
    throw new FaceKitError(
      "invalid_image",
      "This file is not a JPEG, PNG, WebP or TIFF image (judged by its content, not its name).",
    );
  }
  const orientation = type === "image/jpeg" ? readExifOrientation(head) : 1;
  // Only turn the image ourselves when the decoder did not.
  const o = orientation > 1 && !(await decoderAppliesOrientation()) ? orientation : 1;
  await pause?.();
  const bitmap = await decode(blob, type);
  const raw = { width: bitmap.width, height: bitmap.height };
  const [width, height] = orientedSize(o, raw.width, raw.height);
  try {
    let longest = Math.min(job.maxDimension, Math.max(width, height));
    for (;;) {
      const scale = longest / Math.max(width, height);
      const [w, h] = [width, height].map((n) => Math.max(1, Math.round(n * scale))) as [
        number,
        number,
      ];
      // Raw (not yet turned) size of the result.
      const [rw, rh] = o >= 5 ? [h, w] : [w, h];
      const shrunk = pause
        ? await shrinkInSteps(bitmap, rw, rh, pause)
        : { source: bitmap, width: raw.width, height: raw.height };
      const surface = createSurface(w, h);
      const { ctx } = surface;
      // JPEG has no alpha: transparent PNG/WebP pixels become white, not black.
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, w, h);
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = "high";
      applyOrientation(ctx, o, rw, rh);
      ctx.drawImage(shrunk.source, 0, 0, shrunk.width, shrunk.height, 0, 0, rw, rh);
      let out: Blob | undefined;
      for (const quality of qualities) {
        await pause?.();
        out = await surface.encode("image/jpeg", quality);
        if (out.size <= job.targetBytes) break;
      }
      if (out && out.size <= job.maxBytes) {
        const durationMs = performance.now() - started;
        return { blob: out, width: w, height: h, originalType: type, durationMs };
      }
      if (longest <= minDimension) break;
      longest = Math.max(minDimension, Math.round(longest * 0.75));
    }
  } finally {
    bitmap.close();
  }
  throw new FaceKitError(
    "image_too_large",
    `This image stays above ${job.maxBytes} bytes even after downscaling and compression.`,
  );
}
