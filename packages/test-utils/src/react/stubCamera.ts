/**
 * A camera for jsdom (no media, no canvas): core's fake camera installed on the globals.
 */
import { createFakeCamera } from "../core/createFakeCamera.ts";

/**
 * Stubs `navigator.mediaDevices`, video `play` and the canvas a capture draws on with
 * {@link createFakeCamera} (failing with the DOMException named `failWith`). `liveTracks()` counts
 * tracks not stopped. Undo with `restore()`.
 * @example
 * const camera = stubCamera();
 * try {
 *   await userEvent.click(screen.getByRole("button", { name: "Use camera" }));
 * } finally {
 *   camera.restore();
 * }
 */
export function stubCamera({ failWith }: { failWith?: string } = {}) {
  const camera = createFakeCamera({ failWith });
  const saved = {
    mediaDevices: Object.getOwnPropertyDescriptor(navigator, "mediaDevices"),
    play: HTMLMediaElement.prototype.play,
    getContext: HTMLCanvasElement.prototype.getContext,
    toBlob: HTMLCanvasElement.prototype.toBlob,
  };
  Object.defineProperty(navigator, "mediaDevices", {
    configurable: true,
    value: camera.mediaDevices,
  });
  HTMLMediaElement.prototype.play = async () => {};
  HTMLCanvasElement.prototype.getContext = camera.canvas
    .getContext as unknown as typeof HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.toBlob = camera.canvas.toBlob;
  return {
    tracks: camera.tracks,
    liveTracks: camera.liveTracks,
    restore() {
      if (saved.mediaDevices) Object.defineProperty(navigator, "mediaDevices", saved.mediaDevices);
      else Reflect.deleteProperty(navigator, "mediaDevices");
      HTMLMediaElement.prototype.play = saved.play;
      HTMLCanvasElement.prototype.getContext = saved.getContext;
      HTMLCanvasElement.prototype.toBlob = saved.toBlob;
    },
  };
}
