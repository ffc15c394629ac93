/**
 * Test-only: a FaceKit server wired to an in-process simulator, with a switchable signed-in user
 * and helpers to call the routes like the browser does.
 */
import type { ErrorBody, FaceKitError, FaceMatchSession } from "@facekit/core/protocol";
import { createFaceKitServer } from "../createFaceKitServer.ts";
import type {
  AuthorizeResult,
  FaceKitServer,
  FaceKitServerConfig,
  FaceMatchResultEvent,
  VerisoulConfig,
} from "../types.ts";
import { createSimHarness, type SimHarness, testRedirectUrl } from "./createSimHarness.ts";

/** A 32+ character test secret. */
export const testSecret = "test-secret-test-secret-test-secret-0123";

/** The server plus helpers. */
export interface ServerHarness extends SimHarness {
  server: FaceKitServer;
  /** Who `authorize` says is signed in; `null` = nobody. */
  auth: { current: AuthorizeResult | null };
  /** Every error passed to `onError`. */
  reported: FaceKitError[];
  /** Every call of `onResult`, failed ones included. */
  results: FaceMatchResultEvent[];
  /** What `onResult` does after recording the call (e.g. throw, to play a failed database). */
  onResult: { current: FaceKitServerConfig["onResult"] };
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
 * A fresh simulator and server for one test; signed in as `acct-1` by default.
 * @example
 * const t = createServerHarness({ enroll: true });
 * const session = await t.mint();
 */
export function createServerHarness(verisoul: Partial<VerisoulConfig> = {}): ServerHarness {
  const sim = createSimHarness();
  const auth: ServerHarness["auth"] = { current: { accountId: "acct-1" } };
  const reported: FaceKitError[] = [];
  const results: FaceMatchResultEvent[] = [];
  const onResult: ServerHarness["onResult"] = { current: undefined };
  const server = createFaceKitServer({
    secret: testSecret,
    authorize: () => auth.current,
    verisoul: { ...sim.options(), redirectUrl: testRedirectUrl, ...verisoul },
    onResult: async (event, request) => {
      results.push(event);
      await onResult.current?.(event, request);
    },
    onError: (error) => reported.push(error),
  });
  const post = (path: string, body: unknown = {}, init: RequestInit = {}) =>
    server.handle(
      new Request(`https://shop.example/api/facekit/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        ...init,
      }),
    );
  return {
    ...sim,
    server,
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
