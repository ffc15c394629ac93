import type { DiditWarning } from "@facekit/core/protocol";

/**
 * The two warnings of the standalone face-match endpoint. Codes are Didit's [C]; descriptions
 * and `log_type`s are the simulator's words [I].
 */
export const diditWarnings = {
  lowSimilarity: (score: number, threshold: number): DiditWarning => ({
    risk: "LOW_FACE_MATCH_SIMILARITY",
    log_type: "warning",
    short_description: "Low face match similarity",
    long_description: `The faces in the two images are not similar enough: score ${score} is not above the decline threshold ${threshold}.`,
    additional_data: null,
  }),
  noReference: (missing: string[]): DiditWarning => ({
    risk: "NO_REFERENCE_IMAGE",
    log_type: "error",
    short_description: "No face to compare",
    long_description: `No face could be found in ${missing.join(" and ")}, so the faces could not be compared.`,
    additional_data: null,
  }),
};

/**
 * Didit's `created_at`: ISO-8601 UTC with microseconds and a `+00:00` offset, as in
 * `2026-06-12T01:04:42.763237+00:00` [C] (the clock has milliseconds, so the last three digits
 * are 0).
 * @example
 * isoMicros(0); // "1970-01-01T00:00:00.000000+00:00"
 */
export function isoMicros(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000+00:00");
}
