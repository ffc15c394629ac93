/** An RGBA image, row by row (what every decoder here produces). */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** For each destination index: the source indices it covers and their weights (sum 1). */
function axisWeights(from: number, to: number): { index: number[]; weight: number[] }[] {
  const step = from / to;
  return Array.from({ length: to }, (_, d) => {
    const start = d * step;
    const end = Math.max(start + step, start + 1e-6);
    const index: number[] = [];
    const weight: number[] = [];
    for (let s = Math.floor(start); s < Math.min(from, Math.ceil(end)); s++) {
      const cover = Math.min(end, s + 1) - Math.max(start, s);
      if (cover > 0) {
        index.push(s);
        weight.push(cover / (end - start));
      }
    }
    return { index, weight };
  });
}

/**
 * Resamples by area averaging (a box filter): every destination pixel is the mean of the source
 * area it covers, so downscaling keeps the content instead of aliasing it.
 * @example
 * const small = resizeArea(photo, 300, 400);
 */
export function resizeArea(img: RgbaImage, width: number, height: number): RgbaImage {
  const xs = axisWeights(img.width, width);
  const ys = axisWeights(img.height, height);
  const rows = new Float32Array(img.height * width * 4);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < width; x++) {
      const { index, weight } = xs[x] as (typeof xs)[number];
      for (let n = 0; n < index.length; n++) {
        const from = (y * img.width + (index[n] ?? 0)) * 4;
        const to = (y * width + x) * 4;
        const wt = weight[n] ?? 0;
        for (let k = 0; k < 4; k++)
          rows[to + k] = (rows[to + k] ?? 0) + (img.data[from + k] ?? 0) * wt;
      }
    }
  }
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const { index, weight } = ys[y] as (typeof ys)[number];
    for (let i = 0; i < width * 4; i++) {
      let sum = 0;
      for (let n = 0; n < index.length; n++) {
        sum += (rows[(index[n] ?? 0) * width * 4 + i] ?? 0) * (weight[n] ?? 0);
      }
      out[y * width * 4 + i] = Math.round(sum);
    }
  }
  return { width, height, data: out };
}

/**
 * Scales an image down so its longest side is at most `maxSide` (never up), keeping the ratio.
 * @example
 * fitWithin(photo, 1600); // what the browser does before uploading
 */
export function fitWithin(img: RgbaImage, maxSide: number): RgbaImage {
  const scale = maxSide / Math.max(img.width, img.height);
  if (scale >= 1) return img;
  const w = Math.max(1, Math.round(img.width * scale));
  const h = Math.max(1, Math.round(img.height * scale));
  return resizeArea(img, w, h);
}
