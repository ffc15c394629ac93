import { FaceKitError } from "@facekit/core/protocol";
import type { MultipartBody } from "./multipartBody.ts";
import { untilAborted } from "./untilAborted.ts";

/** One JSON request to a vendor API, with what is needed to name and map its failures. */
export interface VendorJsonRequest {
  /** Vendor name for error messages, e.g. "FaceSign". */
  vendor: string;
  /** What the call was, for error messages, e.g. "GET /sessions/x". */
  label: string;
  url: URL;
  method: "GET" | "POST";
  /** Auth headers; `accept` (and `content-type` when there is a body) are added here. */
  headers: Record<string, string>;
  /** Sent as JSON when present. */
  body?: unknown;
  /** Sent as `multipart/form-data`, streamed with its length, instead of `body`. */
  multipart?: MultipartBody;
  timeoutMs: number;
  fetch: typeof fetch;
  /** Maps a non-2xx answer (parsed JSON, or the first 500 characters of text) to the vendor's error. */
  toError: (status: number, body: unknown, headers: Headers) => FaceKitError;
}

/** A 2xx JSON answer. */
export interface VendorJsonResponse {
  status: number;
  headers: Headers;
  value: unknown;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Sends one JSON request to a vendor and returns its parsed 2xx answer. The timeout covers the
 * whole exchange, body included, even when the injected `fetch` ignores the signal. A GET whose
 * connection fails before any answer is sent once more, at once (a pooled keep-alive socket the
 * vendor closed at the same moment); nothing else is retried, so a paid POST is never repeated.
 * Network loss, timeouts and non-JSON answers are `vendor_unavailable`; other non-2xx answers go
 * through `toError`.
 * @example
 * const { value } = await callVendorJson({ vendor: "FaceSign", label: "GET /sessions", url, method: "GET", headers, timeoutMs, fetch, toError: toFaceSignError });
 */
export async function callVendorJson(request: VendorJsonRequest): Promise<VendorJsonResponse> {
  const { vendor, label, timeoutMs } = request;
  const headers: Record<string, string> = { ...request.headers, accept: "application/json" };
  let body: string | ReadableStream<Uint8Array> | undefined;
  if (request.multipart) {
    headers["content-type"] = request.multipart.contentType;
    headers["content-length"] = `${request.multipart.length}`;
    body = request.multipart.body;
  } else if (request.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(request.body);
  }
  const signal = AbortSignal.timeout(timeoutMs);
  let status: number;
  let responseHeaders: Headers;
  let text: string;
  try {
    const send = () =>
      request.fetch(request.url, {
        method: request.method,
        headers,
        body,
        signal,
        // A streamed body: required by fetch, and all that Node, browsers and workers support.
        ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
      } as RequestInit);
    const response = await untilAborted(
      request.method === "GET"
        ? send().catch((error) => (signal.aborted ? Promise.reject(error) : send()))
        : send(),
      signal,
    );
    status = response.status;
    responseHeaders = response.headers;
    text = await untilAborted(response.text(), signal);
  } catch (cause) {
    const message = signal.aborted
      ? `${vendor} did not answer within ${timeoutMs} ms (${label}).`
      : `Could not reach ${vendor} (${label}).`;
    throw new FaceKitError("vendor_unavailable", message, { cause });
  }
  const parsed = parseJson(text);
  if (status < 200 || status > 299) {
    throw request.toError(status, parsed.ok ? parsed.value : text.slice(0, 500), responseHeaders);
  }
  if (!parsed.ok) {
    throw new FaceKitError("vendor_unavailable", `${vendor} sent a non-JSON answer (${label}).`, {
      cause: parsed.error,
    });
  }
  return { status, headers: responseHeaders, value: parsed.value };
}
