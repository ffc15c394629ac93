/**
 * Public types of Verisoul's Face Match in `@facekit/server`: the client, its handler config and
 * the result event. Implementations live next door.
 */
import type {
  FaceMatchResult,
  FaceMatchVerdict,
  VerisoulVerifyFaceBody,
} from "@facekit/core/protocol";

/**
 * Options of {@link VerisoulClient}. The API key never leaves your backend.
 * @example
 * const options: VerisoulClientOptions = { apiKey: process.env.VERISOUL_API_KEY!, environment: "sandbox" };
 */
export interface VerisoulClientOptions {
  /** Secret `x-api-key` of your Verisoul project (one per environment). */
  apiKey: string;
  /** Picks the default API and hosted-flow hosts. Default `"sandbox"`. */
  environment?: "sandbox" | "production";
  /** Default `https://api.sandbox.verisoul.ai` or `https://api.prod.verisoul.ai` by environment. */
  baseUrl?: string;
  /** Per-request timeout in milliseconds. Default `10_000`. */
  timeoutMs?: number;
  /** Default `globalThis.fetch`; tests pass the simulator's in-process handler. */
  fetch?: typeof fetch;
}

/**
 * Typed Verisoul Face Match API. Every failure is a `FaceKitError` whose `vendorCode` holds
 * Verisoul's error string when there was one. Nothing is retried automatically.
 * @example
 * const verisoul = createVerisoulClient({ apiKey });
 * const { sessionId } = await verisoul.createSession();
 * const body = await verisoul.verifyFace(sessionId); // once the person finished the capture
 */
export interface VerisoulClient {
  /** `GET /liveness/session`: a fresh single-use session. */
  createSession(input?: {
    referringSessionId?: string;
    simulate?: string;
  }): Promise<{ sessionId: string; requestId: string }>;
  /** `POST /liveness/verify-face`: the raw liveness + uniqueness body (keep it server-side). */
  verifyFace(sessionId: string): Promise<VerisoulVerifyFaceBody>;
  /** `POST /liveness/verify-identity`: 1:1 match of the session's face against an account. */
  verifyIdentity(sessionId: string, accountId: string): Promise<{ match: boolean }>;
  /** `POST /liveness/enroll`: binds the session's face to an account. */
  enroll(sessionId: string, accountId: string): Promise<void>;
}

/**
 * Verisoul settings of the handler: the client options plus the hosted-flow settings.
 * @example
 * const verisoul: VerisoulConfig = {
 *   apiKey: process.env.VERISOUL_API_KEY!,
 *   redirectUrl: "https://app.example.com/facekit/callback",
 *   defaultLang: "en",
 *   langs: ["en", "es", "fr"],
 *   enroll: true,
 *   onResult: ({ accountId, sessionId, verdict }) => saveFaceCheck(accountId, sessionId, verdict),
 * };
 */
export interface VerisoulConfig extends VerisoulClientOptions {
  /** Hosted flow; default `https://app.sandbox.verisoul.ai` or `https://app.prod.verisoul.ai`. */
  appBaseUrl?: string;
  /** Your callback page (absolute URL), sent as `redirect_url`. */
  redirectUrl: string;
  /**
   * Two-letter UI language, sent as Verisoul's `lng` unless the browser's `locale` picks one of
   * `langs`. Default: Verisoul's (`en`).
   */
  defaultLang?: string;
  /**
   * The languages the browser's `locale` (`<FaceKitProvider locale>`) may pick, e.g.
   * `["en", "es", "fr"]`: `es-MX` picks `es`; a locale not listed (nor its parent) is ignored
   * and `defaultLang` is used. Default: `defaultLang` alone, so the browser chooses nothing.
   */
  langs?: string[];
  /** Expiry hint of minted sessions in ms. Default 10 minutes (Verisoul's real TTL is undocumented). */
  sessionTtlMs?: number;
  /** Run verify-identity (1:1) against the signed-in account. Default `false`. */
  authenticate?: boolean;
  /** Enrol the face under the signed-in account when the decision is `"Real"`. Default `false`. */
  enroll?: boolean;
  /** Sandbox-only `simulate` outcome forwarded at session creation (tests and demos). */
  simulate?: string;
  /**
   * Least time between two verify-face calls for a session that is still pending, in ms; result
   * calls in between answer pending without asking Verisoul (its limit is 300 calls per minute
   * for the whole project). Per server instance. Default `2_000`; `0` turns throttling off.
   */
  pendingLookupIntervalMs?: number;
  /**
   * Keep the verdict here: it is the one your app may trust (the browser's `onComplete` is only a
   * notice). Called once per session and account, when the result route first has a completed
   * result, before that answer is sent. If it throws (or rejects), the browser gets 500
   * `internal`, the error goes to `onError`, and the next result call runs it again.
   *
   * "Once" holds per server instance (it remembers the last 1,000 sessions until their tokens
   * expire): other instances, a restart or a forgotten session may call it again for the same
   * session, so make the write idempotent (e.g. keyed by `sessionId`). A capture that fails
   * liveness is an error (`liveness_failed`), not a result, and does not call it.
   * @example
   * onResult: async ({ accountId, sessionId, verdict }) => {
   *   await db.user.update({
   *     where: { id: accountId },
   *     data: {
   *       faceVerified: verdict.decision === "Real" && verdict.accountsLinked.length === 0,
   *       faceSessionId: sessionId, // the same session twice writes the same row: idempotent
   *     },
   *   });
   * },
   */
  onResult?: (event: FaceMatchResultEvent, request: Request) => void | Promise<void>;
}

/**
 * What {@link VerisoulConfig.onResult} receives: the first completed result of one session for
 * one account, as your backend got it from Verisoul.
 * @example
 * const onResult = async ({ accountId, verdict }: FaceMatchResultEvent) => {
 *   if (verdict.accountsLinked.length > 0) await reviewQueue.add(accountId, verdict.accountsLinked);
 * };
 */
export interface FaceMatchResultEvent {
  /** The account `authorize(request)` returned, which the session token is bound to. */
  accountId: string;
  sessionId: string;
  /**
   * The full server-side verdict, including the ids of linked accounts (the signed-in account
   * itself is never listed). Never sent to the browser.
   */
  verdict: FaceMatchVerdict;
  /** Exactly what the browser receives as `result` (linked accounts as a count). */
  result: FaceMatchResult;
  /** Verisoul's verify-face body as received (photo/video URLs, signals). Keep it server-side. */
  body: VerisoulVerifyFaceBody;
}
