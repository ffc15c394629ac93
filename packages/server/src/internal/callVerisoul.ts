import { FaceKitError } from "@facekit/core/protocol";
import { toVerisoulError } from "./toVerisoulError.ts";
import { untilAborted } from "./untilAborted.ts";

/** Where and how to reach the Verisoul API. */
export interface VerisoulTransport {
  apiBaseUrl: string;
  apiKey: string;
  timeoutMs: number;
  fetch: typeof fetch;
}

/** One Verisoul call: a GET with a query or a POST with a JSON body. */
export type VerisoulCall =
  | { method: "GET"; path: string; query?: Record<string, string | undefined> }
  | { method: "POST"; path: string; body: Record<string, unknown> };

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Sends one request to Verisoul and returns the parsed JSON of a successful answer. The timeout
 * covers the whole exchange, body included, even when the injected `fetch` ignores the signal.
 * Never retries. Every failure is a {@link FaceKitError}.
 * @example
 * const body = await callVerisoul(transport, { method: "POST", path: "/liveness/verify-face", body: { session_id } });
 */
export async function callVerisoul(
  transport: VerisoulTransport,
  call: VerisoulCall,
): Promise<unknown> {
  const url = new URL(`${transport.apiBaseUrl.replace(/\/+$/, "")}${call.path}`);
  const headers: Record<string, string> = {
    "x-api-key": transport.apiKey,
    accept: "application/json",
  };
  let body: string | undefined;
  if (call.method === "GET") {
    for (const [name, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
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
      ? `Verisoul did not answer within ${transport.timeoutMs} ms (${call.path}).`
      : `Could not reach Verisoul (${call.path}).`;
    throw new FaceKitError("vendor_unavailable", message, { cause });
  }
  const parsed = parseJson(text);
  if (status < 200 || status > 299) {
    throw toVerisoulError(status, parsed.ok ? parsed.value : text.slice(0, 500), responseHeaders);
  }
  if (!parsed.ok) {
    throw new FaceKitError(
      "vendor_unavailable",
      `Verisoul sent a non-JSON answer (${call.path}).`,
      {
        cause: parsed.error,
      },
    );
  }
  const value = parsed.value;
  if (
    typeof value === "object" &&
    value !== null &&
    (value as { success?: unknown }).success === false
  ) {
    throw toVerisoulError(status, value, responseHeaders);
  }
  return value;
}
