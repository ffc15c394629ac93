import type { FaceSignNode, FaceSignSessionBody } from "@facekit/core/protocol";
import { jsonResponse, readJsonObject } from "../internal/jsonResponse.ts";
import type { FaceSignContext, FaceSignRecord } from "./createFaceSignContext.ts";
import { facesignError } from "./facesignError.ts";
import { mintSecret } from "./sessionLifecycle.ts";
import { validateSettings } from "./validateSettings.ts";

/** Legacy `modules` sessions get a one-step stand-in flow naming the modules. */
function modulesFlow(modules: unknown[]): FaceSignNode[] {
  const names = modules.map((m) => (typeof m === "string" ? m : JSON.stringify(m))).join(", ");
  return [
    { id: "start", type: "start", outcome: "modules" },
    {
      id: "modules",
      type: "conversation",
      prompt: `Say: Simulated legacy modules: ${names}.`,
      outcomes: [{ id: "done", condition: "", targetNodeId: "end" }],
    },
    { id: "end", type: "end" },
  ];
}

/**
 * `POST /sessions`: validates the settings and answers 200 `{ session, clientSecret }`. A session
 * with both `flow` and `modules` walks the flow.
 * @example
 * await createSessionRoute(ctx, req); // status "created", secret "cs...", expireAt = +2 h
 */
export async function createSessionRoute(ctx: FaceSignContext, req: Request): Promise<Response> {
  const result = validateSettings(await readJsonObject(req));
  if (!result.ok) return facesignError(400, "validation_error", result.message, result.code);
  const { settings } = result;
  const id = crypto.randomUUID();
  const record: FaceSignRecord = {
    session: { id, createdAt: ctx.now(), status: "created", settings, version: "simulator-1" },
    clientSecret: mintSecret(ctx, id),
    flow: structuredClone(settings.flow ?? modulesFlow(settings.modules ?? [])),
    currentNodeId: null,
    transcript: [],
    outcomesTaken: [],
    visits: [],
    lang: null,
  };
  ctx.sessions.set(id, record);
  const body: FaceSignSessionBody = {
    session: structuredClone(record.session),
    clientSecret: { ...record.clientSecret },
  };
  return jsonResponse(body);
}
