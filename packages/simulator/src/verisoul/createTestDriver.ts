/**
 * Test support (not exported from the package): drives a Verisoul simulator in-process the way a
 * backend and a browser would, so tests read as steps of the real flow.
 */
import { defaultVerisoulKey } from "./createVerisoulContext.ts";
import type { CaptureOutcome, VerisoulSimulator } from "./types.ts";

/** Base URL of the in-process API origin. */
export const apiBase = "http://api.test";
/** Base URL of the in-process hosted-app origin. */
export const appBase = "http://app.test";
/** A customer callback URL with a query parameter of its own. */
export const callbackUrl = "https://shop.example/facekit/callback?flow=signup#top";

/** A JSON answer of the API. */
export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  res: Response;
}

/** Options of {@link TestDriver.open}. */
export interface OpenOptions {
  path?: "/" | "/phone";
  redirectUrl?: string | null;
  lng?: string;
  userAgent?: string;
}

/**
 * Helpers around one simulator and API key.
 * @example
 * const t = createTestDriver(sim);
 * const id = await t.run("alice");
 * expect((await t.verifyFace(id)).status).toBe(200);
 */
export function createTestDriver(sim: VerisoulSimulator, apiKey: string = defaultVerisoulKey) {
  async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { "x-api-key": apiKey };
    if (body !== undefined) headers["content-type"] = "application/json";
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
    const res = await sim.api(new Request(`${apiBase}${path}`, init));
    return { status: res.status, body: (await res.clone().json()) as T, res };
  }

  const driver = {
    call,
    /** Mints a session; answers its id. */
    async mint(query = ""): Promise<string> {
      const { status, body } = await call<{ session_id: string }>(
        "GET",
        `/liveness/session${query}`,
      );
      if (status !== 200) throw new Error(`mint failed with ${status}`);
      return body.session_id;
    },
    /** Opens a hosted page as a browser would. */
    open(sessionId: string | null, options: OpenOptions = {}): Promise<Response> {
      const url = new URL(options.path ?? "/", appBase);
      if (sessionId !== null) url.searchParams.set("session_id", sessionId);
      const redirect = options.redirectUrl === undefined ? callbackUrl : options.redirectUrl;
      if (redirect !== null) url.searchParams.set("redirect_url", redirect);
      if (options.lng) url.searchParams.set("lng", options.lng);
      const headers = options.userAgent ? { "user-agent": options.userAgent } : undefined;
      return sim.app(new Request(url, { headers }));
    },
    /** Submits the capture form. */
    complete(sessionId: string, outcome: string, face = "new", redirectUrl = callbackUrl) {
      const form = new URLSearchParams({
        session_id: sessionId,
        redirect_url: redirectUrl,
        lng: "en",
      });
      form.set("outcome", outcome);
      form.set("face", face);
      return sim.app(new Request(`${appBase}/complete`, { method: "POST", body: form }));
    },
    /** Mint, open and complete one session; answers its id. */
    async run(face = "new", outcome: CaptureOutcome = "success", query = ""): Promise<string> {
      const id = await driver.mint(query);
      await driver.open(id);
      const res = await driver.complete(id, outcome, face);
      if (res.status !== 302) throw new Error(`complete failed with ${res.status}`);
      return id;
    },
    verifyFace: (id: string) => call("POST", "/liveness/verify-face", { session_id: id }),
    verifyIdentity: (id: string, accountId: string) =>
      call("POST", "/liveness/verify-identity", { session_id: id, account_id: accountId }),
    enroll: (id: string, accountId: string) =>
      call("POST", "/liveness/enroll", { session_id: id, account_id: accountId }),
  };
  return driver;
}

/**
 * The query parameters of a redirect's `Location`.
 * @example
 * redirectParams(res).get("success"); // "true"
 */
export function redirectParams(res: Response): URLSearchParams {
  const location = res.headers.get("location");
  if (!location) throw new Error(`expected a redirect, got ${res.status}`);
  return new URL(location).searchParams;
}
