import { flatError } from "./jsonResponse.ts";

/** A pending injected failure: the next `count` vendor calls answer `status`. */
export interface FailNext {
  status: 429 | 500 | 503;
  count: number;
}

const messages: Record<FailNext["status"], string> = {
  429: "Too Many Requests",
  500: "Internal server error",
  503: "Service Unavailable",
};

/**
 * Consumes one injected failure. Answers `null` when nothing is pending, otherwise the failure
 * response and what is left to inject (`null` once the count is used up). Called before a route
 * changes any state, so an injected failure never has side effects.
 * @example
 * const fault = injectFault(scenario.failNext);
 * if (fault) { scenario = { ...scenario, failNext: fault.remaining }; return fault.response; }
 */
export function injectFault(
  failNext: FailNext | null,
): { response: Response; remaining: FailNext | null } | null {
  if (!failNext || failNext.count <= 0) return null;
  const count = failNext.count - 1;
  return {
    response: flatError(failNext.status, messages[failNext.status]),
    remaining: count > 0 ? { status: failNext.status, count } : null,
  };
}
