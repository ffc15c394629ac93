import { jsonResponse } from "../internal/jsonResponse.ts";
import type { DiditContext, SavedFaceMatch } from "./createDiditContext.ts";
import { diditDetail } from "./diditError.ts";
import type { DiditDecisionBody } from "./types.ts";

/** Where the simulator serves a saved request's images (its stand-in for temporary URLs). */
function mediaUrl(origin: string, id: string, which: "source" | "target"): string {
  return `${origin}/__simulator/media/${encodeURIComponent(id)}/${which}`;
}

/**
 * The decision body of a saved face match. Fields per the vendor notes [C]; the values of
 * `session_kind`, `features` and `environment` are the simulator's guesses [I].
 * @example
 * jsonResponse(toDecisionBody(saved, "http://127.0.0.1:4030"));
 */
function toDecisionBody(saved: SavedFaceMatch, origin: string): DiditDecisionBody {
  return {
    session_id: saved.id,
    session_number: saved.number,
    session_kind: "api",
    session_url: null,
    status: saved.status,
    environment: "live",
    workflow_id: null,
    features: ["FACE_MATCH"],
    vendor_data: saved.vendorData,
    metadata: saved.metadata,
    expected_details: null,
    contact_details: null,
    callback: null,
    id_verifications: [],
    liveness_checks: [],
    face_matches: [
      {
        status: saved.status,
        score: saved.score,
        source_image: mediaUrl(origin, saved.id, "source"),
        target_image: mediaUrl(origin, saved.id, "target"),
        source_image_session_id: null,
        warnings: saved.warnings,
      },
    ],
    created_at: saved.createdAt,
  };
}

/**
 * `GET /v3/session/{id}/decision/`: the decision of a face match sent with
 * `save_api_request=true`; 404 `{"detail": "Not found."}` for anything else.
 * @example
 * return decisionRoute(ctx, url, id);
 */
export function decisionRoute(ctx: DiditContext, url: URL, id: string): Response {
  const saved = ctx.saved.get(decodeURIComponent(id));
  if (!saved) return diditDetail(404, "Not found.");
  return jsonResponse(toDecisionBody(saved, url.origin));
}
