import { htmlResponse } from "../internal/htmlResponse.ts";
import { readLimitedText } from "../internal/readLimitedText.ts";
import { redirectTo } from "../internal/redirectTo.ts";
import type { VerisoulContext } from "./createVerisoulContext.ts";
import { errorPage } from "./errorPage.ts";
import { readHostedParams } from "./readHostedParams.ts";
import { faceFor, newFaceChoice } from "./simulatedPeople.ts";
import type { CaptureOutcome, SimulateOutcome } from "./types.ts";

const captureOutcomes: readonly string[] = [
  "success",
  "failed_to_get_camera_permission",
  "failed_to_complete_face_scan",
  "liveness_check_failed",
] satisfies CaptureOutcome[];

async function formGetter(req: Request): Promise<((name: string) => string | null) | null> {
  // The capture page posts an urlencoded form; anything else, or anything large, is refused.
  const text = await readLimitedText(req);
  if (text === null) return null;
  const form = new URLSearchParams(text);
  return (name) => form.get(name);
}

/**
 * `POST /complete` (the capture form) and `GET /complete` (the meta refresh of a `simulate`
 * session). Stores the outcome and the face, then 302s to `redirect_url` with `session_id`,
 * `success` and, on failure only, `error_message`, keeping the URL's own parameters. A session
 * that is not in progress (never opened, already completed) redirects with `invalid_session_id`.
 * @example
 * await completeSession(ctx, req, new URL(req.url));
 */
export async function completeSession(
  ctx: VerisoulContext,
  req: Request,
  url: URL,
): Promise<Response> {
  const simulated = req.method === "GET";
  const get = simulated ? (name: string) => url.searchParams.get(name) : await formGetter(req);
  const params = get && readHostedParams(get);
  const bad = (detail: string) =>
    htmlResponse(errorPage(params?.lng ?? "en", detail), { status: 400, coop: ctx.scenario.coop });
  if (!get || !params) return bad("Expected a form with an absolute http(s) redirect_url");
  const { sessionId, redirect } = params;
  if (!sessionId) {
    const notFound = { session_id: "", success: "false", error_message: "session_id_not_found" };
    return redirectTo(redirect, notFound);
  }
  const session = ctx.sessions.get(sessionId);
  if (!session || session.state !== "started" || simulated !== (session.simulate !== null)) {
    return redirectTo(redirect, {
      session_id: sessionId,
      success: "false",
      error_message: "invalid_session_id",
    });
  }

  let outcome: SimulateOutcome;
  let face: string | null;
  if (session.simulate !== null) {
    outcome = session.simulate;
    face = faceFor(newFaceChoice, session.id);
  } else {
    const chosen = get("outcome") ?? "";
    if (!captureOutcomes.includes(chosen)) return bad(`Unknown outcome "${chosen}"`);
    outcome = chosen as CaptureOutcome;
    face = faceFor(get("face") ?? newFaceChoice, session.id);
    if (!face) return bad(`Unknown face "${get("face")}"`);
  }
  const scanned = outcome === "success" || outcome === "liveness_check_failed";
  session.state = "completed";
  session.completedAt = ctx.now();
  session.outcome = outcome;
  session.face = scanned ? face : null;
  const success = outcome === "success";
  return redirectTo(redirect, {
    session_id: sessionId,
    success: String(success),
    error_message: success ? null : outcome,
  });
}
