/**
 * Runs one job in a fresh module worker, terminated when it answers or on abort. Resolves `null`
 * when the worker cannot do it (no Worker, CSP refusal, script failed to load, no
 * OffscreenCanvas inside): the caller then runs the job on the main thread.
 */
import { FaceKitError } from "../../protocol/errors.ts";
import type { ImageJob, ImageOutput, ImageReply, ImageRequest } from "./types.ts";

/**
 * Processes `blob` in a worker; `null` means "do it yourself".
 * @example
 * const output = (await runInWorker(file, job, signal)) ?? (await processImage(file, job));
 */
export function runInWorker(
  blob: Blob,
  job: ImageJob,
  signal?: AbortSignal,
): Promise<ImageOutput | null> {
  if (typeof Worker === "undefined" || typeof OffscreenCanvas === "undefined") {
    return Promise.resolve(null);
  }
  let worker: Worker;
  try {
    // A literal `new Worker(new URL("./x.js", import.meta.url))`: the one shape every bundler
    // (Vite, webpack 5, Rollup/Parcel plugins) recognises. In source Vite maps `.js` to the `.ts`
    // file; in dist tsup writes imageWorker.js next to the file holding this line.
    worker = new Worker(new URL("./imageWorker.js", import.meta.url), {
      type: "module",
      name: "facekit-image",
    });
  } catch {
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.terminate();
      signal?.removeEventListener("abort", abort);
    };
    const abort = () => {
      done();
      reject(signal?.reason);
    };
    worker.onmessage = (event: MessageEvent<ImageReply>) => {
      done();
      const data = event.data;
      if (data.ok) resolve(data.output);
      else if (data.code === "unsupported") resolve(null);
      else reject(new FaceKitError(data.code, data.message));
    };
    // The script failed to load or start (404, CSP, syntax): fall back rather than fail.
    worker.onerror = (event) => {
      event.preventDefault();
      done();
      resolve(null);
    };
    worker.onmessageerror = () => {
      done();
      resolve(null);
    };
    signal?.addEventListener("abort", abort, { once: true });
    worker.postMessage({ blob, job } satisfies ImageRequest);
  });
}
