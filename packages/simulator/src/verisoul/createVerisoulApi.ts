import { createApiHandler } from "../internal/createApiHandler.ts";
import { flatError } from "../internal/jsonResponse.ts";
import { sleep } from "../internal/sleep.ts";
import { controlRoutes } from "./controlRoutes.ts";
import type { VerisoulContext } from "./createVerisoulContext.ts";
import { enrollRoute } from "./enrollRoute.ts";
import { sessionRoute } from "./sessionRoute.ts";
import { verifyFaceRoute } from "./verifyFaceRoute.ts";
import { verifyIdentityRoute } from "./verifyIdentityRoute.ts";

type Route = (ctx: VerisoulContext, req: Request, url: URL) => Response | Promise<Response>;

const routes: Record<string, Route | undefined> = {
  "GET /liveness/session": (ctx, _req, url) => sessionRoute(ctx, url),
  "POST /liveness/verify-face": (ctx, req) => verifyFaceRoute(ctx, req),
  "POST /liveness/verify-identity": (ctx, req) => verifyIdentityRoute(ctx, req),
  "POST /liveness/enroll": (ctx, req) => enrollRoute(ctx, req),
};

async function vendorCall(ctx: VerisoulContext, req: Request, url: URL): Promise<Response> {
  ctx.countRequest(url.pathname);
  await sleep(ctx.scenario.latencyMs);
  const route = routes[`${req.method} ${url.pathname}`];
  if (!route) return flatError(404, `Cannot ${req.method} ${url.pathname}`);
  const key = req.headers.get("x-api-key");
  if (!key || !ctx.apiKeys.has(key)) return flatError(401, "Unauthorized");
  const limit = ctx.limiter.take(key);
  if (!limit.ok) {
    // Verisoul documents no rate-limit headers; Retry-After is our inference.
    return flatError(429, "Too Many Requests", { "retry-after": String(limit.retryAfterSeconds) });
  }
  return ctx.takeFault() ?? (await route(ctx, req, url));
}

/**
 * The API origin of the Verisoul simulator (`api.sandbox.verisoul.ai`). Order per vendor call:
 * latency, route (404), `x-api-key` (401), rate limit (429), injected fault, then the route.
 * Nothing throws out: unexpected errors become a flat 500.
 * @example
 * const api = createVerisoulApi(ctx);
 * await api(new Request("http://api.test/liveness/session", { headers: { "x-api-key": key } }));
 */
export function createVerisoulApi(ctx: VerisoulContext): (req: Request) => Promise<Response> {
  return createApiHandler("verisoul", {
    control: (req, url) => controlRoutes(ctx, req, url),
    vendor: (req, url) => vendorCall(ctx, req, url),
    serverError: () => flatError(500, "Internal server error"),
  });
}
