import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createDiditHarness, loadPhotos } from "@facekit/test-utils/server";
import { beforeAll, describe, expect, it } from "vitest";

let photos: Awaited<ReturnType<typeof loadPhotos>>;
beforeAll(async () => {
  photos = await loadPhotos();
});

const boundary = "stream";
const encoder = new TextEncoder();
const partHead = (name: string) =>
  encoder.encode(
    `--${boundary}\r\ncontent-disposition: form-data; name="${name}"; filename="${name}.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`,
  );

/** A body that sends `chunks`, then stays open without ending; `state` says when the route let go. */
function openBody(chunks: Uint8Array[]) {
  const state = { cancelled: false };
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunk = chunks[next++];
      if (chunk) controller.enqueue(chunk);
      else await new Promise(() => undefined); // the rest never comes
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { body, state };
}

async function send(t: ReturnType<typeof createDiditHarness>, chunks: Uint8Array[]) {
  const grant = await t.grant();
  const { body, state } = openBody(chunks);
  const answer = await t.compare(grant, {}, {
    body,
    headers: {
      "x-facekit-grant": grant.token,
      "content-type": `multipart/form-data; boundary=${boundary}`,
    },
    duplex: "half",
  } as RequestInit);
  return { ...answer, state };
}

describe("didit/compare reads the upload as it streams in", () => {
  it("refuses a bad selfie as soon as its part ends, without waiting for the reference", async () => {
    const t = createDiditHarness();
    const half = new Uint8Array(await photos.personA.arrayBuffer()).slice(0, 5000);
    const answer = await send(t, [
      partHead("selfie"),
      half,
      encoder.encode("\r\n"),
      partHead("reference"),
    ]);
    expect([answer.status, answer.body.error?.code]).toEqual([422, "invalid_image"]);
    expect(answer.body.error?.message).toMatch(/^The selfie photo is truncated/);
    expect(answer.state.cancelled).toBe(true);
    expect(t.sim.stats()).toMatchObject({ faceMatchRequests: 0, creditsSpent: 0 });
  });

  it("refuses a part as it grows past maxImageBytes, before the body ends", async () => {
    const t = createDiditHarness({ maxImageBytes: 100_000 });
    const answer = await send(t, [
      partHead("selfie"),
      new Uint8Array(60_000),
      new Uint8Array(60_000),
    ]);
    expect([answer.status, answer.body.error?.code]).toEqual([413, "image_too_large"]);
    expect(answer.state.cancelled).toBe(true);
    expect(t.sim.stats()).toMatchObject({ faceMatchRequests: 0, creditsSpent: 0 });
  });

  it("parses with a library that imports nothing from Node (edge runtimes)", () => {
    const seen = new Set<string>();
    const queue = [createRequire(import.meta.url).resolve("@remix-run/multipart-parser")];
    while (queue.length > 0) {
      const file = queue.shift() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      const source = readFileSync(file, "utf8");
      // Node's Buffer only where present (a faster search), so the code runs without it.
      const bare = source.replace(/globalThis\.Buffer|\/\/.*$/gm, "");
      expect(bare, file).not.toMatch(/\bprocess\.|\bBuffer\b|\brequire\(/);
      for (const [, specifier = ""] of source.matchAll(/(?:from|import)\s*["']([^"']+)["']/g)) {
        expect(specifier, `${file} imports ${specifier}`).not.toMatch(/^node:/);
        queue.push(createRequire(file).resolve(specifier));
      }
    }
    expect(seen.size).toBeGreaterThan(3);
  });
});
