/**
 * A deterministic pseudo-random generator seeded by a string (FNV-1a hash into mulberry32), so
 * simulated signals stay the same every time the same session is verified. Not for security.
 * @example
 * const rand = seededRandom(sessionId);
 * const vpn = rand() * 0.1; // same value for the same session id
 */
export function seededRandom(seed: string): () => number {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    state ^= seed.charCodeAt(i);
    state = Math.imul(state, 0x01000193);
  }
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
