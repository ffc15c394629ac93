import { escapeHtml, renderPage } from "../internal/htmlResponse.ts";
import { badge, messagesFor } from "./messages.ts";
import type { HostedParams } from "./readHostedParams.ts";
import type { SimulateOutcome } from "./types.ts";

/**
 * The page of a `simulate` session: no capture, a `<meta http-equiv="refresh">` to
 * `GET /complete` after `delayMs` (whole seconds, rounded up) and a link to continue at once.
 * @example
 * htmlResponse(simulatePage(params, "success", 3000));
 */
export function simulatePage(
  params: HostedParams,
  outcome: SimulateOutcome,
  delayMs: number,
): string {
  const m = messagesFor(params.lng);
  const next = new URL("/complete", "http://x");
  next.searchParams.set("session_id", params.sessionId);
  next.searchParams.set("redirect_url", params.redirect.href);
  next.searchParams.set("lng", params.lng);
  const target = `${next.pathname}${next.search}`;
  const seconds = Math.max(0, Math.ceil(delayMs / 1000));
  const main = `<h1>${escapeHtml(m.simulateHeading)}</h1>
<p class="status" role="status">${escapeHtml(m.simulateText(outcome, seconds))}</p>
<p><a class="button primary" href="${escapeHtml(target)}">${escapeHtml(m.continueNow)}</a></p>`;
  return renderPage({
    lang: params.lng,
    title: `${m.simulateHeading} · ${badge}`,
    badge,
    main,
    head: `<meta http-equiv="refresh" content="${seconds};url=${escapeHtml(target)}">`,
  });
}
