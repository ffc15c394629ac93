/**
 * CORS for the simulator's control routes, which test pages and Playwright call from any origin.
 * Vendor endpoints never get CORS: they are server-to-server, like the real APIs.
 */
const corsHeaders: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers": "content-type",
  "access-control-max-age": "600",
};

/**
 * Adds the permissive CORS headers to a response.
 * @example
 * return withCors(jsonResponse(scenario));
 */
export function withCors(res: Response): Response {
  for (const [name, value] of Object.entries(corsHeaders)) res.headers.set(name, value);
  return res;
}

/**
 * The answer to a CORS preflight (`OPTIONS`).
 * @example
 * if (req.method === "OPTIONS") return preflight();
 */
export function preflight(): Response {
  return withCors(new Response(null, { status: 204 }));
}
