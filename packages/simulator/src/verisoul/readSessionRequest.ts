import type { VerisoulErrorBody } from "@facekit/core/protocol";
import { isUuid } from "../internal/isUuid.ts";
import { flatError, jsonResponse, readJsonObject } from "../internal/jsonResponse.ts";

/**
 * Verisoul's 400 envelope `{request_id, success: false, error}`.
 * @example
 * return verisoulError("session_not_found", requestId);
 */
export function verisoulError(error: string, requestId: string): Response {
  const body: VerisoulErrorBody = { request_id: requestId, success: false, error };
  return jsonResponse(body, 400);
}

/** A validated `{session_id, account_id?}` request body. */
export interface SessionRequest {
  sessionId: string;
  /** Set when the route asked for it. */
  accountId: string;
}

/**
 * Reads the JSON body of verify-face / verify-identity / enroll. Malformed input (not JSON, a
 * missing or non-UUID `session_id`, a missing `account_id` when required) answers a flat 400
 * `Response` instead, like a framework validation error rather than Verisoul's own envelope.
 * @example
 * const input = await readSessionRequest(req, { account: true });
 * if (input instanceof Response) return input;
 */
export async function readSessionRequest(
  req: Request,
  options: { account: boolean },
): Promise<SessionRequest | Response> {
  const body = await readJsonObject(req);
  if (!body) return flatError(400, "Request body must be a JSON object");
  if (!isUuid(body.session_id)) return flatError(400, "session_id must be a UUID");
  const account = body.account_id;
  if (!options.account) return { sessionId: body.session_id, accountId: "" };
  if (typeof account !== "string" || account.length === 0 || account.length > 256) {
    return flatError(400, "account_id must be a non-empty string");
  }
  return { sessionId: body.session_id, accountId: account };
}
