/**
 * The image pipeline of Didit's selfie compare (`prepareImage`) in Chromium: real decoding, EXIF
 * orientation, downscaling and JPEG encoding, in the worker and in the main-thread fallback.
 * Fixtures are built in the page with canvas (see e2e/app/image.ts).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, type Page, test } from "@playwright/test";
import type { ImageHarness, Rgb, RunSummary } from "./app/image.ts";

declare const imageHarness: ImageHarness;

const dist = fileURLToPath(new URL("../packages/core/dist/", import.meta.url));
const pnpmBin = fileURLToPath(new URL("../node_modules/pnpm/bin/pnpm.cjs", import.meta.url));
const kib = 1024;

async function open(page: Page) {
  await page.goto("/image.html");
  await expect(page.locator("#image-status")).toHaveText("ready");
}

/** Red-ish, blue-ish: JPEG shifts colours a little. */
const isRed = ([r, g, b]: Rgb) => r > 200 && g < 60 && b < 60;
const isBlue = ([r, g, b]: Rgb) => r < 60 && g < 60 && b > 200;

function ok(summary: RunSummary) {
  if (!summary.ok) throw new Error(`expected success, got ${JSON.stringify(summary)}`);
  return summary;
}

test("a 12 MP ~5 MB JPEG becomes a 1600x1200 JPEG under 600 KiB, in a worker", async ({ page }) => {
  await open(page);
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  const r = ok(
    await page.evaluate(async () => {
      const big = await imageHarness.makeJpeg(4000, 3000, 0.9, "noise");
      const file = new File([big], "IMG_0001.JPG", { type: "image/jpeg" });
      return imageHarness.summarize(imageHarness.prepareImage(file));
    }),
  );
  expect(r.originalBytes).toBeGreaterThan(3 * kib * kib);
  expect(r).toMatchObject({ via: "worker", type: "image/jpeg", sniffed: "image/jpeg" });
  expect([r.width, r.height]).toEqual([1600, 1200]);
  expect(r.decoded).toMatchObject({ width: 1600, height: 1200, head: [0xff, 0xd8, 0xff] });
  expect(r.bytes).toBeLessThanOrEqual(600 * kib);
  expect(workers.some((url) => url.includes("imageWorker"))).toBe(true);
});

test("EXIF orientation 6 comes out rotated 90° clockwise; 3 comes out upside down", async ({
  page,
}) => {
  await open(page);
  const { six, three } = await page.evaluate(async () => {
    const halves = await imageHarness.makeJpeg(400, 200, 0.95, "halves");
    const run = async (o: number) =>
      imageHarness.summarize(
        imageHarness.prepareImage(await imageHarness.withOrientation(halves, o)),
      );
    return { six: await run(6), three: await run(3) };
  });
  const r6 = ok(six);
  expect([r6.width, r6.height]).toEqual([200, 400]);
  // The left (red) column becomes the top row when turned clockwise.
  expect(isRed(r6.pixels.top)).toBe(true);
  expect(isBlue(r6.pixels.bottom)).toBe(true);
  const r3 = ok(three);
  expect([r3.width, r3.height]).toEqual([400, 200]);
  expect(isBlue(r3.pixels.left)).toBe(true);
  expect(isRed(r3.pixels.right)).toBe(true);
});

test("a large EXIF-6 photo is turned and downscaled alike in the worker and on the main thread", async ({
  page,
}) => {
  await open(page);
  const { worker, main } = await page.evaluate(async () => {
    const photo = await imageHarness.withOrientation(
      await imageHarness.makeJpeg(2400, 1200, 0.9, "halves"),
      6,
    );
    const worker = await imageHarness.summarize(imageHarness.prepareImage(photo));
    Reflect.deleteProperty(window, "Worker");
    const main = await imageHarness.summarize(imageHarness.prepareImage(photo));
    return { worker, main };
  });
  for (const [via, summary] of [
    ["worker", worker],
    ["main-thread", main],
  ] as const) {
    const r = ok(summary);
    expect(r).toMatchObject({ via, width: 800, height: 1600 });
    expect(r.decoded).toMatchObject({ width: 800, height: 1600 });
    expect(isRed(r.pixels.top)).toBe(true);
    expect(isBlue(r.pixels.bottom)).toBe(true);
  }
});

test("a PNG becomes a JPEG, transparent pixels white, small images not upscaled", async ({
  page,
}) => {
  await open(page);
  const r = ok(
    await page.evaluate(async () => {
      const png = await imageHarness.makePng(800, 600);
      // A wrong name and MIME type on purpose: only the bytes count.
      const file = new File([png], "photo.jpg", { type: "image/jpeg" });
      return imageHarness.summarize(imageHarness.prepareImage(file));
    }),
  );
  expect(r).toMatchObject({ sniffed: "image/png", type: "image/jpeg", width: 800, height: 600 });
  expect(r.decoded.head).toEqual([0xff, 0xd8, 0xff]);
  expect(Math.min(...r.pixels.corner)).toBeGreaterThan(240);
  const [red, green, blue] = r.pixels.centre;
  expect(green).toBeGreaterThan(120);
  expect(Math.max(red, blue)).toBeLessThan(60);
});

test("a text file named .jpg is rejected with invalid_image", async ({ page }) => {
  await open(page);
  const r = await page.evaluate(() => {
    const file = new File(["just some notes, not a selfie"], "selfie.jpg", { type: "image/jpeg" });
    return imageHarness.summarize(imageHarness.prepareImage(file));
  });
  expect(r).toMatchObject({ ok: false, name: "FaceKitError", code: "invalid_image" });
  expect(r.ok || r.message).toMatch(/not a JPEG, PNG, WebP or TIFF/);
});

test("a corrupt or truncated JPEG is rejected with invalid_image", async ({ page }) => {
  await open(page);
  const { corrupt, truncated } = await page.evaluate(async () => {
    const jpeg = new Uint8Array(
      await (await imageHarness.makeJpeg(640, 480, 0.9, "noise")).arrayBuffer(),
    );
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) & 0xff);
    garbage.set([0xff, 0xd8, 0xff, 0xe0]);
    const run = (blob: Blob) => imageHarness.summarize(imageHarness.prepareImage(blob));
    return {
      corrupt: await run(new Blob([garbage])),
      truncated: await run(new Blob([jpeg.subarray(0, 400)])),
    };
  });
  expect(corrupt).toMatchObject({ ok: false, code: "invalid_image" });
  expect(corrupt.ok || corrupt.message).toMatch(/damaged or cannot be read/);
  expect(truncated).toMatchObject({ ok: false, code: "invalid_image" });
});

test("an image that cannot get under maxBytes is rejected with image_too_large", async ({
  page,
}) => {
  await open(page);
  const r = await page.evaluate(async () => {
    const jpeg = await imageHarness.makeJpeg(2000, 1500, 0.9, "noise");
    return imageHarness.summarize(imageHarness.prepareImage(jpeg, { maxBytes: 5000 }));
  });
  expect(r).toMatchObject({ ok: false, code: "image_too_large" });
});

test("aborting rejects with the signal's reason and stops the worker", async ({ page }) => {
  await open(page);
  const closed: string[] = [];
  page.on("worker", (worker) => worker.on("close", () => closed.push(worker.url())));
  const r = await page.evaluate(async () => {
    const big = await imageHarness.makeJpeg(4000, 3000, 0.9, "noise");
    const controller = new AbortController();
    const run = imageHarness.summarize(
      imageHarness.prepareImage(big, { signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 30);
    const early = imageHarness.summarize(
      imageHarness.prepareImage(big, { signal: AbortSignal.abort() }),
    );
    return [await run, await early];
  });
  expect(r).toEqual([
    expect.objectContaining({ ok: false, name: "AbortError" }),
    expect.objectContaining({ ok: false, name: "AbortError" }),
  ]);
  await expect.poll(() => closed.length).toBe(1);
});

test("without Worker, the main thread does the same job", async ({ page }) => {
  await open(page);
  const r = ok(
    await page.evaluate(async () => {
      Reflect.deleteProperty(window, "Worker");
      const big = await imageHarness.makeJpeg(3000, 2000, 0.9, "noise");
      return imageHarness.summarize(imageHarness.prepareImage(big));
    }),
  );
  expect(r).toMatchObject({ via: "main-thread", width: 1600, height: 1067 });
  expect(r.bytes).toBeLessThanOrEqual(600 * kib);
});

test("a worker script that fails to load (404, CSP) falls back to the main thread", async ({
  page,
}) => {
  await page.route(/imageWorker/, (route) => route.fulfill({ status: 404, body: "" }));
  await open(page);
  const r = ok(
    await page.evaluate(async () => {
      const halves = await imageHarness.makeJpeg(400, 200, 0.95, "halves");
      return imageHarness.summarize(
        imageHarness.prepareImage(await imageHarness.withOrientation(halves, 6)),
      );
    }),
  );
  expect(r).toMatchObject({ via: "main-thread", width: 200, height: 400 });
  expect(isRed(r.pixels.top)).toBe(true);
});

test("the built dist works as plain ES modules, worker included (no bundler)", async ({ page }) => {
  // `npm test` builds the packages before this suite; run alone, build @facekit/core here.
  if (!existsSync(`${dist}imageWorker.js`)) {
    execFileSync(process.execPath, [pnpmBin, "--filter", "./packages/core", "build"], {
      stdio: "ignore",
    });
  }
  await page.route(/\/__dist\//, (route) => {
    const file = new URL(route.request().url()).pathname.slice("/__dist/".length);
    route.fulfill({ body: readFileSync(dist + file), contentType: "text/javascript" });
  });
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  await open(page);
  const r = ok(
    await page.evaluate(async () => {
      const url = "/__dist/index.js";
      const core = (await import(/* @vite-ignore */ url)) as Pick<ImageHarness, "prepareImage">;
      const big = await imageHarness.makeJpeg(3000, 2000, 0.9, "noise");
      return imageHarness.summarize(core.prepareImage(big));
    }),
  );
  expect(r).toMatchObject({ via: "worker", width: 1600, height: 1067 });
  expect(workers).toContainEqual(expect.stringMatching(/\/__dist\/imageWorker\.js$/));
});
