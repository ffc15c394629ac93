import { callVendorJson } from "../internal/callVendorJson.ts";
import { toVerisoulError } from "./toVerisoulError.ts";

/** Where and how to reach the Verisoul API. */
export interface VerisoulTransport {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  fetch: typeof fetch;
}

/** One Verisoul call: a GET with a query or a POST with a JSON body. */
export type VerisoulCall =
  | { method: "GET"; path: string; query?: Record<string, string | undefined> }
  | { method: "POST"; path: string; body: Record<string, unknown> };

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
  const url = new URL(`${transport.baseUrl.replace(/\/+$/, "")}${call.path}`);
  if (call.method === "GET") {
    for (const [name, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
  }
  const { status, headers, value } = await callVendorJson({
    vendor: "Verisoul",
    label: call.path,
    url,
    method: call.method,
    headers: { "x-api-key": transport.apiKey },
    body: call.method === "POST" ? call.body : undefined,
    timeoutMs: transport.timeoutMs,
    fetch: transport.fetch,
    toError: toVerisoulError,
  });
  // A 2xx with `success: false` is still a failure.
  if (
    typeof value === "object" &&
    value !== null &&
    (value as { success?: unknown }).success === false
  ) {
    throw toVerisoulError(status, value, headers);
  }
  return value;
}
