/**
 * The camera of a selfie capture: `getUserMedia` into a `<video>`, one frame out as a JPEG. Its
 * tracks are stopped on every way out (capture, stop, a failed start, an abort during the prompt).
 */
import { FaceKitError } from "./protocol/index.ts";
import type { CameraHandle, CameraVideo, StartCameraOptions } from "./types.ts";

const unavailable = (message: string, cause?: unknown) =>
  new FaceKitError("camera_unavailable", message, { cause });

/** Permission refusals become `camera_denied`; anything else means no usable camera. */
function toCameraError(cause: unknown): FaceKitError {
  const name = (cause as { name?: unknown } | null)?.name;
  return name === "NotAllowedError" || name === "SecurityError"
    ? new FaceKitError("camera_denied", "Camera access was not allowed.", { cause })
    : unavailable("No camera could be started.", cause);
}

/**
 * Starts a camera (the front one by default) in `video` and resolves once it plays. Rejects with
 * FaceKitError `camera_denied` (the person or a policy refused) or `camera_unavailable` (no
 * camera, none matching, in use elsewhere, no `mediaDevices`, or not a secure context), or with
 * the signal's reason when aborted.
 * @example
 * const camera = await startCamera(video, { facingMode: "user" });
 * button.onclick = async () => upload(await camera.capture());
 */
export async function startCamera(
  video: CameraVideo,
  options: StartCameraOptions = {},
): Promise<CameraHandle> {
  const { signal, facingMode = "user" } = options;
  const W = options.window ?? window;
  const devices = W.navigator.mediaDevices;
  if (W.isSecureContext === false || !devices?.getUserMedia) {
    throw unavailable("The camera needs a secure (https) page in a browser that supports it.");
  }
  let stream: MediaStream;
  try {
    stream = await devices.getUserMedia({
      video: { facingMode: { ideal: facingMode } },
      audio: false,
    });
  } catch (cause) {
    throw toCameraError(cause);
  }
  const stop = () => {
    for (const track of stream.getTracks()) track.stop();
    if (video.srcObject === stream) video.srcObject = null;
  };
  try {
    signal?.throwIfAborted();
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play();
    signal?.throwIfAborted();
  } catch (cause) {
    stop();
    throw signal?.aborted ? signal.reason : toCameraError(cause);
  }
  return {
    stop,
    capture() {
      const canvas = video.ownerDocument.createElement("canvas");
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      canvas.getContext("2d")?.drawImage(video as unknown as CanvasImageSource, 0, 0);
      stop();
      return new Promise((resolve, reject) =>
        canvas.toBlob(
          (blob) => (blob ? resolve(blob) : reject(unavailable("The camera gave no picture."))),
          "image/jpeg",
          0.92,
        ),
      );
    },
  };
}
