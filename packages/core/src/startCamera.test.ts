import { createFakeCamera } from "@facekit/test-utils/core";
import { describe, expect, it, vi } from "vitest";
import { startCamera } from "./startCamera.ts";

const windowWith = (camera: ReturnType<typeof createFakeCamera>, isSecureContext = true) => ({
  navigator: { mediaDevices: camera.mediaDevices },
  isSecureContext,
});

describe("startCamera", () => {
  it("plays the front camera in the video, captures a JPEG frame and stops the tracks", async () => {
    const camera = createFakeCamera();
    const handle = await startCamera(camera.video, { window: windowWith(camera) });
    expect(camera.mediaDevices.getUserMedia).toHaveBeenCalledWith({
      video: { facingMode: { ideal: "user" } },
      audio: false,
    });
    expect(camera.video).toMatchObject({ muted: true, playsInline: true });
    expect(camera.video.srcObject).not.toBeNull();
    expect(camera.liveTracks()).toBe(1);
    const blob = await handle.capture();
    expect(blob.type).toBe("image/jpeg");
    expect(camera.canvas).toMatchObject({ width: 640, height: 480 });
    expect(camera.drawImage).toHaveBeenCalledWith(camera.video, 0, 0);
    expect(camera.liveTracks()).toBe(0);
    expect(camera.video.srcObject).toBeNull();
    handle.stop(); // twice is fine
  });

  it.each([
    ["NotAllowedError", "camera_denied"],
    ["SecurityError", "camera_denied"],
    ["NotFoundError", "camera_unavailable"],
    ["OverconstrainedError", "camera_unavailable"],
    ["NotReadableError", "camera_unavailable"],
  ])("maps %s to %s", async (name, code) => {
    const camera = createFakeCamera({ failWith: name });
    await expect(startCamera(camera.video, { window: windowWith(camera) })).rejects.toMatchObject({
      name: "FaceKitError",
      code,
    });
  });

  it("is unavailable without mediaDevices or outside a secure context", async () => {
    const camera = createFakeCamera();
    await expect(
      startCamera(camera.video, { window: { navigator: {}, isSecureContext: true } }),
    ).rejects.toMatchObject({ code: "camera_unavailable" });
    await expect(
      startCamera(camera.video, { window: windowWith(camera, false) }),
    ).rejects.toMatchObject({ code: "camera_unavailable" });
    expect(camera.mediaDevices.getUserMedia).not.toHaveBeenCalled();
  });

  it("stops the tracks when the video cannot play, or when aborted during the prompt", async () => {
    const camera = createFakeCamera();
    vi.mocked(camera.video.play).mockRejectedValueOnce(new DOMException("no", "NotSupportedError"));
    await expect(startCamera(camera.video, { window: windowWith(camera) })).rejects.toMatchObject({
      code: "camera_unavailable",
    });
    expect(camera.liveTracks()).toBe(0);

    const ctrl = new AbortController();
    const started = startCamera(camera.video, { window: windowWith(camera), signal: ctrl.signal });
    ctrl.abort();
    await expect(started).rejects.toMatchObject({ name: "AbortError" });
    expect(camera.tracks).toHaveLength(2);
    expect(camera.liveTracks()).toBe(0);
  });
});
