import { describe, expect, it } from "vitest";
import { exifSegment } from "./orientation.ts";
import { readExifOrientation } from "./readExifOrientation.ts";

const soi = [0xff, 0xd8];
const app0 = [0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46]; // a short APP0 to skip over
const sos = [0xff, 0xda, 0x00, 0x02];
const jpeg = (...parts: ArrayLike<number>[]) =>
  new Uint8Array(parts.flatMap((p) => [...Array.from(p)]));

describe("readExifOrientation", () => {
  it("reads a big-endian Orientation, after other segments", () => {
    for (const o of [1, 3, 6, 8]) {
      expect(readExifOrientation(jpeg(soi, app0, exifSegment(o), sos))).toBe(o);
    }
  });

  it("reads a little-endian Orientation", () => {
    const segment = [
      ...[0xff, 0xe1, 0x00, 0x22, 0x45, 0x78, 0x69, 0x66, 0, 0],
      ...[0x49, 0x49, 0x2a, 0, 8, 0, 0, 0],
      ...[1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 5, 0, 0, 0],
      ...[0, 0, 0, 0],
    ];
    expect(readExifOrientation(jpeg(soi, segment, sos))).toBe(5);
  });

  it("says 1 for no EXIF, out-of-range values, non-JPEGs and cut or lying lengths", () => {
    expect(readExifOrientation(jpeg(soi, app0, sos))).toBe(1);
    expect(readExifOrientation(jpeg(soi, exifSegment(9), sos))).toBe(1);
    expect(readExifOrientation(new TextEncoder().encode("not a jpeg at all"))).toBe(1);
    expect(readExifOrientation(jpeg(soi, exifSegment(6).subarray(0, 20)))).toBe(1);
    const lying = exifSegment(6);
    lying.set([0x00, 0x0c], 2); // says the segment ends before its IFD
    expect(readExifOrientation(jpeg(soi, lying, sos))).toBe(1);
    expect(readExifOrientation(new Uint8Array(0))).toBe(1);
  });
});
