import { routes } from "@facekit/core/protocol";

/** Names of the FaceKit routes, as keys of `routes`. */
export type RouteName = keyof typeof routes;

/**
 * Finds the route a request is for by the END of its path, so the handler works under any mount
 * point (`/api/facekit/verisoul/session`, or `/verisoul/session` once Express stripped the mount
 * path). One trailing slash is tolerated.
 * @example
 * matchRoute(new URL("https://x.test/api/facekit/verisoul/result")) // "verisoulResult"
 */
export function matchRoute(url: URL): RouteName | undefined {
  const path = url.pathname.endsWith("/") ? url.pathname.slice(0, -1) : url.pathname;
  for (const name of Object.keys(routes) as RouteName[]) {
    if (path.endsWith(`/${routes[name]}`)) return name;
  }
  return undefined;
}
