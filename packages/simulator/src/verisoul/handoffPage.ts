import { toString as qrSvg } from "qrcode";
import { escapeHtml, renderPage } from "../internal/htmlResponse.ts";
import { badge, messagesFor } from "./messages.ts";
import type { HostedParams } from "./readHostedParams.ts";

/**
 * The URL a phone opens to continue a desktop session: `{appOrigin}/phone?session_id&redirect_url&lng`.
 * @example
 * phoneUrl("http://127.0.0.1:4011", params).href;
 */
function phoneUrl(appOrigin: string, params: HostedParams): URL {
  const url = new URL("/phone", appOrigin);
  url.searchParams.set("session_id", params.sessionId);
  url.searchParams.set("redirect_url", params.redirect.href);
  url.searchParams.set("lng", params.lng);
  return url;
}

/**
 * The desktop "Continue on your phone" page: an inline SVG QR code of the phone link and the same
 * link as a plain `<a>`. It never redirects to `redirect_url` itself (Verisoul's real desktop
 * behaviour after a phone finishes is undocumented).
 * @example
 * htmlResponse(await handoffPage(url.origin, params));
 */
export async function handoffPage(appOrigin: string, params: HostedParams): Promise<string> {
  const m = messagesFor(params.lng);
  const link = phoneUrl(appOrigin, params).href;
  const svg = (await qrSvg(link, { type: "svg", margin: 1, errorCorrectionLevel: "M" }))
    .trim()
    .replace("<svg ", `<svg role="img" aria-label="${escapeHtml(m.qrLabel)}" `);
  const main = `<h1>${escapeHtml(m.handoffHeading)}</h1>
<p>${escapeHtml(m.handoffIntro)}</p>
<div class="qr">${svg}</div>
<p>${escapeHtml(m.handoffLinkIntro)} <a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>
<p class="status" role="status">${escapeHtml(m.handoffWait)}</p>`;
  return renderPage({ lang: params.lng, title: `${m.handoffHeading} · ${badge}`, badge, main });
}
