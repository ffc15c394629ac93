import { readFile } from "node:fs/promises";
import jpeg from "jpeg-js";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createDiditTestDriver,
  firstY4mFrame,
  fixtureFile,
  reencodeJpeg,
} from "./createDiditTestDriver.ts";
import { diditFixturePaths } from "./diditFixtures.ts";
import type { SimulatedCompareBody } from "./types.ts";

const paths = diditFixturePaths();
const files: Record<string, File> = {};
const jpegFile = (bytes: Uint8Array, name: string) => new File([bytes.slice()], name);

/**
 * Person A with its luma pulled toward 50 by `gain` (the same amount added to R, G and B, so the
 * chroma, the skin mask, the face box and the normalised luma grid stay): against A, only the skin
 * brightness factor of the score moves, smoothly.
 */
function dimmed(bytes: Uint8Array, gain: number, name: string): File {
  const img = jpeg.decode(bytes, { useTArray: true });
  const px = new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length);
  for (let i = 0; i < px.length; i += 4) {
    const [r = 0, g = 0, b = 0] = [px[i], px[i + 1], px[i + 2]];
    const shift = (gain - 1) * (0.299 * r + 0.587 * g + 0.114 * b - 50);
    px.set([r + shift, g + shift, b + shift], i);
  }
  return jpegFile(new Uint8Array(jpeg.encode(img, 95).data), name);
}

beforeAll(async () => {
  files.a = await fixtureFile("personA");
  files.a2 = await fixtureFile("personA2");
  files.b = await fixtureFile("personB");
  files.none = await fixtureFile("noFace");
  const a = new Uint8Array(await readFile(paths.personA));
  // The browser path: downscale (here below the 1600 px cap, to prove scale does not matter) and
  // JPEG 0.85.
  files.aSmall = jpegFile(reencodeJpeg(a, 700, 85), "selfie.jpg");
  files.aJustAbove30 = dimmed(a, 0.425, "dim-above.jpg");
  files.aJustBelow30 = dimmed(a, 0.415, "dim-below.jpg");
  const frame = firstY4mFrame(new Uint8Array(await readFile(paths.personAY4m)));
  files.camera = jpegFile(new Uint8Array(jpeg.encode(frame, 85).data), "capture.jpg");
});

async function score(user: string, ref: string, extra: Record<string, string> = {}) {
  const t = createDiditTestDriver();
  const fields = { user_image: files[user] as File, ref_image: files[ref] as File, ...extra };
  const res = await t.match<SimulatedCompareBody>(fields);
  expect(res.status).toBe(200);
  return res.body;
}

// Each case decodes and scores full-size photos: seconds of CPU on a busy 2-core machine.
const decoding = { timeout: 30_000 };

describe("simulated face comparison", decoding, () => {
  it("scores the very same photo 100 and approves it, in the documented nesting", async () => {
    const body = await score("a", "a");
    expect(body.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
    expect(body.face_match).toMatchObject({ status: "Approved", score: 100, warnings: [] });
    const [face] = body.face_match.user_image.entities;
    expect(body.face_match.user_image.best_angle).toBe(0);
    expect(face?.bbox.every(Number.isInteger)).toBe(true);
    expect(face?.bbox).toEqual([
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
    ]);
    const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = face?.bbox ?? [];
    // The drawn face is centred near (600, 720) in a 1200x1600 picture.
    expect(x1 < 600 && 600 < x2 && y1 < 720 && 720 < y2).toBe(true);
    expect(face?.confidence).toBeGreaterThan(0.5);
    expect(face?.confidence).toBeLessThanOrEqual(1);
  });

  it("still approves person A after the browser's downscale and JPEG re-encode", async () => {
    const body = await score("aSmall", "a");
    expect(body.face_match.status).toBe("Approved");
    expect(body.face_match.score).toBeGreaterThan(90);
  });

  it("approves a frame of the fake camera video of A (y4m -> RGB -> JPEG 0.85)", async () => {
    const body = await score("camera", "a");
    expect(body.face_match.status).toBe("Approved");
    expect(body.face_match.score).toBeGreaterThan(80);
  });

  it("approves a second, different shot of person A", async () => {
    const body = await score("a2", "a");
    expect(body.face_match.status).toBe("Approved");
    expect(body.face_match.score).toBeGreaterThan(70);
    expect(body.face_match.score).toBeLessThan(100);
  });

  it("declines person B against person A with LOW_FACE_MATCH_SIMILARITY", async () => {
    const body = await score("b", "a");
    expect(body.face_match.status).toBe("Declined");
    expect(body.face_match.score).toBeLessThan(20);
    expect(body.face_match.warnings.map((w) => w.risk)).toEqual(["LOW_FACE_MATCH_SIMILARITY"]);
    expect(body.face_match.user_image.entities).toHaveLength(1);
  });

  it("is deterministic", async () => {
    const [one, two] = [await score("a2", "a"), await score("a2", "a")];
    expect(one.face_match.score).toBe(two.face_match.score);
  });

  it("answers NO_REFERENCE_IMAGE with a null score for a picture without a face", async () => {
    for (const [user, ref] of [
      ["none", "a"],
      ["a", "none"],
    ] as const) {
      const body = await score(user, ref);
      expect(body.face_match).toMatchObject({ status: "Declined", score: null });
      expect(body.face_match.warnings.map((w) => w.risk)).toEqual(["NO_REFERENCE_IMAGE"]);
    }
    const body = await score("none", "a");
    expect(body.face_match.user_image.entities).toEqual([]);
    expect(body.face_match.ref_image.entities).toHaveLength(1);
  });

  it("answers score 0 instead of null for no face when save_api_request is false", async () => {
    const body = await score("a", "none", { save_api_request: "false" });
    expect(body.face_match).toMatchObject({ status: "Declined", score: 0 });
    expect(body.face_match.warnings.map((w) => w.risk)).toEqual(["NO_REFERENCE_IMAGE"]);
  });
});

describe("decision threshold", decoding, () => {
  it("approves only strictly above the threshold", async () => {
    const at = (t: string) => score("a", "a", { face_match_score_decline_threshold: t });
    const edge = await at("100");
    expect(edge.face_match).toMatchObject({ status: "Declined", score: 100 });
    expect(edge.face_match.warnings.map((w) => w.risk)).toEqual(["LOW_FACE_MATCH_SIMILARITY"]);
    expect((await at("99")).face_match.status).toBe("Approved");
  });

  it("uses 30 by default and takes the decline threshold from the request", async () => {
    // No threshold in the request: a score just above 30 approves, one just below declines.
    const justAbove = (await score("aJustAbove30", "a")).face_match;
    const justBelow = (await score("aJustBelow30", "a")).face_match;
    expect(justAbove.score).toBeGreaterThan(30);
    expect(justAbove.score).toBeLessThan(31);
    expect(justBelow.score).toBeGreaterThan(29);
    expect(justBelow.score).toBeLessThan(30);
    expect(justAbove.status).toBe("Approved");
    expect(justBelow.status).toBe("Declined");
    expect(justBelow.warnings.map((w) => w.risk)).toEqual(["LOW_FACE_MATCH_SIMILARITY"]);
    // The request's threshold replaces the default, both ways.
    const strict = await score("aJustAbove30", "a", { face_match_score_decline_threshold: "31" });
    expect(strict.face_match.status).toBe("Declined");
    const lenient = await score("aJustBelow30", "a", { face_match_score_decline_threshold: "29" });
    expect(lenient.face_match.status).toBe("Approved");

    const s = (await score("a2", "a")).face_match.score ?? 0;
    const below = await score("a2", "a", {
      face_match_score_decline_threshold: String(Math.floor(s)),
    });
    expect(below.face_match.status).toBe("Approved");
    const above = await score("a2", "a", {
      face_match_score_decline_threshold: String(Math.ceil(s)),
    });
    expect(above.face_match.status).toBe("Declined");
    const zero = await score("b", "a", { face_match_score_decline_threshold: "0" });
    expect(zero.face_match).toMatchObject({ status: "Declined", score: 0 });
  });
});
