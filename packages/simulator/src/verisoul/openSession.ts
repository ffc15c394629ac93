import { htmlResponse } from "../internal/htmlResponse.ts";
import { isMobileUserAgent } from "../internal/isMobileUserAgent.ts";
import { redirectTo } from "../internal/redirectTo.ts";
import { capturePage } from "./capturePage.ts";
import type { VerisoulContext } from "./createVerisoulContext.ts";
import { errorPage } from "./errorPage.ts";
import { handoffPage } from "./handoffPage.ts";
import { readHostedParams } from "./readHostedParams.ts";
import { simulatePage } from "./simulatePage.ts";
import type { SimulatedSession } from "./types.ts";

/**
 * True when a never-opened session can no longer be opened (TTL passed or `expireSessions`).
 * @example
 * if (session.state === "created" && isExpired(ctx, session)) return fail("invalid_session_id");
 */
function isExpired(ctx: VerisoulContext, session: SimulatedSession): boolean {
  return ctx.scenario.expireSessions || ctx.now() - session.createdAt > ctx.sessionTtlMs;
}

/**
 * `GET /?session_id&redirect_url&lng` (`via: "desktop"`, the documented entry) and
 * `GET /phone?...` (`via: "phone"`, the QR hand-off link). Opening starts the session's one
 * attempt; a used, unknown or expired token redirects with `invalid_session_id`, a missing one
 * with `session_id_not_found`. The phone may continue an attempt its desktop page handed off.
 * @example
 * await openSession(ctx, req, new URL(req.url), "desktop");
 */
export async function openSession(
  ctx: VerisoulContext,
  req: Request,
  url: URL,
  via: "desktop" | "phone",
): Promise<Response> {
  const params = readHostedParams((name) => url.searchParams.get(name));
  const { coop } = ctx.scenario;
  if (!params) {
    return htmlResponse(errorPage("en", "redirect_url must be an absolute http(s) URL"), {
      status: 400,
      coop,
    });
  }
  const fail = (error_message: string, session_id = params.sessionId) =>
    redirectTo(params.redirect, { session_id, success: "false", error_message });
  if (!params.sessionId) return fail("session_id_not_found", "");
  const session = ctx.sessions.get(params.sessionId);
  if (!session) return fail("invalid_session_id");
  const continuing = via === "phone" && session.state === "started" && session.handoff;
  if (!continuing && (session.state !== "created" || isExpired(ctx, session))) {
    return fail("invalid_session_id");
  }

  const userAgent = req.headers.get("user-agent");
  const mobile = via === "phone" || isMobileUserAgent(userAgent);
  session.state = "started";
  session.startedAt ??= ctx.now();
  session.device = mobile ? "mobile" : "desktop";
  session.userAgent = userAgent;
  session.lng = params.lng;
  session.appOrigin = url.origin;

  const options = { coop, formTargets: [params.redirect.origin] };
  if (session.simulate) {
    return htmlResponse(
      simulatePage(params, session.simulate, ctx.scenario.simulateDelayMs),
      options,
    );
  }
  const { handoff } = ctx.scenario;
  if (via === "desktop" && (handoff === "always" || (handoff === "auto" && !mobile))) {
    session.handoff = true;
    return htmlResponse(await handoffPage(url.origin, params), options);
  }
  return htmlResponse(capturePage(params), options);
}
