import type { Json } from "../createBackendPost.ts";
import { FaceKitError } from "../protocol/index.ts";
import { toBackendError } from "./toBackendError.ts";

// Typed locally (see ./dev.ts): core must not depend on Node's types.
declare const process: { env: { NODE_ENV?: string } };

/**
 * Options of {@link sendForm}.
 * @example
 * const request: FormRequest = { url, form, headers: {}, withCredentials: false };
 */
export interface FormRequest {
  url: string;
  form: FormData;
  headers: Record<string, string>;
  withCredentials: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: number) => void;
  XMLHttpRequest?: typeof XMLHttpRequest;
}

/**
 * POSTs a form with `XMLHttpRequest`, the one browser API that reports upload progress, and
 * resolves with the parsed JSON body. Failures map as in `createBackendPost`: no answer is `network`, an
 * error body a typed {@link FaceKitError} with `status` and `retryAfter`; an abort rejects with
 * the signal's reason (an `AbortError`).
 * @example
 * const data = await sendForm({ url, form, headers, withCredentials: false, onProgress });
 */
export function sendForm(request: FormRequest): Promise<Json> {
  const { url, signal } = request;
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const xhr = new (request.XMLHttpRequest ?? XMLHttpRequest)();
    const abort = () => xhr.abort();
    const done = () => signal?.removeEventListener("abort", abort);
    xhr.open("POST", url);
    xhr.withCredentials = request.withCredentials;
    for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) request.onProgress?.(e.loaded / e.total);
    };
    // All sent: from here on the backend is asking the vendor, and cancelling can no longer help.
    xhr.upload.onload = () => request.onProgress?.(1);
    xhr.onabort = () => {
      done();
      reject(signal?.reason ?? new DOMException("The upload was aborted.", "AbortError"));
    };
    xhr.onerror = () => {
      done();
      const message =
        typeof process === "object" && process.env.NODE_ENV !== "production"
          ? `Could not reach ${url}`
          : undefined;
      reject(new FaceKitError("network", message));
    };
    xhr.onload = () => {
      done();
      let data: Json;
      try {
        data = JSON.parse(xhr.responseText) as Json;
      } catch {
        // A non-JSON body (proxy error page...) reads as `undefined`.
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data);
      reject(toBackendError(url, xhr.status, data));
    };
    signal?.addEventListener("abort", abort, { once: true });
    xhr.send(request.form);
  });
}
