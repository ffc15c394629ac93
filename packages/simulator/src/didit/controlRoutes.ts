import { controlPrefix } from "../internal/createApiHandler.ts";
import { jsonResponse, readJsonObject } from "../internal/jsonResponse.ts";
import { preflight, withCors } from "../internal/withCors.ts";
import type { DiditContext } from "./createDiditContext.ts";
import { diditDetail } from "./diditError.ts";
import { parseDiditScenarioPatch } from "./scenario.ts";

function media(ctx: DiditContext, id: string, which: string): Response {
  const saved = ctx.saved.get(decodeURIComponent(id));
  const image = saved && (which === "source" ? saved.user : saved.ref);
  if (!image) return diditDetail(404, "Not found.");
  return new Response(image.bytes, {
    headers: { "content-type": image.type, "cache-control": "private, max-age=3600" },
  });
}

async function route(ctx: DiditContext, req: Request, path: string): Promise<Response> {
  const action = `${req.method} ${path}`;
  if (action === "GET scenario") return jsonResponse(ctx.scenario);
  if (action === "POST scenario") {
    const parsed = parseDiditScenarioPatch(await readJsonObject(req));
    if (!parsed.ok) return diditDetail(400, parsed.message);
    return jsonResponse(ctx.setScenario(parsed.patch));
  }
  if (action === "POST reset") {
    ctx.reset();
    return jsonResponse({ ok: true });
  }
  if (action === "GET stats") return jsonResponse(ctx.stats());
  const image = /^GET media\/([^/]+)\/(source|target)$/.exec(action);
  if (image?.[1] && image[2]) return media(ctx, image[1], image[2]);
  return diditDetail(404, `Cannot ${req.method} ${controlPrefix}${path}`);
}

/**
 * The simulator's own routes (no API key, CORS for any origin): `GET|POST /__simulator/scenario`,
 * `POST /__simulator/reset`, `GET /__simulator/stats`, and
 * `GET /__simulator/media/{id}/{source|target}` (the images of a saved request).
 * @example
 * await fetch(`${apiUrl}/__simulator/scenario`, { method: "POST", body: '{"credits":0}' });
 */
export async function controlRoutes(ctx: DiditContext, req: Request, url: URL) {
  if (req.method === "OPTIONS") return preflight();
  return withCors(await route(ctx, req, url.pathname.slice(controlPrefix.length)));
}
