import type { VerisoulVerifyIdentityBody } from "@facekit/core/protocol";
import { jsonResponse } from "../internal/jsonResponse.ts";
import type { VerisoulContext } from "./createVerisoulContext.ts";
import { readSessionRequest, verisoulError } from "./readSessionRequest.ts";
import { verifyError } from "./verifyError.ts";

/**
 * `POST /liveness/verify-identity {session_id, account_id}`: 1:1 authentication. A different
 * face is `{success: true, match: false}`, not an error; an account without an enrolled face is
 * `account_not_found`.
 * @example
 * await verifyIdentityRoute(ctx, new Request(url, { method: "POST", body }));
 */
export async function verifyIdentityRoute(ctx: VerisoulContext, req: Request): Promise<Response> {
  const input = await readSessionRequest(req, { account: true });
  if (input instanceof Response) return input;
  const requestId = crypto.randomUUID();
  const session = ctx.sessions.get(input.sessionId);
  const error = verifyError(session);
  if (error || !session) return verisoulError(error ?? "session_not_found", requestId);
  const enrolled = ctx.enrolments.filter((e) => e.accountId === input.accountId);
  if (enrolled.length === 0) return verisoulError("account_not_found", requestId);
  const body: VerisoulVerifyIdentityBody = {
    request_id: requestId,
    success: true,
    match: enrolled.some((e) => e.face === session.face),
  };
  return jsonResponse(body);
}
