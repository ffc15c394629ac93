/**
 * Main-thread downscaling in short tasks. One high-quality draw of 12 MP into 1600 px holds the
 * main thread for 40-60 ms; halving first (an exact 2:1 bilinear draw is a 2x2 box filter, so
 * nothing is lost) in horizontal bands, flushed and yielded one by one, keeps every task near
 * 10-20 ms. A worker does not need this: it draws in one go.
 */
import { createSurface } from "./canvas.ts";
import type { Pause } from "./processImage.ts";

/** An image and its size, ready for the last draw. */
export interface Shrunk {
  source: CanvasImageSource;
  width: number;
  height: number;
}

/** Source pixels per band: about 10 ms of drawing on a slow core. */
const bandPixels = 3_000_000;

/**
 * Halves `bitmap` while it stays at least twice the `width` x `height` it is headed for.
 * @example
 * const { source, width, height } = await shrinkInSteps(bitmap, 1600, 1200, pause);
 */
export async function shrinkInSteps(
  bitmap: ImageBitmap,
  width: number,
  height: number,
  pause: Pause,
): Promise<Shrunk> {
  let current: Shrunk = { source: bitmap, width: bitmap.width, height: bitmap.height };
  while (current.width >= 2 * width && current.height >= 2 * height) {
    const w = Math.round(current.width / 2);
    const h = Math.round(current.height / 2);
    const { canvas, ctx } = createSurface(w, h);
    ctx.imageSmoothingQuality = "low";
    const bands = Math.ceil((current.width * current.height) / bandPixels);
    for (let i = 0; i < bands; i++) {
      // Whole destination rows per band, so band edges leave no anti-aliased seams.
      const y0 = Math.round((i * h) / bands);
      const y1 = Math.round(((i + 1) * h) / bands);
      const scale = current.height / h;
      ctx.drawImage(
        current.source,
        0,
        y0 * scale,
        current.width,
        (y1 - y0) * scale,
        0,
        y0,
        w,
        y1 - y0,
      );
      // Canvas draws lazily; reading one pixel makes this band's work happen in this task.
      ctx.getImageData(0, 0, 1, 1);
      await pause();
    }
    current = { source: canvas, width: w, height: h };
  }
  return current;
}
