import { createApiHandler } from "../internal/createApiHandler.ts";
import { sleep } from "../internal/sleep.ts";
import { controlRoutes } from "./controlRoutes.ts";
import type { DiditContext } from "./createDiditContext.ts";
import { decisionRoute } from "./decisionRoute.ts";
import { diditDetail } from "./diditError.ts";
import { faceMatchRoute } from "./faceMatchRoute.ts";

type Route = (
  ctx: DiditContext,
  req: Request,
  url: URL,
  id: string,
  sandbox: boolean,
) => Promise<Response> | Response;

const routes: [RegExp, Route][] = [
  [
    /^POST \/v3\/face-match\/$/,
    (ctx, req, _url, _id, sandbox) => faceMatchRoute(ctx, req, sandbox),
  ],
  [/^GET \/v3\/session\/([^/]+)\/decision\/$/, (ctx, _req, url, id) => decisionRoute(ctx, url, id)],
];

/** Didit's documented body for a missing or invalid `x-api-key` [C]. */
const noPermission = "You do not have permission to perform this action.";

/** 429 with the four headers Didit sends on 429 only [C]. */
function rateLimited(ctx: DiditContext, method: string, key: string): Response | null {
  const { limiter, limit } = ctx.limiterFor(method);
  const decision = limiter.take(key);
  if (decision.ok) return null;
  const wait = decision.retryAfterSeconds;
  return diditDetail(429, `Request was throttled. Expected available in ${wait} seconds.`, {
    "x-ratelimit-limit": String(limit),
    "x-ratelimit-remaining": "0",
    "x-ratelimit-reset": String(Math.ceil(ctx.now() / 1000) + wait),
    "retry-after": String(wait),
  });
}

async function vendorCall(ctx: DiditContext, req: Request, url: URL): Promise<Response> {
  ctx.countRequest(url.pathname);
  await sleep(ctx.scenario.latencyMs);
  const action = `${req.method} ${url.pathname}`;
  const found = routes.map(([re, r]) => [re.exec(action), r] as const).find(([m]) => m);
  if (!found) return diditDetail(404, "Not found.");
  const key = req.headers.get("x-api-key") ?? "";
  const sandbox = ctx.sandboxKeys.has(key);
  // Missing or invalid key: 403 with DRF's permission text, never 401 [C].
  if (!sandbox && !ctx.apiKeys.has(key)) return diditDetail(403, noPermission);
  const [match, route] = found;
  return (
    rateLimited(ctx, req.method, key) ??
    ctx.takeFault() ??
    (await route(ctx, req, url, match?.[1] ?? "", sandbox))
  );
}

/**
 * The API origin of the Didit simulator (`https://verification.didit.me`). Order per call:
 * latency, route (404), `x-api-key` (missing or unknown: 403, never 401; a sandbox key picks
 * the sandbox answer), rate limit (429), injected fault, then the route. Nothing throws out:
 * unexpected errors become a 500.
 * @example
 * const api = createDiditApi(ctx);
 * await api(new Request("http://api.test/v3/face-match/", { method: "POST", body: form }));
 */
export function createDiditApi(ctx: DiditContext): (req: Request) => Promise<Response> {
  return createApiHandler("didit", {
    control: (req, url) => controlRoutes(ctx, req, url),
    vendor: (req, url) => vendorCall(ctx, req, url),
    serverError: () => diditDetail(500, "A server error occurred."),
  });
}
