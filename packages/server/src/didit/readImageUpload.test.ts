import { loadPhotos } from "@facekit/test-utils/server";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultImageLimits } from "./judgeImage.ts";
import { readImageParts, uploadBytes } from "./readImageUpload.ts";

let selfie: Uint8Array;
let reference: Uint8Array;
beforeAll(async () => {
  const photos = await loadPhotos();
  selfie = new Uint8Array(await photos.personA2.arrayBuffer());
  reference = new Uint8Array(await photos.personA.arrayBuffer());
});

const pace = { timeoutMs: 10_000, minBytesPerSecond: 0, graceMs: 0 };
const max = 5 * 1024 * 1024;

/** The form as one array, and a Request that sends it in pieces of `size` bytes. */
async function upload(size: number) {
  const form = new FormData();
  form.set("selfie", new File([selfie.slice()], "selfie.jpg", { type: "image/jpeg" }));
  form.set("reference", new File([reference.slice()], "reference.jpg", { type: "image/jpeg" }));
  const encoded = new Response(form);
  const bytes = new Uint8Array(await encoded.arrayBuffer());
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(at, at + size)); // a new array per piece, as a socket gives
      at += size;
    },
  });
  return new Request("http://app.test/upload", {
    method: "POST",
    body,
    duplex: "half",
    headers: {
      "content-type": encoded.headers.get("content-type") ?? "",
      "content-length": `${bytes.byteLength}`,
    },
  } as RequestInit);
}

describe("uploadBytes: the memory an upload is given", () => {
  const post = (headers: Record<string, string>) =>
    new Request("http://app.test/upload", { method: "POST", headers });
  const limit = 2 * max + 16 * 1024;

  it("is the content-length, or the most the upload may be without one", () => {
    expect(uploadBytes(post({ "content-length": "1234" }), 2, max)).toBe(1234);
    expect(uploadBytes(post({}), 2, max)).toBe(limit);
    expect(uploadBytes(post({ "content-length": "1.5" }), 2, max)).toBe(limit);
    expect(uploadBytes(post({}), 1, max)).toBe(max + 16 * 1024);
  });

  it("refuses a content-length over the most, before anything is read", () => {
    expect(() => uploadBytes(post({ "content-length": `${limit + 1}` }), 2, max)).toThrow(
      expect.objectContaining({ code: "image_too_large" }),
    );
  });
});

/** Both images of `request`, read into memory of the size the gate would lend. */
async function readBoth(request: Request) {
  const memory = new Uint8Array(uploadBytes(request, 2, max));
  const images = await readImageParts(
    request,
    ["selfie", "reference"],
    max,
    pace,
    defaultImageLimits,
    memory,
  );
  return { memory, images };
}

describe("readImageParts keeps one copy of each image", () => {
  it("holds each image as a view of the slot's memory, the body copied there once", async () => {
    const request = await upload(64 * 1024);
    const { memory, images } = await readBoth(request);
    expect(memory.byteLength).toBe(Number(request.headers.get("content-length")));
    expect(images.selfie.bytes.buffer).toBe(memory.buffer);
    expect(images.reference.bytes.buffer).toBe(memory.buffer);
    expect(images.selfie.bytes).toEqual(selfie);
    expect(images.reference.bytes).toEqual(reference);
  });

  it("copies a part the parser pieced together, and still reads every byte right", async () => {
    // Pieces of 7 bytes split every part header across pieces.
    const { memory, images } = await readBoth(await upload(7));
    expect(images.selfie.bytes).toEqual(selfie);
    expect(images.reference.bytes).toEqual(reference);
    expect(images.selfie.bytes.buffer).not.toBe(memory.buffer);
  });
});
