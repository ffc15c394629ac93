import { FaceKitError } from "@facekit/core/protocol";
import { matchLocale } from "../internal/matchLocale.ts";
import { createVerisoulClient } from "./createVerisoulClient.ts";
import type { VerisoulClient, VerisoulConfig } from "./types.ts";

const appBaseUrls = {
  sandbox: "https://app.sandbox.verisoul.ai",
  production: "https://app.prod.verisoul.ai",
} as const;

/** {@link VerisoulConfig} with every default applied and its client built. */
export interface ResolvedVerisoul {
  client: VerisoulClient;
  appBaseUrl: string;
  redirectUrl: string;
  defaultLang: string | undefined;
  /** What the browser's `locale` may pick as the hosted flow's `lng`. */
  langs: string[];
  sessionTtlMs: number;
  authenticate: boolean;
  enroll: boolean;
  simulate: string | undefined;
  pendingLookupIntervalMs: number;
  onResult: VerisoulConfig["onResult"];
}

function misconfigured(message: string): FaceKitError {
  return new FaceKitError("misconfigured", `createFaceKitHandler: ${message}`);
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== "string" || !URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === "https:" || protocol === "http:";
}

/**
 * Applies defaults and checks the Verisoul config once, at server creation, so a wrong setting
 * fails at boot with a message naming the fix rather than on the first user.
 * @example
 * const verisoul = config.verisoul && resolveVerisoul(config.verisoul);
 */
export function resolveVerisoul(config: VerisoulConfig): ResolvedVerisoul {
  if (!isHttpUrl(config.redirectUrl)) {
    throw misconfigured(
      `verisoul.redirectUrl must be the absolute URL of your callback page (e.g. "https://app.example.com/facekit/callback"), got ${JSON.stringify(config.redirectUrl)}.`,
    );
  }
  const appBaseUrl = config.appBaseUrl ?? appBaseUrls[config.environment ?? "sandbox"];
  if (!isHttpUrl(appBaseUrl)) {
    throw misconfigured(
      `verisoul.appBaseUrl must be an absolute URL, got ${JSON.stringify(appBaseUrl)}.`,
    );
  }
  const sessionTtlMs = config.sessionTtlMs ?? 10 * 60_000;
  if (!Number.isFinite(sessionTtlMs) || sessionTtlMs <= 0) {
    throw misconfigured("verisoul.sessionTtlMs must be a positive number of milliseconds.");
  }
  const langs = config.langs ?? (config.defaultLang ? [config.defaultLang] : []);
  if (!Array.isArray(langs) || !langs.every((l) => typeof l === "string" && l !== "")) {
    throw misconfigured(
      `verisoul.langs must list language codes, e.g. ["en", "es", "fr"]; got ${JSON.stringify(langs)}.`,
    );
  }
  const pendingLookupIntervalMs = config.pendingLookupIntervalMs ?? 2_000;
  if (!Number.isFinite(pendingLookupIntervalMs) || pendingLookupIntervalMs < 0) {
    throw misconfigured(
      "verisoul.pendingLookupIntervalMs must be a number of milliseconds, 0 or more.",
    );
  }
  return {
    client: createVerisoulClient(config),
    appBaseUrl,
    redirectUrl: config.redirectUrl,
    defaultLang: config.defaultLang,
    langs: [...langs],
    sessionTtlMs,
    authenticate: config.authenticate ?? false,
    enroll: config.enroll ?? false,
    simulate: config.simulate,
    pendingLookupIntervalMs,
    onResult: config.onResult,
  };
}

/**
 * The hosted-flow URL: `${appBaseUrl}/?session_id=..&redirect_url=..&lng=..`; `lng` is the one of
 * `langs` that serves `locale` (the browser's), else the configured `defaultLang`.
 * @example
 * hostedFlowUrl(verisoul, "3f2a...", "es-MX") // "https://app.sandbox.verisoul.ai/?session_id=3f2a...&redirect_url=...&lng=es"
 */
export function hostedFlowUrl(
  verisoul: ResolvedVerisoul,
  sessionId: string,
  locale?: string,
): string {
  const url = new URL(verisoul.appBaseUrl);
  if (!url.pathname.endsWith("/")) url.pathname = `${url.pathname}/`;
  url.search = "";
  url.searchParams.set("session_id", sessionId);
  url.searchParams.set("redirect_url", verisoul.redirectUrl);
  const lng = matchLocale(locale, verisoul.langs) ?? verisoul.defaultLang;
  if (lng) url.searchParams.set("lng", lng);
  return url.toString();
}
