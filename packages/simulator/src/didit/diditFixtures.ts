/**
 * The generated test images of `packages/simulator/fixtures/` (see its README), for e2e tests
 * and the demo. Node only: exported from `@facekit/simulator/node`.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { diditMaxImageBytes } from "@facekit/core/protocol";

/** Absolute paths of the committed test images. */
export interface DiditFixturePaths {
  /** Person A, 1200x1600 JPEG. */
  personA: string;
  /** A second shot of person A (other background, distance, light, smile): scores high vs A. */
  personA2: string;
  /** The very photo of person A saved again at JPEG quality 70 (same pixel size, other bytes). */
  personAReencoded: string;
  /** Person B, clearly someone else: scores low vs A. */
  personB: string;
  /** A landscape without a face (PNG): `NO_REFERENCE_IMAGE`. */
  noFace: string;
  /** 640x480 YUV 4:2:0 video of person A for `--use-file-for-fake-video-capture`. */
  personAY4m: string;
}

/**
 * Where the test images are on disk.
 * @example
 * await page.setInputFiles("input[type=file]", diditFixturePaths().personA);
 */
export function diditFixturePaths(): DiditFixturePaths {
  const at = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
  return {
    personA: at("personA.jpg"),
    personA2: at("personA-2.jpg"),
    personAReencoded: at("personA-reencoded.jpg"),
    personB: at("personB.jpg"),
    noFace: at("noface.png"),
    personAY4m: at("personA.y4m"),
  };
}

/**
 * A valid JPEG larger than Didit's 5 MB limit (person A padded with comment segments), made at
 * test time so the repository does not carry 5 MB. Browsers still decode it. `minBytes` and
 * `from` (another of the JPEG fixtures) make other large photos, e.g. for a benchmark.
 * @example
 * const big = await createOversizeJpeg();
 * const nearLimit = await createOversizeJpeg(5_000_000, "personA2");
 * await page.setInputFiles("input", { name: "big.jpg", mimeType: "image/jpeg", buffer: Buffer.from(big) });
 */
export async function createOversizeJpeg(
  minBytes = diditMaxImageBytes + 1,
  from: "personA" | "personA2" | "personB" = "personA",
): Promise<Uint8Array> {
  const photo = new Uint8Array(await readFile(diditFixturePaths()[from]));
  const segment = new Uint8Array(65_535 + 2).fill(0x20);
  segment.set([0xff, 0xfe, 0xff, 0xff]); // COM marker, length 65535 (includes the length bytes)
  const count = Math.max(0, Math.ceil((minBytes - photo.byteLength) / segment.byteLength));
  const out = new Uint8Array(photo.byteLength + count * segment.byteLength);
  out.set(photo.subarray(0, 2)); // SOI
  for (let i = 0; i < count; i++) out.set(segment, 2 + i * segment.byteLength);
  out.set(photo.subarray(2), 2 + count * segment.byteLength);
  return out;
}
