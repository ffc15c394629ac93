import { escapeHtml, renderPage } from "../internal/htmlResponse.ts";
import { badge, messagesFor } from "./messages.ts";

/**
 * A plain error page (bad `redirect_url`, bad form input): there is nowhere safe to redirect.
 * @example
 * htmlResponse(errorPage("en", "redirect_url must be an absolute http(s) URL"), { status: 400 });
 */
export function errorPage(lng: string, detail: string): string {
  const m = messagesFor(lng);
  const main = `<h1>${escapeHtml(m.errorHeading)}</h1>
<p class="status error" role="alert">${escapeHtml(detail)}</p>`;
  return renderPage({ lang: lng, title: `${m.errorHeading} · ${badge}`, badge, main });
}
