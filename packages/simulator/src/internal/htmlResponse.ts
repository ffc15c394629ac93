/**
 * HTML for simulated hosted pages: escaping, one page layout and the response headers (a strict
 * CSP without any script source, optional COOP). Vendor-neutral so every fake shares it.
 */

/**
 * Escapes text for HTML element content and double-quoted attributes.
 * @example
 * `<input value="${escapeHtml(url)}">`
 */
export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** What {@link renderPage} puts in the layout. Everything except `main` and `head` is escaped. */
export interface PageParts {
  lang: string;
  title: string;
  /** Vendor name for the banner, e.g. "Simulated Verisoul". */
  badge: string;
  /** Trusted HTML for `<main>`. */
  main: string;
  /** Trusted extra HTML for `<head>` (e.g. a meta refresh). */
  head?: string;
}

/**
 * A complete HTML document with the shared stylesheet (`/sim.css`) and a banner saying it is a
 * simulator.
 * @example
 * renderPage({ lang: "en", title: "Verify", badge: "Simulated Verisoul", main: "<h1>Hi</h1>" });
 */
export function renderPage(parts: PageParts): string {
  return `<!doctype html>
<html lang="${escapeHtml(parts.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>
<link rel="stylesheet" href="/sim.css">
${parts.head ?? ""}
</head>
<body>
<header class="banner"><span class="badge">${escapeHtml(parts.badge)}</span><span class="by">FaceKit simulator &middot; not the real service</span></header>
<main class="card">
${parts.main}
</main>
</body>
</html>
`;
}

/** Options of {@link htmlResponse}. */
export interface HtmlResponseOptions {
  status?: number;
  /** Send `Cross-Origin-Opener-Policy: same-origin`. */
  coop?: boolean;
  /** Extra `form-action` sources (origins a form submission may redirect to). */
  formTargets?: string[];
}

/**
 * An HTML `Response` with a strict CSP: no scripts at all, styles only from this origin.
 * @example
 * return htmlResponse(renderPage(parts), { coop: scenario.coop, formTargets: [redirect.origin] });
 */
export function htmlResponse(html: string, options: HtmlResponseOptions = {}): Response {
  const formAction = ["'self'", ...(options.formTargets ?? [])].join(" ");
  const headers = new Headers({
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "content-security-policy": `default-src 'none'; style-src 'self'; img-src 'self' data:; form-action ${formAction}; base-uri 'none'`,
  });
  if (options.coop) headers.set("cross-origin-opener-policy", "same-origin");
  return new Response(html, { status: options.status ?? 200, headers });
}
