import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import UTIF from "utif2";
import { describe, expect, it } from "vitest";
import { analyzeImage } from "./analyzeImage.ts";
import { decodeImage } from "./decodeImage.ts";
import { diditFixturePaths } from "./diditFixtures.ts";
import { fitWithin, type RgbaImage } from "./resizeArea.ts";
import { scoreFaces } from "./scoreFaces.ts";
import { rotate } from "./toYcc.ts";

async function personA(): Promise<RgbaImage> {
  return fitWithin(
    jpeg.decode(await readFile(diditFixturePaths().personA), { useTArray: true }),
    480,
  );
}

async function webp(img: RgbaImage): Promise<Uint8Array> {
  const codec = await import("@jsquash/webp/encode.js");
  const wasm = fileURLToPath(import.meta.resolve("@jsquash/webp/codec/enc/webp_enc.wasm"));
  const init = codec.init as unknown as (m: WebAssembly.Module) => Promise<unknown>;
  await init(await WebAssembly.compile(await readFile(wasm)));
  const data = new Uint8ClampedArray(img.data);
  const pixels = { data, width: img.width, height: img.height, colorSpace: "srgb" } as ImageData;
  return new Uint8Array(await codec.default(pixels, { quality: 85 }));
}

describe("decodeImage", () => {
  it("decodes PNG, TIFF and WebP to the same face as the JPEG", async () => {
    const img = await personA();
    const png = new PNG({ width: img.width, height: img.height });
    png.data = Buffer.from(img.data);
    const encoded = {
      png: new Uint8Array(PNG.sync.write(png)),
      tiff: new Uint8Array(UTIF.encodeImage(new Uint8Array(img.data), img.width, img.height)),
      webp: await webp(img),
    };
    const reference = analyzeImage(img, false).face;
    if (!reference) throw new Error("no face in person A");
    for (const [type, bytes] of Object.entries(encoded)) {
      const decoded = await decodeImage(bytes);
      expect(decoded, type).toMatchObject({ width: img.width, height: img.height });
      const face = decoded && analyzeImage(decoded, false).face;
      expect(face && scoreFaces(face, reference), type).toBeGreaterThan(95);
    }
  });

  it("answers null for truncated or unknown bytes", async () => {
    expect(await decodeImage(new TextEncoder().encode("GIF89a........"))).toBeNull();
    expect(
      await decodeImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0])),
    ).toBeNull();
  });
});

describe("rotate_image", () => {
  it("finds an upside-down face only when asked to rotate, and reports the angle", async () => {
    const upsideDown = rotate(await personA(), 180);
    expect(analyzeImage(upsideDown, false).report).toEqual({ entities: [], best_angle: 0 });
    const turned = analyzeImage(upsideDown, true);
    expect(turned.report.best_angle).toBe(180);
    expect(turned.report.entities).toHaveLength(1);
    const sideways = analyzeImage(rotate(await personA(), 90), true);
    expect(sideways.report.best_angle).toBe(270);
  });
});
