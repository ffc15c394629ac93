import type { DiditWarning } from "@facekit/core/protocol";
import { jsonResponse } from "../internal/jsonResponse.ts";
import { analyzeImage } from "./analyzeImage.ts";
import type { DiditContext } from "./createDiditContext.ts";
import { diditDetail, fieldErrors } from "./diditError.ts";
import { diditWarnings, isoMicros } from "./diditWarnings.ts";
import { type FaceMatchInput, parseFaceMatchForm } from "./parseFaceMatchForm.ts";
import { readFaceMatchForm } from "./readFaceMatchForm.ts";
import { sandboxAnswer } from "./sandboxAnswer.ts";
import { scoreFaces } from "./scoreFaces.ts";
import type { SimulatedCompareBody } from "./types.ts";

/** Scores the two images and applies Didit's decision rule. */
function decide(input: FaceMatchInput): SimulatedCompareBody["face_match"] {
  const user = analyzeImage(input.user.image, input.rotateImage);
  const ref = analyzeImage(input.ref.image, input.rotateImage);
  const reports = { user_image: user.report, ref_image: ref.report };
  const warnings: DiditWarning[] = [];
  if (!user.face || !ref.face) {
    const missing = [user.face ? "" : "user_image", ref.face ? "" : "ref_image"];
    warnings.push(diditWarnings.noReference(missing.filter(Boolean)));
    const score = input.saveApiRequest ? null : 0;
    return { status: "Declined", score, ...reports, warnings };
  }
  const score = scoreFaces(user.face, ref.face);
  if (score > input.threshold) return { status: "Approved", score, ...reports, warnings };
  warnings.push(diditWarnings.lowSimilarity(score, input.threshold));
  return { status: "Declined", score, ...reports, warnings };
}

/**
 * `POST /v3/face-match/`: 403 without credits (before reading anything), 400 for a malformed
 * form, otherwise 200 with the simulated comparison, `vendor_data` and `metadata` echoed (or
 * null); one credit is spent per 200 and, with `save_api_request`, the request is kept for
 * `GET /v3/session/{id}/decision/`. A sandbox key skips credits: after validation it gets the
 * static {@link sandboxAnswer}, nothing stored.
 * @example
 * if (action === "POST /v3/face-match/") return faceMatchRoute(ctx, req, false);
 */
export async function faceMatchRoute(
  ctx: DiditContext,
  req: Request,
  sandbox: boolean,
): Promise<Response> {
  if (!sandbox && ctx.scenario.credits <= 0) return diditDetail(403, "Insufficient credits.");
  const read = await readFaceMatchForm(req);
  if (!read.ok) return diditDetail(400, read.detail);
  const parsed = await parseFaceMatchForm(read.form);
  if (!parsed.ok) return fieldErrors(parsed.errors);
  const { input } = parsed;
  if (sandbox) {
    ctx.recordSandbox();
    return jsonResponse(sandboxAnswer(input, ctx.now()));
  }
  const faceMatch = decide(input);
  const body: SimulatedCompareBody = {
    request_id: crypto.randomUUID(),
    face_match: faceMatch,
    vendor_data: input.vendorData,
    metadata: input.metadata,
    created_at: isoMicros(ctx.now()),
  };
  ctx.recordMatch(faceMatch.status);
  if (input.saveApiRequest) {
    ctx.saved.set(body.request_id, {
      id: body.request_id,
      number: ctx.saved.size + 1,
      createdAt: body.created_at,
      status: faceMatch.status,
      score: faceMatch.score,
      warnings: faceMatch.warnings,
      vendorData: input.vendorData,
      metadata: input.metadata,
      user: { bytes: input.user.bytes, type: input.user.type },
      ref: { bytes: input.ref.bytes, type: input.ref.type },
    });
  }
  return jsonResponse(body);
}
