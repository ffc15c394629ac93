import { controlPrefix } from "../internal/createApiHandler.ts";
import { jsonResponse, readJsonObject } from "../internal/jsonResponse.ts";
import { preflight, withCors } from "../internal/withCors.ts";
import type { FaceSignContext } from "./createFaceSignContext.ts";
import { finishDeepfake } from "./faceSignDeepfake.ts";
import { facesignError } from "./facesignError.ts";
import { parseFaceSignScenarioPatch } from "./scenario.ts";

async function route(ctx: FaceSignContext, req: Request, path: string): Promise<Response> {
  const action = `${req.method} ${path}`;
  if (action === "GET scenario") return jsonResponse(ctx.scenario);
  if (action === "POST scenario") {
    const parsed = parseFaceSignScenarioPatch(await readJsonObject(req));
    if (!parsed.ok) return facesignError(400, "validation_error", parsed.message);
    return jsonResponse(ctx.setScenario(parsed.patch));
  }
  if (action === "POST reset") {
    ctx.reset();
    return jsonResponse({ ok: true });
  }
  if (action === "GET stats") return jsonResponse(ctx.stats());
  const session = /^GET sessions\/([^/]+)$/.exec(action);
  if (session?.[1]) {
    const found = ctx.sessions.get(decodeURIComponent(session[1]));
    return found
      ? jsonResponse({ ...found.session, currentNodeId: found.currentNodeId })
      : facesignError(404, "not_found_error", "Session not found");
  }
  const deepfake = /^POST sessions\/([^/]+)\/deepfake$/.exec(action);
  if (deepfake?.[1]) return await deliverDeepfake(ctx, req, decodeURIComponent(deepfake[1]));
  return facesignError(404, "not_found_error", `Cannot ${req.method} ${controlPrefix}${path}`);
}

const deepfakeOutcomes = ["authentic", "manipulated", "unknown", "failed"] as const;

/** `POST sessions/{id}/deepfake` `{verdict}`: ends a pending analysis (409 when none is pending). */
async function deliverDeepfake(ctx: FaceSignContext, req: Request, id: string) {
  const record = ctx.sessions.get(id);
  if (!record) return facesignError(404, "not_found_error", "Session not found");
  const verdict = (await readJsonObject(req))?.verdict;
  const outcome = deepfakeOutcomes.find((o) => o === verdict);
  if (!outcome) {
    return facesignError(
      400,
      "validation_error",
      `verdict must be one of ${deepfakeOutcomes.join(", ")}`,
    );
  }
  if (!finishDeepfake(ctx, record, outcome)) {
    return facesignError(409, "validation_error", "This session has no pending deepfake analysis");
  }
  return jsonResponse(structuredClone(record.session));
}

/**
 * The simulator's own routes (no API key, CORS for any origin): `GET|POST /__simulator/scenario`,
 * `POST /__simulator/reset`, `GET /__simulator/stats`, `GET /__simulator/sessions/{id}`,
 * `POST /__simulator/sessions/{id}/deepfake` `{verdict}` (ends a pending deepfake analysis).
 * @example
 * await fetch(`${apiUrl}/__simulator/scenario`, { method: "POST", body: '{"latencyMs":200}' });
 */
export async function controlRoutes(ctx: FaceSignContext, req: Request, url: URL) {
  if (req.method === "OPTIONS") return preflight();
  return withCors(await route(ctx, req, url.pathname.slice(controlPrefix.length)));
}
