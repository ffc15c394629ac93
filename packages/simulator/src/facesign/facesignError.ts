import type { FaceSignErrorBody } from "@facekit/core/protocol";
import { jsonResponse } from "../internal/jsonResponse.ts";

/** The error `type`s FaceSign documents. */
export type FaceSignErrorType =
  | "authentication_error"
  | "validation_error"
  | "not_found_error"
  | "rate_limit_error"
  | "server_error";

/**
 * A FaceSign error response: always `{ error: { type, message, code? } }`.
 * @example
 * return facesignError(404, "not_found_error", "Session not found");
 * return facesignError(400, "validation_error", "clientReferenceId is required", "parameter_missing");
 */
export function facesignError(
  status: number,
  type: FaceSignErrorType,
  message: string,
  code?: string,
  headers?: HeadersInit,
): Response {
  const body: FaceSignErrorBody = { error: code ? { type, message, code } : { type, message } };
  return jsonResponse(body, status, headers);
}
