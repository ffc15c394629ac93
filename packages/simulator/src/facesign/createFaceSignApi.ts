import { createApiHandler } from "../internal/createApiHandler.ts";
import { sleep } from "../internal/sleep.ts";
import { avatarsRoute, langsRoute } from "./catalogRoutes.ts";
import { controlRoutes } from "./controlRoutes.ts";
import type { FaceSignContext } from "./createFaceSignContext.ts";
import { createSessionRoute } from "./createSessionRoute.ts";
import { facesignError } from "./facesignError.ts";
import { listSessionsRoute } from "./listSessionsRoute.ts";
import { getSessionRoute, refreshSecretRoute } from "./readSessionRoutes.ts";

type Route = (
  ctx: FaceSignContext,
  req: Request,
  url: URL,
  id: string,
) => Response | Promise<Response>;

const routes: [RegExp, Route][] = [
  [/^POST \/sessions$/, (ctx, req) => createSessionRoute(ctx, req)],
  [/^GET \/sessions$/, (ctx, _req, url) => listSessionsRoute(ctx, url)],
  [/^GET \/sessions\/([^/]+)$/, (ctx, _req, _url, id) => getSessionRoute(ctx, id)],
  [/^GET \/sessions\/([^/]+)\/refresh$/, (ctx, _req, _url, id) => refreshSecretRoute(ctx, id)],
  [/^GET \/langs$/, () => langsRoute()],
  [/^GET \/avatars$/, (ctx) => avatarsRoute(ctx)],
];

function rateLimited(ctx: FaceSignContext, key: string): Response | null {
  const { limiter, limit } = ctx.limiterFor(key);
  const decision = limiter.take(key);
  if (decision.ok) return null;
  const reset = Math.ceil(ctx.now() / 1000) + decision.retryAfterSeconds;
  return facesignError(429, "rate_limit_error", "Too many requests", "rate_limit_exceeded", {
    "x-ratelimit-limit": String(limit),
    "x-ratelimit-remaining": "0",
    "x-ratelimit-reset": String(reset),
    "retry-after": String(decision.retryAfterSeconds),
  });
}

async function vendorCall(ctx: FaceSignContext, req: Request, url: URL): Promise<Response> {
  // Any `Facesign-Version` is accepted (what FaceSign changes by version is undocumented).
  ctx.countRequest(url.pathname, req.headers.get("facesign-version"));
  await sleep(ctx.scenario.latencyMs);
  const action = `${req.method} ${url.pathname}`;
  const found = routes.map(([re, r]) => [re.exec(action), r] as const).find(([m]) => m);
  if (!found) return facesignError(404, "not_found_error", `Cannot ${action}`);
  const auth = req.headers.get("authorization");
  if (!auth) {
    return facesignError(
      401,
      "authentication_error",
      "Missing Authorization header",
      "invalid_api_key",
    );
  }
  const key = /^Bearer (\S+)$/.exec(auth)?.[1];
  if (!key || !/^sk_(test|prod)_\S+$/.test(key)) {
    return facesignError(401, "authentication_error", "Invalid API key", "invalid_api_key");
  }
  const [match, route] = found;
  return rateLimited(ctx, key) ?? ctx.takeFault() ?? (await route(ctx, req, url, match?.[1] ?? ""));
}

/**
 * The API origin of the FaceSign simulator (`https://api.facesign.ai`). Order per vendor call:
 * latency, route (404), Bearer key (401), rate limit (429 + `X-RateLimit-*`), injected fault,
 * then the route. Nothing throws out: unexpected errors become a 500 `server_error`.
 * @example
 * const api = createFaceSignApi(ctx);
 * await api(new Request("http://api.test/langs", { headers: { authorization: `Bearer ${key}` } }));
 */
export function createFaceSignApi(ctx: FaceSignContext): (req: Request) => Promise<Response> {
  return createApiHandler("facesign", {
    control: (req, url) => controlRoutes(ctx, req, url),
    vendor: (req, url) => vendorCall(ctx, req, url),
    serverError: () => facesignError(500, "server_error", "Internal server error"),
  });
}
