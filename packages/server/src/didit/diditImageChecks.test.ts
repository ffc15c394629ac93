import { createDiditHarness, loadPhotos } from "@facekit/test-utils/server";
import { beforeAll, describe, expect, it } from "vitest";

let photos: Awaited<ReturnType<typeof loadPhotos>>;
let jpeg: Uint8Array;
let png: Uint8Array;
beforeAll(async () => {
  photos = await loadPhotos();
  jpeg = new Uint8Array(await photos.personA.arrayBuffer());
  png = new Uint8Array(await photos.noFace.arrayBuffer());
});

/** Nothing reached Didit and no credit was spent. */
function expectNoVendorCall(t: ReturnType<typeof createDiditHarness>) {
  expect(t.sim.stats()).toMatchObject({ faceMatchRequests: 0, creditsSpent: 0 });
}

// The bad inputs, made from bytes at run time.
const bytes = (...parts: (number[] | Uint8Array | string)[]) =>
  new Blob(parts.map((p) => (typeof p === "string" ? p : new Uint8Array(p))));
const u32 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u16 = (n: number) => [n >>> 8, n & 255];
const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A PNG header (signature + IHDR, 8-bit RGB) claiming `width` x `height`, and nothing after. */
const pngHeader = (width: number, height: number) =>
  bytes(pngSignature, u32(13), "IHDR", [...u32(width), ...u32(height), 8, 2, 0, 0, 0], u32(0));
/** A JPEG (JFIF) whose start-of-frame claims `width` x `height`, 3 components, and no scan. */
const jpegFrame = (width: number, height: number) =>
  bytes(
    [0xff, 0xd8, 0xff, 0xe0, ...u16(16)],
    "JFIF\0",
    [1, 1, 0, 0, 1, 0, 1, 0, 0],
    [0xff, 0xc0, ...u16(17), 8, ...u16(height), ...u16(width), 3],
    [1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1],
    [0xff, 0xd9],
  );
const html = "<!doctype html><html><body>Not found</body></html>";
/** Where a real JPEG's start-of-frame segment ends: its header, without the scan. */
const afterFrame = (file: Uint8Array) => {
  const at = file.findIndex((b, i) => b === 0xff && file[i + 1] === 0xc0);
  return at + 2 + ((file[at + 2] ?? 0) << 8) + (file[at + 3] ?? 0);
};

describe("didit/compare judges each image before paying", () => {
  const cases: [string, () => Promise<Blob> | Blob, RegExp][] = [
    [
      "a 1x1 PNG",
      () => pngHeader(1, 1),
      /is 1x1 px: too small for a face check \(at least 64x64\)/,
    ],
    ["a 20000x20000 PNG header", () => pngHeader(20_000, 20_000), /claims 20000x20000 px/],
    ["a JPEG claiming 65000x65000", () => jpegFrame(65_000, 65_000), /claims 65000x65000 px/],
    [
      "a truncated real JPEG",
      () => bytes(jpeg.slice(0, Math.floor(jpeg.length / 2))),
      /truncated or not image data: no end-of-image marker \(FF D9\)/,
    ],
    [
      "a JPEG header followed by HTML",
      () => bytes(jpeg.slice(0, afterFrame(jpeg)), html),
      /not a JPEG after its header: byte \d+ is 0x3c/,
    ],
    [
      "a PNG header followed by HTML",
      () => bytes(png.slice(0, 33), html),
      /truncated or not image data: chunk ctyp at byte 33 claims \d+ bytes, the file ends at 83/,
    ],
    ["a truncated real PNG", () => bytes(png.slice(0, png.length - 20)), /truncated/],
    [
      "a PNG signature without its IHDR header",
      () => bytes(pngSignature, u32(0), "IDAT", u32(0), html),
      /unreadable image\/png header/,
    ],
  ];

  for (const [what, make, message] of cases) {
    it(`refuses ${what}: invalid_image, no Didit call, no credit`, async () => {
      const t = createDiditHarness();
      const answer = await t.compare(await t.grant(), {
        selfie: await make(),
        reference: photos.personA,
      });
      expect([answer.status, answer.body.error?.code]).toEqual([422, "invalid_image"]);
      expect(answer.body.error?.message).toMatch(/^The selfie photo /);
      expect(answer.body.error?.message).toMatch(message);
      expectNoVendorCall(t);
    });
  }

  it("takes smaller limits from the config, and refuses a bad held reference as misconfigured", async () => {
    const t = createDiditHarness({ maxImageSide: 100 });
    const big = await t.compare(await t.grant(), {
      selfie: photos.personA2,
      reference: photos.personA,
    });
    expect(big.body.error?.message).toMatch(/over the limit of 100 px per side/);
    const held = createDiditHarness({ getReferenceImage: () => pngHeader(1, 1) });
    await expect(held.grant()).rejects.toThrow(/misconfigured.*too small/);
    expectNoVendorCall(t);
    expectNoVendorCall(held);
  });

  it("refuses limits that make no sense at boot", () => {
    expect(() => createDiditHarness({ minImageSide: 0 })).toThrow(/minImageSide/);
    expect(() => createDiditHarness({ minImageSide: 500, maxImageSide: 100 })).toThrow(
      /maxImageSide/,
    );
    expect(() => createDiditHarness({ uploadTimeoutMs: 0 })).toThrow(/uploadTimeoutMs/);
    // Room for fewer bytes than the largest upload: that upload could never be read.
    const largest = 2 * 1_000_000 + 16 * 1024;
    expect(() =>
      createDiditHarness({ maxImageBytes: 1_000_000, maxUploadBytesInFlight: largest - 1 }),
    ).toThrow(/maxUploadBytesInFlight/);
    expect(() =>
      createDiditHarness({ maxImageBytes: 1_000_000, maxUploadBytesInFlight: largest }),
    ).not.toThrow();
  });
});

/** A multipart body that sends `chunk` bytes every `everyMs` and never ends; `cancelled` says when the route let go. */
function drip(chunk: number, everyMs: number) {
  const state = { cancelled: false, sent: 0 };
  const boundary = "drip";
  const head = new TextEncoder().encode(
    `--${boundary}\r\ncontent-disposition: form-data; name="selfie"; filename="s.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`,
  );
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!first) await new Promise((resolve) => setTimeout(resolve, everyMs));
      if (state.cancelled) return;
      const bytes = first ? head : new Uint8Array(chunk);
      first = false;
      state.sent += bytes.byteLength;
      controller.enqueue(bytes);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { body, state, type: `multipart/form-data; boundary=${boundary}` };
}

describe("didit/compare reads the upload within a deadline and a minimum rate", () => {
  const send = async (t: ReturnType<typeof createDiditHarness>, d: ReturnType<typeof drip>) => {
    const grant = await t.grant();
    return t.compare(grant, {}, {
      body: d.body,
      headers: { "x-facekit-grant": grant.token, "content-type": d.type },
      duplex: "half",
    } as RequestInit);
  };
  const files = () => ({ selfie: photos.personA2, reference: photos.personA });

  it("cancels a body still dripping at uploadTimeoutMs (408) and frees the account's slot at once", async () => {
    const t = createDiditHarness({ uploadTimeoutMs: 300, minUploadBytesPerSecond: 0 });
    const d = drip(10, 20);
    const started = Date.now();
    const slow = await send(t, d);
    expect(Date.now() - started).toBeLessThan(2000);
    expect([slow.status, slow.body.error?.code]).toEqual([408, "bad_request"]);
    expect(slow.body.error?.message).toMatch(
      /took too long: \d+ bytes in [\d.]+ s, the limit is 300 ms/,
    );
    expect(d.state.cancelled).toBe(true);
    expectNoVendorCall(t);
    // The one-upload-at-a-time lease is released: the same account uploads again at once.
    expect((await t.compare(await t.grant(), files())).status).toBe(200);
  });

  it("cancels a body under minUploadBytesPerSecond after the grace (408)", async () => {
    const t = createDiditHarness({ minUploadBytesPerSecond: 2000, uploadGraceMs: 200 });
    const d = drip(10, 20); // about 500 bytes per second
    const slow = await send(t, d);
    expect([slow.status, slow.body.error?.code]).toEqual([408, "bad_request"]);
    expect(slow.body.error?.message).toMatch(
      /too slow: .* under 2000 bytes per second after 200 ms/,
    );
    expect(d.state.cancelled).toBe(true);
    expectNoVendorCall(t);
    expect((await t.compare(await t.grant(), files())).status).toBe(200);
  });
});
