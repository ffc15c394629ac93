import { jpeg, makeSelfieCompareResult, setupSelfieCompare, tick } from "@facekit/test-utils/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { prepareImage } from "./prepareImage.ts";
import { FaceKitError } from "./protocol/index.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A flow whose first grant has arrived, with both images ready. */
async function ready(options: Parameters<typeof setupSelfieCompare>[0] = {}) {
  const t = setupSelfieCompare(options);
  t.flow.open();
  await tick(0);
  t.flow.setFile("selfie", jpeg("me"));
  if (t.snap().reference === "upload") t.flow.setFile("reference", jpeg("ref"));
  await tick(0);
  return t;
}

describe("createSelfieCompareFlow", () => {
  it("does nothing until open(), then learns from the first grant who holds the reference", async () => {
    const t = setupSelfieCompare({ reference: "server" });
    expect(t.snap()).toMatchObject({ status: "idle", reference: null, hasImages: false });
    expect(t.getGrant).not.toHaveBeenCalled();
    t.flow.open();
    t.flow.open(); // under way: once
    await tick(0);
    expect(t.getGrant).toHaveBeenCalledTimes(1);
    expect(t.snap()).toMatchObject({ status: "idle", reference: "server" });
    expect(t.events).toEqual([
      { type: "grant_requested" },
      { type: "grant_ready", reference: "server" },
    ]);
  });

  it("reset() empties the slots and drops the result, keeping what the grant said", async () => {
    const t = await ready();
    t.flow.submit();
    await tick(0);
    t.answer();
    await tick(0);
    expect(t.snap().status).toBe("completed");
    t.flow.reset();
    expect(t.snap()).toMatchObject({
      status: "idle",
      reference: "upload",
      hasImages: false,
      result: null,
      slots: { selfie: { status: "empty" }, reference: { status: "empty" } },
    });
    expect(t.liveUrls()).toEqual([]); // both previews revoked
    t.flow.setFile("selfie", jpeg("me"));
    t.flow.setFile("reference", jpeg("ref"));
    await tick(0);
    expect(t.snap()).toMatchObject({ status: "ready", hasImages: true });
  });

  it("reset() during an upload aborts it without an event", async () => {
    const t = await ready();
    t.flow.submit();
    await tick(0);
    expect(t.snap().status).toBe("uploading");
    t.flow.reset();
    t.answer(); // too late: the upload was aborted
    await tick(0);
    expect(t.snap()).toMatchObject({ status: "idle", result: null });
    expect(t.types()).not.toContain("cancelled");
    expect(t.types()).not.toContain("completed");
  });

  it("prepares each image into a previewable slot; ready once every needed image is", async () => {
    const t = setupSelfieCompare({ prepareMs: 10 });
    t.flow.open();
    await tick(0);
    t.flow.setFile("selfie", jpeg());
    expect(t.snap().status).toBe("preparing");
    expect(t.snap().slots.selfie).toEqual({ status: "preparing", source: "file" });
    await tick(10);
    expect(t.snap().slots.selfie).toMatchObject({ status: "ready", previewUrl: "blob:1" });
    expect(t.snap()).toMatchObject({ status: "idle", hasImages: false }); // reference missing
    expect(t.prepare).toHaveBeenCalledWith(expect.any(Blob), {
      maxBytes: 1_000_000,
      signal: expect.any(AbortSignal),
    });
    t.flow.setFile("reference", jpeg());
    await tick(10);
    expect(t.snap()).toMatchObject({ status: "ready", hasImages: true });
    expect(t.types().slice(2)).toEqual([
      "image_selected",
      "image_ready",
      "image_selected",
      "image_ready",
    ]);
  });

  it("needs the selfie alone when the backend holds the reference", async () => {
    const t = await ready({ reference: "server" });
    expect(t.snap()).toMatchObject({ status: "ready", hasImages: true });
    t.flow.submit();
    await tick(0);
    t.answer();
    await tick(0);
    expect(t.compare).toHaveBeenCalledWith(
      expect.objectContaining({ reference: "server" }),
      { selfie: expect.any(Blob), reference: undefined },
      expect.anything(),
    );
  });

  it("rejects a non-image at its slot without failing the flow", async () => {
    // The real pipeline judges the bytes: a page of HTML named and typed as a JPEG.
    const t = setupSelfieCompare({ prepare: prepareImage });
    t.flow.open();
    await tick(0);
    t.flow.setFile("reference", new Blob(["<html>hi</html>"], { type: "image/jpeg" }));
    await vi.waitFor(() => expect(t.snap().slots.reference.status).toBe("error"));
    const slot = t.snap().slots.reference;
    expect(slot.status === "error" && slot.error.code).toBe("invalid_image");
    expect(t.snap()).toMatchObject({ status: "idle", hasImages: false, error: null });
    expect(t.events.at(-1)).toMatchObject({ type: "image_rejected", slot: "reference" });
    expect(t.liveUrls()).toEqual([]); // no preview for it
  });

  it("a rejected file replaces the slot's earlier photo, whose preview is revoked", async () => {
    const t = await ready();
    t.flow.setFile("reference", new Blob(["hi"], { type: "text/plain" }));
    await tick(0);
    expect(t.snap().slots.reference.status).toBe("error");
    expect(t.liveUrls()).toEqual(["blob:1"]);
  });

  it("uploads with the first grant, reports throttled progress, then completes", async () => {
    const t = await ready();
    t.flow.submit();
    expect(t.snap()).toMatchObject({ status: "uploading", progress: 0 });
    await tick(0);
    expect(t.getGrant).toHaveBeenCalledTimes(1); // the first grant is still good
    const [grant, images, upload] = t.compare.mock.calls[0] ?? [];
    expect(grant?.token).toBe("grant-1");
    expect(images?.reference).toBeInstanceOf(Blob);
    // 1 twice: the last progress event and the upload's end both say so.
    for (const p of [0.05, 0.12, 0.15, 0.5, 1, 1]) upload?.onProgress?.(p);
    expect(t.snap().progress).toBe(1);
    t.answer(makeSelfieCompareResult("declined"));
    await tick(0);
    expect(t.snap()).toMatchObject({
      status: "completed",
      result: makeSelfieCompareResult("declined"),
    });
    expect(t.events.filter((e) => e.type === "upload_progress")).toEqual([
      { type: "upload_progress", progress: 0.12 },
      { type: "upload_progress", progress: 0.5 },
      { type: "upload_progress", progress: 1 },
    ]);
    expect(t.types().slice(-3)).toEqual(["upload_progress", "upload_progress", "completed"]);
  });

  it("gets a fresh grant for every later attempt, and after the first one expired", async () => {
    const t = await ready();
    t.flow.submit();
    await tick(0);
    t.refuse(new FaceKitError("vendor_unavailable", "Didit is down", { status: 503 }));
    await tick(0);
    expect(t.snap()).toMatchObject({ status: "failed", error: { code: "vendor_unavailable" } });
    expect(t.snap().hasImages).toBe(true);
    t.flow.retry();
    await tick(0);
    expect(t.getGrant).toHaveBeenCalledTimes(2);
    expect(t.compare.mock.calls[1]?.[0].token).toBe("grant-2");

    const late = await ready();
    await tick(5 * 60_000 - 29_000); // within 30 s of expiry
    late.flow.submit();
    await tick(0);
    expect(late.compare.mock.calls[0]?.[0].token).toBe("grant-2");
  });

  it("cancel() aborts the upload: cancelled, not an error, and the images stay", async () => {
    const t = await ready();
    t.flow.submit();
    await tick(0);
    const signal = t.compare.mock.calls[0]?.[2].signal;
    t.flow.cancel();
    expect(signal?.aborted).toBe(true);
    t.refuse(new DOMException("aborted", "AbortError"));
    await tick(0);
    expect(t.snap()).toMatchObject({ status: "cancelled", error: null, hasImages: true });
    expect(t.types()).not.toContain("failed");
    expect(t.types().at(-1)).toBe("cancelled");
    t.flow.submit(); // and a new attempt can start
    expect(t.snap().status).toBe("uploading");
  });

  it("cannot be cancelled once every byte is sent (the backend is already asking Didit)", async () => {
    const t = await ready();
    t.flow.submit();
    await tick(0);
    const upload = t.compare.mock.calls[0]?.[2];
    upload?.onProgress?.(1);
    t.flow.cancel();
    expect(upload?.signal?.aborted).toBe(false);
    expect(t.snap().status).toBe("uploading");
    t.answer(makeSelfieCompareResult("approved"));
    await tick(0);
    expect(t.snap().status).toBe("completed");
    expect(t.types()).not.toContain("cancelled");
  });

  it("ignores slot changes while uploading; a slot change after a result starts over", async () => {
    const t = await ready();
    t.flow.submit();
    t.flow.clear("selfie");
    expect(t.snap().slots.selfie.status).toBe("ready");
    await tick(0);
    t.answer();
    await tick(0);
    t.flow.clear("selfie");
    expect(t.snap()).toMatchObject({ status: "idle", result: null, hasImages: false });
    expect(t.liveUrls()).toEqual(["blob:2"]);
  });

  it("fails when the first grant is refused, and retry() asks again", async () => {
    const t = setupSelfieCompare();
    t.getGrant.mockRejectedValueOnce(new FaceKitError("unauthorized", "Sign in", { status: 401 }));
    t.flow.open();
    await tick(0);
    expect(t.snap()).toMatchObject({ status: "failed", error: { code: "unauthorized" } });
    t.flow.setFile("selfie", jpeg());
    await tick(0);
    expect(t.snap().status).toBe("failed"); // Try again stays until the grant is asked again
    t.flow.retry();
    await tick(0);
    expect(t.snap()).toMatchObject({ status: "idle", error: null, reference: "upload" });
    expect(t.types()).toContain("failed");
  });

  it("opens the camera, captures a frame as the slot's image and stops the tracks", async () => {
    const t = await ready();
    t.flow.openCamera("selfie", t.camera.video);
    expect(t.snap().slots.selfie).toEqual({ status: "camera", isLive: false });
    expect(t.liveUrls()).toEqual(["blob:2"]); // the old selfie preview went
    await tick(0);
    expect(t.snap().slots.selfie).toEqual({ status: "camera", isLive: true });
    expect(t.camera.mediaDevices.getUserMedia).toHaveBeenCalledWith({
      video: { facingMode: { ideal: "user" } },
      audio: false,
    });
    expect(t.camera.liveTracks()).toBe(1);
    t.flow.capture("selfie");
    await tick(0);
    expect(t.camera.liveTracks()).toBe(0);
    expect(t.snap().slots.selfie).toMatchObject({ status: "ready", source: "camera" });
    expect(t.types()).toContain("camera_started");
    expect(t.events).toContainEqual({ type: "image_selected", slot: "selfie", source: "camera" });
  });

  it("reports a denied camera at its slot", async () => {
    const t = setupSelfieCompare();
    vi.mocked(t.camera.mediaDevices.getUserMedia).mockRejectedValueOnce(
      new DOMException("no", "NotAllowedError"),
    );
    t.flow.openCamera("reference", t.camera.video);
    await tick(0);
    const slot = t.snap().slots.reference;
    expect(slot.status === "error" && slot.error.code).toBe("camera_denied");
    expect(t.events.at(-1)).toMatchObject({ type: "camera_failed", slot: "reference" });
    expect(t.snap().status).toBe("idle");
  });

  it("runs one camera at a time, and clear() stops it", async () => {
    const t = setupSelfieCompare();
    t.flow.openCamera("selfie", t.camera.video);
    await tick(0);
    t.flow.openCamera("reference", t.camera.video);
    await tick(0);
    expect(t.snap().slots.selfie.status).toBe("empty");
    expect(t.camera.mediaDevices.getUserMedia).toHaveBeenLastCalledWith({
      video: { facingMode: { ideal: "environment" } },
      audio: false,
    });
    expect(t.camera.liveTracks()).toBe(1);
    t.flow.clear("reference");
    expect(t.camera.liveTracks()).toBe(0);
  });

  it("destroy() stops cameras, aborts work and revokes every preview, silently", async () => {
    const t = await ready();
    t.flow.openCamera("selfie", t.camera.video);
    await tick(0);
    const pending = setupSelfieCompare({ prepareMs: 50 });
    pending.flow.setFile("selfie", jpeg());
    pending.flow.destroy();
    await tick(50);
    expect(pending.liveUrls()).toEqual([]);
    const count = t.events.length;
    t.flow.destroy();
    expect(t.camera.liveTracks()).toBe(0);
    expect(t.liveUrls()).toEqual([]);
    t.flow.submit();
    t.flow.setFile("selfie", jpeg());
    expect(t.events).toHaveLength(count);
  });

  it("stops a camera that starts after its slot moved on", async () => {
    const t = setupSelfieCompare();
    t.flow.openCamera("selfie", t.camera.video);
    t.flow.clear("selfie");
    await tick(0);
    expect(t.camera.tracks).toHaveLength(1);
    expect(t.camera.liveTracks()).toBe(0);
    expect(t.snap().slots.selfie.status).toBe("empty");
  });
});
