import type { VerisoulVerifyFaceBody } from "@facekit/core/protocol";
import type { SimulatedSession } from "./types.ts";

type SessionData = NonNullable<VerisoulVerifyFaceBody["session_data"]>;

const defaultUserAgent =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

const places = [
  ["North America", "US", "New York", "New York", "10001", "America/New_York", 40.7506, -73.9972],
  ["Europe", "ES", "Madrid", "Madrid", "28013", "Europe/Madrid", 40.4168, -3.7038],
  ["Europe", "FR", "Ile-de-France", "Paris", "75001", "Europe/Paris", 48.8606, 2.3376],
] as const;

const languages: Record<string, string> = { en: "en-US", es: "es-ES", fr: "fr-FR" };

const deviceKinds = {
  desktop: { category: "desktop", type: "Desktop" },
  mobile: { category: "mobile", type: "Smartphone" },
  tablet: { category: "tablet", type: "Tablet" },
};

const gpus: Record<string, string> = {
  desktop: "ANGLE (Intel, Mesa Intel(R) UHD Graphics)",
  mobile: "Adreno (TM) 740",
  tablet: "Adreno (TM) 740",
};

const browsers: [RegExp, string][] = [
  [/Edg\/([\d.]+)/, "Edge"],
  [/Firefox\/([\d.]+)/, "Firefox"],
  [/(?:Chrome|CriOS)\/([\d.]+)/, "Chrome"],
  [/Version\/([\d.]+).*Safari/, "Safari"],
];

function browserOf(ua: string): { type: string; version: string } {
  for (const [pattern, type] of browsers) {
    const version = pattern.exec(ua)?.[1];
    if (version) return { type, version };
  }
  return { type: "Chrome", version: "126.0.0.0" };
}

function osOf(ua: string): string {
  const ios = /(?:iPhone|iPad).*? OS (\d+)_(\d+)/.exec(ua);
  if (ios) return `iOS ${ios[1]}.${ios[2]}`;
  const android = /Android (\d+)/.exec(ua);
  if (android) return `Android ${android[1]}`;
  if (/Windows NT 10/.test(ua)) return "Windows 10";
  const mac = /Mac OS X (\d+)[_.](\d+)/.exec(ua);
  if (mac) return `macOS ${mac[1]}.${mac[2]}`;
  return /Linux/.test(ua) ? "Linux" : "Unknown";
}

/**
 * Plausible `session_data` for a session: network, location, browser and device, derived from
 * the User-Agent that opened the hosted page and `rand` (seeded per session).
 * @example
 * simulatedSessionData(session, seededRandom(session.id), []).device?.category; // "desktop"
 */
export function simulatedSessionData(
  session: SimulatedSession,
  rand: () => number,
  flags: readonly string[],
): SessionData {
  const ua = session.userAgent ?? defaultUserAgent;
  const place = places[Math.floor(rand() * places.length)] ?? places[0];
  const [continent, country, state, city, zip, timezone, latitude, longitude] = place;
  const mobile = session.device === "mobile";
  const os = osOf(ua);
  const apple = os.startsWith("iOS") || os.startsWith("macOS");
  const kind = /iPad|Tablet/.test(ua)
    ? deviceKinds.tablet
    : deviceKinds[mobile ? "mobile" : "desktop"];
  let connection = mobile ? "mobile" : "residential";
  if (flags.includes("datacenter_detected")) connection = "datacenter";
  return {
    true_country_code: country,
    network: {
      ip_address: `203.0.113.${1 + Math.floor(rand() * 254)}`,
      service_provider: "Simulated Broadband Inc.",
      connection_type: connection,
    },
    location: {
      continent,
      country_code: country,
      state,
      city,
      zip_code: zip,
      timezone,
      latitude,
      longitude,
    },
    browser: {
      ...browserOf(ua),
      language: languages[session.lng ?? "en"] ?? session.lng ?? "en-US",
      user_agent: ua,
      timezone,
    },
    device: {
      ...kind,
      os,
      cpu_cores: mobile ? 6 : 8,
      memory: mobile ? 4 : 16,
      gpu: apple ? "Apple GPU" : (gpus[kind.category] ?? "Simulated GPU"),
    },
  };
}
