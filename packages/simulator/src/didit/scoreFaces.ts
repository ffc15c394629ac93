import type { FaceDescriptor } from "./describeFace.ts";

/** Gaussian fall-off: 1 at distance 0, about 0.37 at distance `width`. */
const near = (distance: number, width: number) => Math.exp(-((distance / width) ** 2));

/**
 * Similarity of two face descriptors as a 0-100 score with two decimals (100 for the very same
 * picture). Product of: the correlation of the luma grids (0 at or below 0.5), skin chroma
 * distance, skin brightness ratio, face shape ratio and eye positions.
 * @example
 * scoreFaces(describeFace(a, faceA, sa), describeFace(b, faceB, sb)); // e.g. 91.37
 */
export function scoreFaces(a: FaceDescriptor, b: FaceDescriptor): number {
  let corr = 0;
  a.grid.forEach((v, i) => {
    corr += v * (b.grid[i] ?? 0);
  });
  const grid = Math.max(0, Math.min(1, (corr - 0.5) / 0.5)) ** 2;
  const chroma = Math.hypot(a.tone[1] - b.tone[1], a.tone[2] - b.tone[2]);
  const light = Math.abs(Math.log(Math.max(1, a.tone[0]) / Math.max(1, b.tone[0])));
  const shape = Math.abs(Math.log(a.aspect / b.aspect));
  const eyes = Math.hypot(...a.eyes.map((v, i) => v - (b.eyes[i] ?? 0)));
  const score =
    100 * grid * near(chroma, 12) * near(light, 0.5) * near(shape, 0.25) * near(eyes, 0.15);
  return Math.round(score * 100) / 100;
}
