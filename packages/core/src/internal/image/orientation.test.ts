import { describe, expect, it } from "vitest";
import { applyOrientation, orientedSize } from "./orientation.ts";

/** Where raw points land once `applyOrientation` has set the transform. */
function mapper(o: number, w: number, h: number) {
  let m = [1, 0, 0, 1, 0, 0];
  applyOrientation(
    {
      transform: (...t) => {
        m = t;
      },
    },
    o,
    w,
    h,
  );
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  return (x: number, y: number) => [a * x + c * y + e, b * x + d * y + f];
}

describe("applyOrientation", () => {
  // EXIF: where the stored first row's two ends show, for a 4x2 image.
  const w = 4;
  const h = 2;
  const cases: Record<number, { start: number[]; end: number[] }> = {
    1: { start: [0, 0], end: [w, 0] },
    2: { start: [w, 0], end: [0, 0] },
    3: { start: [w, h], end: [0, h] },
    4: { start: [0, h], end: [w, h] },
    5: { start: [0, 0], end: [0, w] },
    6: { start: [h, 0], end: [h, w] },
    7: { start: [h, w], end: [h, 0] },
    8: { start: [0, w], end: [0, 0] },
  };
  for (const [o, { start, end }] of Object.entries(cases)) {
    it(`orientation ${o}`, () => {
      const map = mapper(Number(o), w, h);
      expect(map(0, 0)).toEqual(start);
      expect(map(w, 0)).toEqual(end);
      expect(orientedSize(Number(o), w, h)).toEqual(Number(o) >= 5 ? [h, w] : [w, h]);
    });
  }
});
