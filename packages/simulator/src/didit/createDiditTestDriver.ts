/**
 * Test support (not exported from the package): drives a Didit simulator in-process the way a
 * backend would, and makes test images from the committed fixtures.
 */
import { readFile } from "node:fs/promises";
import jpeg from "jpeg-js";
import { defaultDiditKey } from "./createDiditContext.ts";
import { createDiditSimulator } from "./createDiditSimulator.ts";
import { type DiditFixturePaths, diditFixturePaths } from "./diditFixtures.ts";
import { fitWithin, type RgbaImage } from "./resizeArea.ts";
import type { DiditSimulatorOptions } from "./types.ts";

/** Base URL of the in-process API origin. */
export const apiBase = "http://didit.test";

/** A JSON answer of the API. */
export interface DiditAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  res: Response;
}

/**
 * A committed fixture as an upload, named `fileName` (default: its own name).
 * @example
 * form.set("user_image", await fixtureFile("personA"));
 */
export async function fixtureFile(name: keyof DiditFixturePaths, fileName?: string): Promise<File> {
  const path = diditFixturePaths()[name];
  return new File([await readFile(path)], fileName ?? path.split("/").pop() ?? "image");
}

const small = new Map<string, Uint8Array>();

/**
 * A JPEG fixture scaled down to 480 px (fast to decode), as an upload named `fileName`.
 * @example
 * form.set("ref_image", await smallFixtureFile("personA2"));
 */
export async function smallFixtureFile(
  name: "personA" | "personA2" | "personB",
  fileName = `${name}.jpg`,
): Promise<File> {
  let bytes = small.get(name);
  if (!bytes) {
    bytes = reencodeJpeg(new Uint8Array(await readFile(diditFixturePaths()[name])), 480, 90);
    small.set(name, bytes);
  }
  return new File([bytes.slice()], fileName);
}

/**
 * What a browser does before uploading: scale to at most `maxSide` and save as JPEG `quality`.
 * @example
 * const small = reencodeJpeg(await readFile(paths.personA), 700, 85);
 */
export function reencodeJpeg(bytes: Uint8Array, maxSide: number, quality: number): Uint8Array {
  const img = fitWithin(jpeg.decode(bytes, { useTArray: true }), maxSide);
  return new Uint8Array(jpeg.encode({ ...img, data: img.data }, quality).data);
}

/**
 * The first frame of a 4:2:0 y4m as Chromium's fake camera shows it (BT.601 limited range to
 * RGB), e.g. to JPEG-encode it like a page capturing a video frame.
 * @example
 * const frame = firstY4mFrame(await readFile(paths.personAY4m));
 */
export function firstY4mFrame(y4m: Uint8Array): RgbaImage {
  const header = new TextDecoder().decode(y4m.subarray(0, y4m.indexOf(10)));
  const w = Number(/ W(\d+)/.exec(header)?.[1]);
  const h = Number(/ H(\d+)/.exec(header)?.[1]);
  const y0 = y4m.indexOf(10) + 1 + "FRAME\n".length;
  const [u0, v0] = [y0 + w * h, y0 + w * h * 1.25];
  const out = new Uint8Array(w * h * 4);
  const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const c = (y >> 1) * (w / 2) + (x >> 1);
      const l = 1.164 * ((y4m[y0 + y * w + x] ?? 0) - 16);
      const [u, v] = [(y4m[u0 + c] ?? 128) - 128, (y4m[v0 + c] ?? 128) - 128];
      out.set(
        [clamp(l + 1.596 * v), clamp(l - 0.392 * u - 0.813 * v), clamp(l + 2.017 * u), 255],
        (y * w + x) * 4,
      );
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * A simulator plus helpers for one API key.
 * @example
 * const t = createDiditTestDriver({ credits: 2 });
 * const res = await t.match({ user_image: await fixtureFile("personA"), ref_image: a2 });
 */
export function createDiditTestDriver(options: DiditSimulatorOptions = {}) {
  const sim = createDiditSimulator(options);
  const keyHeader = { "x-api-key": options.apiKeys?.[0] ?? defaultDiditKey };
  async function send<T>(req: Request): Promise<DiditAnswer<T>> {
    const res = await sim.api(req);
    return { status: res.status, body: (await res.json()) as T, res };
  }
  return {
    sim,
    /** `POST /v3/face-match/` with these multipart fields. */
    match<T = Record<string, unknown>>(
      fields: Record<string, string | Blob>,
      headers: Record<string, string> = keyHeader,
    ) {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      const init = { method: "POST", headers, body: form };
      return send<T>(new Request(`${apiBase}/v3/face-match/`, init));
    },
    /** A GET on the API origin (key sent unless `headers` says otherwise). */
    get<T = Record<string, unknown>>(path: string, headers: Record<string, string> = keyHeader) {
      return send<T>(new Request(`${apiBase}${path}`, { headers }));
    },
    /** A raw request (for bodies that are not forms). */
    send,
  };
}
