import { parseHttpUrl } from "../internal/redirectTo.ts";

/** Default `redirect_url` of the hosted flow (documented). */
const defaultRedirectUrl = "https://verisoul.ai";

/** The query (or form) parameters every hosted page carries. */
export interface HostedParams {
  /** Empty when missing. */
  sessionId: string;
  redirect: URL;
  /** A safe language tag, `en` by default. */
  lng: string;
}

const lngPattern = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

/**
 * Reads `session_id`, `redirect_url` and `lng`. A `redirect_url` that is not an absolute http(s)
 * URL answers `null`: the page then refuses instead of redirecting somewhere unsafe [I].
 * @example
 * const params = readHostedParams((name) => url.searchParams.get(name));
 */
export function readHostedParams(get: (name: string) => string | null): HostedParams | null {
  const rawRedirect = get("redirect_url");
  const redirect = parseHttpUrl(rawRedirect || defaultRedirectUrl);
  if (!redirect) return null;
  const lng = get("lng") ?? "";
  return {
    sessionId: get("session_id") ?? "",
    redirect,
    lng: lngPattern.test(lng) ? lng : "en",
  };
}
