import { controlPrefix } from "../internal/createApiHandler.ts";
import { flatError, jsonResponse, readJsonObject } from "../internal/jsonResponse.ts";
import { preflight, withCors } from "../internal/withCors.ts";
import type { VerisoulContext } from "./createVerisoulContext.ts";
import { parseScenarioPatch } from "./parseScenarioPatch.ts";

async function route(ctx: VerisoulContext, req: Request, path: string): Promise<Response> {
  const action = `${req.method} ${path}`;
  if (action === "GET scenario") return jsonResponse(ctx.scenario);
  if (action === "POST scenario") {
    const body = await readJsonObject(req);
    const parsed = parseScenarioPatch(body);
    if (!parsed.ok) return flatError(400, parsed.message);
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
    return found ? jsonResponse(found) : flatError(404, "Session not found");
  }
  return flatError(404, `Cannot ${req.method} ${controlPrefix}${path}`);
}

/**
 * The simulator's own routes (no API key, CORS for any origin): `GET|POST /__simulator/scenario`,
 * `POST /__simulator/reset`, `GET /__simulator/stats`, `GET /__simulator/sessions/{id}`.
 * @example
 * await fetch(`${apiUrl}/__simulator/scenario`, { method: "POST", body: '{"coop":true}' });
 */
export async function controlRoutes(ctx: VerisoulContext, req: Request, url: URL) {
  if (req.method === "OPTIONS") return preflight();
  return withCors(await route(ctx, req, url.pathname.slice(controlPrefix.length)));
}
