/**
 * Public types of `@facekit/server` shared by the three vendors: the handler, its config and what
 * `authorize` returns. Each vendor's own types live in its folder (`verisoul/types.ts`, ...).
 */
import type { FaceKitError, FaceMatchSession } from "@facekit/core/protocol";
import type { DiditConfig } from "./didit/types.ts";
import type { FaceSignConfig } from "./facesign/types.ts";
import type { FaceKitRations } from "./internal/createRation.ts";
import type { FaceKitStore } from "./store/types.ts";
import type { VerisoulConfig } from "./verisoul/types.ts";

/**
 * What `authorize(request)` returns for a signed-in user.
 * @example
 * const result: AuthorizeResult = { accountId: user.id, verisoul: { enroll: true } };
 */
export interface AuthorizeResult {
  /** Your own, stable id of the signed-in account. Never taken from the browser. */
  accountId: string;
  /** Per-request overrides of {@link VerisoulConfig} (e.g. login authenticates, signup enrols). */
  verisoul?: { authenticate?: boolean; enroll?: boolean };
}

/**
 * Configuration of {@link FaceKitHandler}: the shared settings, then one block per vendor, each
 * with the same shape (client options, the vendor's settings, its own `onResult`).
 * @example
 * const config: FaceKitServerConfig = {
 *   secret: process.env.FACEKIT_SECRET!,
 *   authorize: async (request) => {
 *     const user = await getUser(request);
 *     return user ? { accountId: user.id } : null;
 *   },
 *   verisoul: {
 *     apiKey: process.env.VERISOUL_API_KEY!,
 *     redirectUrl: "https://app.example.com/cb",
 *     onResult: ({ accountId, sessionId, verdict }) => saveFaceCheck(accountId, sessionId, verdict),
 *   },
 *   onError: (error) => console.error(error),
 * };
 */
export interface FaceKitServerConfig {
  /** HMAC secret for session tokens, at least 32 characters; from an env var. */
  secret: string;
  /**
   * Who is asking. Return null to refuse (401 unauthorized). Per-request Verisoul options may
   * override config (e.g. login page authenticates, signup page enrols).
   */
  authorize: (request: Request) => Promise<AuthorizeResult | null> | AuthorizeResult | null;
  /** Verisoul settings; enables the `verisoul/*` routes (Face Match). */
  verisoul?: VerisoulConfig;
  /** FaceSign settings; enables the `facesign/*` routes. */
  facesign?: FaceSignConfig;
  /** Didit settings; enables the `didit/*` routes (selfie compare). */
  didit?: DiditConfig;
  /** Called with every error that becomes a 5xx or vendor error, for logging. */
  onError?: (error: FaceKitError, request: Request) => void;
  /**
   * Where the handler keeps what it must remember across requests (results and their delivery,
   * single-use grants, throttles, quotas, webhook ids): ids, states and counters only, every key
   * with a TTL. Default: {@link createMemoryStore}, this process only. With more than one instance
   * (replicas, serverless), pass a shared one: `createRedisStore` from `@facekit/server/redis`.
   * @example
   * store: createRedisStore({ client: { eval: (script, keys, args) => redis.eval(script, { keys, arguments: args }) } }),
   */
  store?: FaceKitStore;
  /**
   * Per-account rations of the routes that spend the project's vendor allowance, so one signed-in
   * account cannot use it all up: `{ limit, windowMs }` per route, counted in `store` (so across
   * instances); past it `rate_limited` (429) with `retryAfter`. Defaults: `verisoul/session` and
   * `facesign/session` 10 per 10 minutes, `facesign/refresh` and `facesign/status` 120 per minute.
   * @example
   * rations: { "verisoul/session": { limit: 20 }, "facesign/status": { limit: 300, windowMs: 60_000 } },
   */
  rations?: FaceKitRations;
}

/**
 * FaceKit's backend: a Web-standard `(request) => Promise<Response>` answering every FaceKit
 * route (it never throws), carrying the server-side helper {@link FaceKitHandler.mintFaceMatchSession}.
 * @example
 * // app/api/facekit/[...path]/route.ts (Next.js)
 * export const POST = createFaceKitHandler(config);
 * // a server-rendered page:
 * const session = await POST.mintFaceMatchSession(user.id, { locale: "es" });
 */
export interface FaceKitHandler {
  (request: Request): Promise<Response>;
  /**
   * Reads and checks the config now and throws the `misconfigured` {@link FaceKitError} a request
   * would get (a secret shorter than 32 characters, an invalid vendor config). The handler does
   * this on its first request by itself; call `check()` when the app starts to fail fast there.
   * @example
   * const facekit = createFaceKitHandler(config);
   * facekit.check(); // at boot: throws if FACEKIT_SECRET is missing
   */
  check(): void;
  /**
   * Mint a session for an account outside a request (e.g. during SSR); same shape the session
   * route returns. `locale` picks the language among `verisoul.langs`, as the route does.
   */
  mintFaceMatchSession(
    accountId: string,
    input?: { referringSessionId?: string; locale?: string },
  ): Promise<FaceMatchSession>;
}
