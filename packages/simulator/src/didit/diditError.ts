/**
 * Didit error bodies. Didit does not publish them [I]; it is a Django REST framework service, so
 * the simulator answers DRF's two shapes: `{"detail": "..."}` and a field map of message lists.
 */
import { jsonResponse } from "../internal/jsonResponse.ts";

/**
 * A `{"detail": "..."}` error, DRF's shape for anything that is not about one field.
 * @example
 * return diditDetail(403, "You do not have permission to perform this action.");
 */
export function diditDetail(status: number, detail: string, headers?: HeadersInit): Response {
  return jsonResponse({ detail }, status, headers);
}

/** Field name -> its messages, DRF's validation error body. */
export type FieldErrors = Record<string, string[]>;

/**
 * A 400 with DRF's field map, e.g. `{"user_image": ["No file was submitted."]}`.
 * @example
 * return fieldErrors({ face_match_score_decline_threshold: ["A valid integer is required."] });
 */
export function fieldErrors(errors: FieldErrors): Response {
  return jsonResponse(errors, 400);
}
