/**
 * Canvas helpers that work in a worker (OffscreenCanvas) and on a main thread without it
 * (a detached `<canvas>`). Nothing here runs at import time.
 */

/** A 2D surface and a way to encode it. */
export interface Surface {
  canvas: OffscreenCanvas | HTMLCanvasElement;
  ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
  encode(type: string, quality?: number): Promise<Blob>;
}

/** True when this realm can draw and encode off-screen (always so in current browsers' workers). */
export function hasOffscreenCanvas(): boolean {
  return (
    typeof OffscreenCanvas !== "undefined" &&
    typeof OffscreenCanvas.prototype.convertToBlob === "function"
  );
}

/**
 * A `width` x `height` surface: an OffscreenCanvas when there is one, else a `<canvas>`.
 * @example
 * const { ctx, encode } = createSurface(1600, 1200);
 */
export function createSurface(width: number, height: number): Surface {
  if (hasOffscreenCanvas()) {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2d context on OffscreenCanvas");
    return { canvas, ctx, encode: (type, quality) => canvas.convertToBlob({ type, quality }) };
  }
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2d context on <canvas>");
  return {
    canvas,
    ctx,
    encode: (type, quality) =>
      new Promise((resolve, reject) =>
        canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("encode failed"))), type, quality),
      ),
  };
}
