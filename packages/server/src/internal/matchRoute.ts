import { facesignRoutes, routes } from "@facekit/core/protocol";

/** Names of the FaceKit routes: keys of `routes`, and of `facesignRoutes` prefixed `facesign`. */
export type RouteName = keyof typeof routes | `facesign${Capitalize<keyof typeof facesignRoutes>}`;

const table: [RouteName, string][] = [
  ...(Object.entries(routes) as [RouteName, string][]),
  ...Object.entries(facesignRoutes).map(
    ([name, path]) =>
      [`facesign${name[0]?.toUpperCase()}${name.slice(1)}` as RouteName, path] as [
        RouteName,
        string,
      ],
  ),
];

/**
 * Finds the route a request is for by the END of its path, so the handler works under any mount
 * point (`/api/facekit/verisoul/session`, or `/verisoul/session` once Express stripped the mount
 * path). One trailing slash is tolerated.
 * @example
 * matchRoute(new URL("https://x.test/api/facekit/verisoul/result")) // "verisoulResult"
 * matchRoute(new URL("https://x.test/api/facekit/facesign/status")) // "facesignStatus"
 */
export function matchRoute(url: URL): RouteName | undefined {
  const path = url.pathname.endsWith("/") ? url.pathname.slice(0, -1) : url.pathname;
  return table.find(([, suffix]) => path.endsWith(`/${suffix}`))?.[0];
}
