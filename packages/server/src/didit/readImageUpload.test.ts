import { loadPhotos } from "@facekit/test-utils/server";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultImageLimits } from "./judgeImage.ts";
import { readImageParts } from "./readImageUpload.ts";

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

/** A `take` that lends one array, as an upload slot does, and says what it lent. */
function slot() {
  const lent: Uint8Array[] = [];
  const memory = new Uint8Array(2 * max + 16 * 1024);
  let used = 0;
  const take = (size: number) => {
    const view = memory.subarray(used, used + size);
    used += size;
    lent.push(view);
    return view;
  };
  return { memory, lent, take };
}

describe("readImageParts keeps one copy of each image", () => {
  it("holds each image as a view of the slot's memory, the body copied there once", async () => {
    const { memory, lent, take } = slot();
    const request = await upload(64 * 1024);
    const images = await readImageParts(
      request,
      ["selfie", "reference"],
      max,
      pace,
      {
        ...defaultImageLimits,
      },
      take,
    );
    expect(lent).toHaveLength(1);
    expect(lent[0]?.byteLength).toBe(Number(request.headers.get("content-length")));
    expect(images.selfie.bytes.buffer).toBe(memory.buffer);
    expect(images.reference.bytes.buffer).toBe(memory.buffer);
    expect(images.selfie.bytes).toEqual(selfie);
    expect(images.reference.bytes).toEqual(reference);
  });

  it("copies a part the parser pieced together, and still reads every byte right", async () => {
    const { memory, take } = slot();
    // Pieces of 7 bytes split every part header across pieces.
    const images = await readImageParts(
      await upload(7),
      ["selfie", "reference"],
      max,
      pace,
      {
        ...defaultImageLimits,
      },
      take,
    );
    expect(images.selfie.bytes).toEqual(selfie);
    expect(images.reference.bytes).toEqual(reference);
    expect(images.selfie.bytes.buffer).not.toBe(memory.buffer);
  });
});
