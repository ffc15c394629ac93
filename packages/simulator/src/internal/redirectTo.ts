/**
 * Parses an absolute `http:`/`https:` URL. Anything else (relative, `javascript:`, garbage)
 * answers `null`, so a hosted page never redirects to a script URL.
 * @example
 * parseHttpUrl("https://app.example/cb?x=1")?.origin; // "https://app.example"
 */
export function parseHttpUrl(value: string | null | undefined): URL | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url : null;
}

/**
 * A 302 to `target` with `params` added to its query. Parameters already in `target` are kept;
 * a parameter of the same name is replaced, and a `null` value removes it. The fragment is kept.
 * @example
 * redirectTo("https://app.example/cb?from=signup", { session_id: id, success: "true" });
 * // Location: https://app.example/cb?from=signup&session_id=...&success=true
 */
export function redirectTo(target: string | URL, params: Record<string, string | null>): Response {
  const url = new URL(target);
  for (const [name, value] of Object.entries(params)) {
    if (value === null) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  return new Response(null, {
    status: 302,
    headers: { location: url.href, "cache-control": "no-store" },
  });
}
