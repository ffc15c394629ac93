import { callVendorJson } from "../internal/callVendorJson.ts";
import { toFaceSignError } from "./toFaceSignError.ts";

/**
 * The FaceSign API version FaceKit is built against, sent as `Facesign-Version` on every call
 * (as FaceSign's SDK 1.0.47 does). Override it with `facesign.apiVersion`.
 * @example
 * createFaceSignClient({ apiKey, apiVersion: faceSignApiVersion });
 */
export const faceSignApiVersion = "2024-12-18";

/** Where and how to reach the FaceSign API. */
export interface FaceSignTransport {
  baseUrl: string;
  apiKey: string;
  /** Value of the `Facesign-Version` header. */
  apiVersion: string;
  timeoutMs: number;
  fetch: typeof fetch;
}

/** One FaceSign call: a GET with a query (repeated values allowed) or a POST with a JSON body. */
export type FaceSignCall =
  | { method: "GET"; path: string; query?: URLSearchParams }
  | { method: "POST"; path: string; body: unknown };

/**
 * Sends one request to FaceSign (`Authorization: Bearer`, `Facesign-Version`) and returns the parsed JSON of a 2xx
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
  if (call.method === "GET" && call.query) url.search = call.query.toString();
  const { value } = await callVendorJson({
    vendor: "FaceSign",
    label: `${call.method} ${call.path}`,
    url,
    method: call.method,
    headers: {
      authorization: `Bearer ${transport.apiKey}`,
      "facesign-version": transport.apiVersion,
    },
    body: call.method === "POST" ? call.body : undefined,
    timeoutMs: transport.timeoutMs,
    fetch: transport.fetch,
    toError: toFaceSignError,
  });
  return value;
}
