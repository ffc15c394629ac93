/**
 * Hands a request to a simulated vendor surface served under a path prefix of the page's origin
 * (the static Storybook's service worker), as if that surface had an origin of its own.
 */

/** A Web-standard fetch handler: a simulator surface or the FaceKit backend. */
export type Handler = (request: Request) => Promise<Response>;

/**
 * A handler that passes `request` to the surface at `base` (`https://site/__facekit-story/sim/x`):
 * the prefix is taken off the path (`strip`), or the path is already the surface's own (`keep`,
 * a hosted page's root-absolute link). A redirect to a root-absolute path gets the prefix back, so
 * the browser stays under the surface.
 * @example
 * const handler = forwardTo(`${origin}/__facekit-story/sim/verisoul-app`, verisoul.app, "strip");
 */
export function forwardTo(base: string, surface: Handler, path: "strip" | "keep"): Handler {
  return async (request) => {
    const url = new URL(request.url);
    const own = path === "strip" ? url.href.slice(base.length) : `${url.pathname}${url.search}`;
    const hasBody = request.method !== "GET" && request.method !== "HEAD";
    // A navigation's Request cannot be copied as is (mode "navigate"): rebuild it.
    const response = await surface(
      new Request(`${url.origin}${own}`, {
        method: request.method,
        headers: request.headers,
        body: hasBody ? await request.arrayBuffer() : undefined,
      }),
    );
    const location = response.headers.get("location");
    if (!location?.startsWith("/")) return response;
    const headers = new Headers(response.headers);
    headers.set("location", `${base}${location}`);
    return new Response(response.body, { status: response.status, headers });
  };
}
