import { diditRoutes, faceSignRoutes, verisoulRoutes } from "@facekit/core/protocol";

type Prefixed<P extends string, T> = `${P}${Capitalize<keyof T & string>}`;

/** Names of the FaceKit routes: each vendor's route table, its keys prefixed by the vendor. */
export type RouteName =
  | Prefixed<"verisoul", typeof verisoulRoutes>
  | Prefixed<"facesign", typeof faceSignRoutes>
  | Prefixed<"didit", typeof diditRoutes>;

const prefixed = (prefix: string, table: Record<string, string>): [RouteName, string][] =>
  Object.entries(table).map(([name, path]) => [
    `${prefix}${name[0]?.toUpperCase()}${name.slice(1)}` as RouteName,
    path,
  ]);

const table: [RouteName, string][] = [
  ...prefixed("verisoul", verisoulRoutes),
  ...prefixed("facesign", faceSignRoutes),
  ...prefixed("didit", diditRoutes),
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
