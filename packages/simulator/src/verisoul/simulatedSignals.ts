/**
 * Device/network and referring-session signals of a simulated session: low background values,
 * high values for the signals behind each risk flag present, deterministic per session.
 */

const deviceNetworkKeys = [
  "device_risk",
  "proxy",
  "vpn",
  "datacenter",
  "tor",
  "spoofed_ip",
  "recent_fraud_ip",
  "device_network_mismatch",
  "location_spoofing",
] as const;

const referringKeys = [
  "impossible_travel",
  "ip_mismatch",
  "user_agent_mismatch",
  "device_timezone_mismatch",
  "ip_timezone_mismatch",
] as const;

/** Which signal a flag raises. */
const flagSignals: Record<string, string> = {
  high_device_risk: "device_risk",
  proxy_detected: "proxy",
  vpn_detected: "vpn",
  datacenter_detected: "datacenter",
  recent_fraud_ip: "recent_fraud_ip",
  impossible_travel_detected: "impossible_travel",
  referring_ip_mismatch: "ip_mismatch",
  referring_user_agent_mismatch: "user_agent_mismatch",
};

const round = (n: number) => Math.round(n * 10_000) / 10_000;

function signals(keys: readonly string[], flags: readonly string[], rand: () => number) {
  const raised = new Set(flags.map((f) => flagSignals[f]));
  const out: Record<string, number> = {};
  // Draw every value first, so the same session gets the same numbers whatever the flags.
  for (const key of keys) {
    const low = rand() * 0.12;
    const high = 0.85 + rand() * 0.14;
    out[key] = round(raised.has(key) ? high : low);
  }
  return out;
}

/**
 * The nine `device_network_signals` floats (0-1).
 * @example
 * simulatedDeviceNetworkSignals(["vpn_detected"], seededRandom(id)).vpn; // >= 0.85
 */
export function simulatedDeviceNetworkSignals(
  flags: readonly string[],
  rand: () => number,
): Record<string, number> {
  return signals(deviceNetworkKeys, flags, rand);
}

/**
 * The five `referring_session_signals` floats (0-1); only sent with a referring session.
 * @example
 * simulatedReferringSignals([], seededRandom(id)).ip_mismatch; // < 0.12
 */
export function simulatedReferringSignals(
  flags: readonly string[],
  rand: () => number,
): Record<string, number> {
  return signals(referringKeys, flags, rand);
}
