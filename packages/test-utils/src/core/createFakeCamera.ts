/**
 * The one camera double of the repo: core injects it (`mediaDevices`, `video`), React's
 * `stubCamera` installs it on jsdom's globals.
 */
import type { CameraVideo } from "@facekit/core";
import { vi } from "vitest";

/**
 * A camera that starts (or fails with the DOMException named `failWith`), whose tracks record
 * `stop()`; a `<video>` and a canvas that encodes a (three-byte) JPEG. `liveTracks()` counts the
 * tracks not stopped.
 * @example
 * const camera = createFakeCamera();
 * const window = { navigator: { mediaDevices: camera.mediaDevices }, isSecureContext: true };
 * const handle = await startCamera(camera.video, { window });
 * handle.stop();
 * expect(camera.liveTracks()).toBe(0);
 */
export function createFakeCamera({ failWith }: { failWith?: string } = {}) {
  const tracks: { stopped: boolean; stop(): void }[] = [];
  const getUserMedia = vi.fn(async (_constraints?: MediaStreamConstraints) => {
    if (failWith) throw new DOMException("refused", failWith);
    const track = {
      stopped: false,
      stop() {
        this.stopped = true;
      },
    };
    tracks.push(track);
    return { getTracks: () => [track] } as unknown as MediaStream;
  });
  const drawImage = vi.fn();
  const canvas = {
    width: 0,
    height: 0,
    getContext: () => ({ drawImage }),
    toBlob: (done: (blob: Blob | null) => void, type?: string) =>
      done(new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type })),
  };
  const video: CameraVideo = {
    srcObject: null,
    muted: false,
    playsInline: false,
    videoWidth: 640,
    videoHeight: 480,
    play: vi.fn(async () => {}),
    ownerDocument: { createElement: () => canvas as unknown as HTMLCanvasElement },
  };
  return {
    mediaDevices: { getUserMedia },
    video,
    canvas,
    drawImage,
    tracks,
    liveTracks: () => tracks.filter((t) => !t.stopped).length,
  };
}
