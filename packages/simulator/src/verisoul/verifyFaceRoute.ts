import { jsonResponse } from "../internal/jsonResponse.ts";
import { buildVerifyFaceBody } from "./buildVerifyFaceBody.ts";
import type { VerisoulContext } from "./createVerisoulContext.ts";
import { readSessionRequest, verisoulError } from "./readSessionRequest.ts";
import { verifyError } from "./verifyError.ts";

/**
 * `POST /liveness/verify-face {session_id}`: liveness and 1:N uniqueness result.
 * @example
 * await verifyFaceRoute(ctx, new Request(url, { method: "POST", body: JSON.stringify({ session_id }) }));
 */
export async function verifyFaceRoute(ctx: VerisoulContext, req: Request): Promise<Response> {
  const input = await readSessionRequest(req, { account: false });
  if (input instanceof Response) return input;
  const requestId = crypto.randomUUID();
  const session = ctx.sessions.get(input.sessionId);
  const error = verifyError(session);
  if (error || !session) return verisoulError(error ?? "session_not_found", requestId);
  return jsonResponse(buildVerifyFaceBody(ctx, session, requestId));
}
