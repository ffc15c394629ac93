/**
 * Test-only: a FaceKit handler with Verisoul configured against an in-process simulator, with a
 * switchable signed-in user and helpers to call the routes like the browser does.
 */
import type { ErrorBody, FaceKitError, FaceMatchSession } from "@facekit/core/protocol";
import {
  type AuthorizeResult,
  createFaceKitHandler,
  type FaceKitHandler,
  type FaceKitStore,
  type FaceMatchResultEvent,
  type VerisoulConfig,
} from "@facekit/server";
import {
  createVerisoulSimHarness,
  testRedirectUrl,
  type VerisoulSimHarness,
} from "./createVerisoulSimHarness.ts";
import { postJson } from "./postJson.ts";
import { testSecret } from "./testSecret.ts";

/** The handler plus helpers. */
export interface VerisoulHarness extends VerisoulSimHarness {
  handler: FaceKitHandler;
  /** Who `authorize` says is signed in; `null` = nobody. */
  auth: { current: AuthorizeResult | null };
  /** Every error passed to `onError`. */
  reported: FaceKitError[];
  /** Every call of `verisoul.onResult`, failed ones included. */
  results: FaceMatchResultEvent[];
  /** What `verisoul.onResult` does after recording the call (e.g. throw, to play a failed database). */
  onResult: { current: VerisoulConfig["onResult"] };
  /** POSTs JSON (`{}` unless given) to `/api/facekit/<path>`, like the browser client does. */
  post(path: string, body?: unknown, init?: RequestInit): Promise<Response>;
  /** Mints a session through the route and returns it. */
  mint(): Promise<FaceMatchSession>;
  /** Calls the result route and returns status and parsed body. */
  result(
    token: string,
  ): Promise<{ status: number; body: Record<string, unknown> & Partial<ErrorBody> }>;
}

/**
 * A fresh simulator and handler for one test; signed in as `acct-1` by default.
 * @example
 * const t = createVerisoulHarness({ enroll: true });
 * const session = await t.mint();
 */
export function createVerisoulHarness(
  verisoul: Partial<VerisoulConfig> = {},
  options: {
    /** The handler's store (default its own memory store); share one to play two instances. */
    store?: FaceKitStore;
    /** Another harness's simulator: two handlers of one app, one Verisoul project. */
    sim?: VerisoulSimHarness;
  } = {},
): VerisoulHarness {
  const sim = options.sim ?? createVerisoulSimHarness();
  const auth: VerisoulHarness["auth"] = { current: { accountId: "acct-1" } };
  const reported: FaceKitError[] = [];
  const results: FaceMatchResultEvent[] = [];
  const onResult: VerisoulHarness["onResult"] = { current: undefined };
  const handler = createFaceKitHandler({
    secret: testSecret,
    authorize: () => auth.current,
    verisoul: {
      ...sim.options(),
      redirectUrl: testRedirectUrl,
      ...verisoul,
      onResult: async (event, request) => {
        results.push(event);
        await onResult.current?.(event, request);
      },
    },
    onError: (error) => reported.push(error),
    ...(options.store && { store: options.store }),
  });
  handler.check(); // as an app does at boot: a bad config throws here, not on the first request
  const post = (path: string, body?: unknown, init?: RequestInit) =>
    postJson(handler, path, body, init);
  return {
    ...sim,
    handler,
    auth,
    reported,
    results,
    onResult,
    post,
    async mint() {
      const response = await post("verisoul/session");
      if (response.status !== 200) throw new Error(`mint failed: ${await response.text()}`);
      return (await response.json()) as FaceMatchSession;
    },
    async result(token) {
      const response = await post("verisoul/result", { token });
      return { status: response.status, body: await response.json() };
    },
  };
}
