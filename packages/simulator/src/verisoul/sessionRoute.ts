import type { VerisoulSessionBody } from "@facekit/core/protocol";
import { isUuid } from "../internal/isUuid.ts";
import { flatError, jsonResponse } from "../internal/jsonResponse.ts";
import type { VerisoulContext } from "./createVerisoulContext.ts";
import { verisoulError } from "./readSessionRequest.ts";

/**
 * `GET /liveness/session?referring_session_id=&simulate=&id=`: mints a fresh session. `simulate`
 * is kept as given, whatever its value (see {@link SimulateOutcome}).
 * @example
 * await sessionRoute(ctx, new URL("http://api.test/liveness/session?simulate=success"));
 */
export function sessionRoute(ctx: VerisoulContext, url: URL): Response {
  const requestId = crypto.randomUUID();
  const referring = url.searchParams.get("referring_session_id");
  if (referring !== null && !isUuid(referring)) {
    return flatError(400, "referring_session_id must be a UUID");
  }
  // A free string on Verisoul's side [C: OpenAPI `simulate: string`]: never refused; an empty
  // value reads as none [I].
  const simulate = url.searchParams.get("simulate") || null;
  if (ctx.scenario.groupsEnabled) return verisoulError("groups_enabled", requestId);

  const id = crypto.randomUUID();
  ctx.sessions.set(id, {
    id,
    kind: url.searchParams.get("id") === "true" ? "id" : "face",
    state: "created",
    createdAt: ctx.now(),
    startedAt: null,
    completedAt: null,
    outcome: null,
    face: null,
    referringSessionId: referring,
    accountId: null,
    enrolledAt: null,
    device: null,
    simulate,
    handoff: false,
    userAgent: null,
    lng: null,
    appOrigin: null,
  });
  const body: VerisoulSessionBody = { request_id: requestId, session_id: id };
  return jsonResponse(body);
}
