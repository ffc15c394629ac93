/**
 * The worker entry (built to `dist/imageWorker.js`, next to the code that starts it). Runs one
 * job per message and answers with an {@link ImageReply}; errors travel as codes, because a
 * FaceKitError does not survive structured cloning as a class.
 */
import { FaceKitError } from "../../protocol/errors.ts";
import { hasOffscreenCanvas } from "./canvas.ts";
import { processImage } from "./processImage.ts";
import type { ImageReply, ImageRequest } from "./types.ts";

const reply = (message: ImageReply) => postMessage(message);

addEventListener("message", (event: MessageEvent<ImageRequest>) => {
  if (!hasOffscreenCanvas() || typeof createImageBitmap !== "function") {
    reply({ ok: false, code: "unsupported", message: "no OffscreenCanvas in workers" });
    return;
  }
  processImage(event.data.blob, event.data.job).then(
    (output) => reply({ ok: true, output }),
    (error: unknown) =>
      reply(
        error instanceof FaceKitError
          ? { ok: false, code: error.code, message: error.message }
          : { ok: false, code: "unsupported", message: String(error) },
      ),
  );
});
