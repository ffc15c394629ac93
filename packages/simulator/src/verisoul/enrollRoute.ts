import type { VerisoulEnrollBody } from "@facekit/core/protocol";
import { jsonResponse } from "../internal/jsonResponse.ts";
import type { VerisoulContext } from "./createVerisoulContext.ts";
import { readSessionRequest, verisoulError } from "./readSessionRequest.ts";
import { enrollError } from "./verifyError.ts";

/**
 * `POST /liveness/enroll {session_id, account_id}`: ties the session's face to an account, so
 * later sessions of the same face link to it (`repeat_face`) and verify-identity can match it.
 * @example
 * await enrollRoute(ctx, new Request(url, { method: "POST", body }));
 */
export async function enrollRoute(ctx: VerisoulContext, req: Request): Promise<Response> {
  const input = await readSessionRequest(req, { account: true });
  if (input instanceof Response) return input;
  const requestId = crypto.randomUUID();
  const session = ctx.sessions.get(input.sessionId);
  const now = ctx.now();
  const error = enrollError(session, now);
  if (error || !session || session.face === null) {
    return verisoulError(error ?? "session_not_complete", requestId);
  }
  session.state = "enrolled";
  session.accountId = input.accountId;
  session.enrolledAt = now;
  ctx.enrolments.push({
    accountId: input.accountId,
    face: session.face,
    sessionId: session.id,
    at: now,
  });
  const body: VerisoulEnrollBody = { request_id: requestId, success: true };
  return jsonResponse(body);
}
