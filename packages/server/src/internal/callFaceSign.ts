import { FaceKitError } from "@facekit/core/protocol";
import { toFaceSignError } from "./toFaceSignError.ts";
import { untilAborted } from "./untilAborted.ts";

/** Where and how to reach the FaceSign API. */
export interface FaceSignTransport {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  fetch: typeof fetch;
}

/** One FaceSign call: a GET with a query (repeated values allowed) or a POST with a JSON body. */
export type FaceSignCall =
  | { method: "GET"; path: string; query?: URLSearchParams }
  | { method: "POST"; path: string; body: unknown };

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Sends one request to FaceSign (`Authorization: Bearer`) and returns the parsed JSON of a 2xx
 * answer. The timeout covers the whole exchange, body included. Never retries. Every failure is
 * a {@link FaceKitError} (see `toFaceSignError`).
 * @example
 * const json = await callFaceSign(transport, { method: "GET", path: `/sessions/${id}` });
 */
export async function callFaceSign(
  transport: FaceSignTransport,
  call: FaceSignCall,
): Promise<unknown> {
  const url = new URL(`${transport.baseUrl.replace(/\/+$/, "")}${call.path}`);
  const headers: Record<string, string> = {
    authorization: `Bearer ${transport.apiKey}`,
    accept: "application/json",
  };
  let body: string | undefined;
  if (call.method === "GET") {
    if (call.query) url.search = call.query.toString();
  } else {
    headers["content-type"] = "application/json";
    body = JSON.stringify(call.body);
  }
  const signal = AbortSignal.timeout(transport.timeoutMs);
  let status: number;
  let responseHeaders: Headers;
  let text: string;
  try {
    const response = await untilAborted(
      transport.fetch(url, { method: call.method, headers, body, signal }),
      signal,
    );
    status = response.status;
    responseHeaders = response.headers;
    text = await untilAborted(response.text(), signal);
  } catch (cause) {
    const message = signal.aborted
      ? `FaceSign did not answer within ${transport.timeoutMs} ms (${call.method} ${call.path}).`
      : `Could not reach FaceSign (${call.method} ${call.path}).`;
    throw new FaceKitError("vendor_unavailable", message, { cause });
  }
  const parsed = parseJson(text);
  if (status < 200 || status > 299) {
    throw toFaceSignError(status, parsed.ok ? parsed.value : text.slice(0, 500), responseHeaders);
  }
  if (!parsed.ok) {
    throw new FaceKitError(
      "vendor_unavailable",
      `FaceSign sent a non-JSON answer (${call.path}).`,
      {
        cause: parsed.error,
      },
    );
  }
  return parsed.value;
}
