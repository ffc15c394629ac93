import { FaceKitError } from "@facekit/core/protocol";
import type { FaceKitStore } from "../store/types.ts";
import type { RouteName } from "./matchRoute.ts";

/**
 * One ration: at most `limit` calls per account in a fixed window of `windowMs` milliseconds
 * (the window starts with the account's first call and resets when it ends).
 * @example
 * const limit: RationLimit = { limit: 10, windowMs: 10 * 60_000 };
 */
export interface RationLimit {
  limit: number;
  windowMs: number;
}

/** The routes with a per-account ration: vendor session mints and FaceSign lookups. */
export type RationRoute =
  | "verisoul/session"
  | "facesign/session"
  | "facesign/refresh"
  | "facesign/status";

/**
 * Per-account rations of the routes that spend the project's vendor allowance, by route; a route
 * left out keeps its default (see {@link defaultRations}), a partial entry is merged with it.
 * @example
 * const rations: FaceKitRations = { "verisoul/session": { limit: 20 } };
 */
export type FaceKitRations = Partial<Record<RationRoute, Partial<RationLimit>>>;

/**
 * The defaults: far above what a person does (a session mint per attempt, FaceSign's status
 * polled every few seconds), far below what a script spends.
 * @example
 * defaultRations["facesign/status"]; // { limit: 120, windowMs: 60_000 }
 */
export const defaultRations: Readonly<Record<RationRoute, RationLimit>> = {
  "verisoul/session": { limit: 10, windowMs: 10 * 60_000 },
  "facesign/session": { limit: 10, windowMs: 10 * 60_000 },
  "facesign/refresh": { limit: 120, windowMs: 60_000 },
  "facesign/status": { limit: 120, windowMs: 60_000 },
};

const routeOf: Partial<Record<RouteName, RationRoute>> = {
  verisoulSession: "verisoul/session",
  facesignSession: "facesign/session",
  facesignRefresh: "facesign/refresh",
  facesignStatus: "facesign/status",
};

/** Rations with the defaults filled in, checked: what {@link createRations} takes. */
export type ResolvedRations = Record<RationRoute, RationLimit>;

/**
 * Checks `config.rations` at creation and fills in the defaults; a bad value is `misconfigured`.
 * @example
 * const rations = resolveRations({ "facesign/status": { limit: 300 } });
 */
export function resolveRations(config: FaceKitRations = {}): ResolvedRations {
  const resolved = { ...defaultRations };
  for (const [route, value] of Object.entries(config ?? {})) {
    const defaults = defaultRations[route as RationRoute];
    if (!defaults) {
      throw new FaceKitError(
        "misconfigured",
        `createFaceKitHandler: rations has no route "${route}"; use one of ${Object.keys(defaultRations).join(", ")}.`,
      );
    }
    const { limit, windowMs } = { ...defaults, ...value };
    if (!Number.isInteger(limit) || limit < 1 || !Number.isFinite(windowMs) || windowMs < 1000) {
      throw new FaceKitError(
        "misconfigured",
        `createFaceKitHandler: rations["${route}"] needs a whole limit of at least 1 and a windowMs of at least 1000.`,
      );
    }
    resolved[route as RationRoute] = { limit, windowMs };
  }
  return resolved;
}

/**
 * The router's ration check: one `store.increment` per rationed call (key
 * `ration:<route>:<accountId>`, TTL the window), `rate_limited` with `retryAfter` (seconds until the
 * window resets) past the limit. Counters live in the store, so a ration holds across instances;
 * a store that fails answers `store_unavailable` and the vendor is not called. Other routes pass.
 * @example
 * const ration = createRations(app.store, app.rations);
 * await ration("verisoulSession", auth.accountId);
 */
export function createRations(
  store: FaceKitStore,
  rations: ResolvedRations,
): (name: RouteName, accountId: string) => Promise<void> {
  return async (name, accountId) => {
    const route = routeOf[name];
    if (!route) return;
    const { limit, windowMs } = rations[route];
    const { count, resetInMs } = await store.increment(`ration:${route}:${accountId}`, windowMs);
    if (count > limit) {
      throw new FaceKitError(
        "rate_limited",
        "Too many requests for this account; try again later.",
        {
          retryAfter: Math.max(1, Math.ceil(resetInMs / 1000)),
        },
      );
    }
  };
}
