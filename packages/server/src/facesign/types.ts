/**
 * Public types of FaceSign in `@facekit/server`: the client, its handler config and the result
 * event. Implementations live next door.
 */
import type {
  FaceSignClientSecretBody,
  FaceSignExposable,
  FaceSignListBody,
  FaceSignSessionBody,
  FaceSignSessionObject,
  FaceSignSessionSettings,
  FaceSignVendorStatus,
  FaceSignVerdict,
} from "@facekit/core/protocol";

/**
 * Options of {@link FaceSignClient}. The API key never leaves your backend.
 * @example
 * const options: FaceSignClientOptions = { apiKey: process.env.FACESIGN_API_KEY! };
 */
export interface FaceSignClientOptions {
  /** `sk_test_…` (sandbox) or `sk_prod_…` (production): the prefix alone picks the environment. */
  apiKey: string;
  /** Default `https://api.facesign.ai` (sandbox and production alike). */
  baseUrl?: string;
  /**
   * `Facesign-Version` sent on every call (`YYYY-MM-DD`). Default `faceSignApiVersion`
   * (`2024-12-18`), the version FaceKit is built and tested against.
   */
  apiVersion?: string;
  /** Per-request timeout in milliseconds. Default `10_000`. */
  timeoutMs?: number;
  /** Default `globalThis.fetch`; tests pass the simulator's in-process handler. */
  fetch?: typeof fetch;
}

/**
 * Query of `GET /sessions`. `fromDate`/`toDate` are unix seconds.
 * @example
 * const query: FaceSignListQuery = { clientReferenceId: user.id, status: ["complete"], limit: 10 };
 */
export interface FaceSignListQuery {
  /** 1-100, default 25. */
  limit?: number;
  cursor?: string;
  flowId?: string;
  clientReferenceId?: string;
  status?: FaceSignVendorStatus | FaceSignVendorStatus[];
  fromDate?: number;
  toDate?: number;
  sortBy?: "createdAt" | "status" | "finishedAt";
  sortOrder?: "asc" | "desc";
  search?: string;
  includeTotal?: boolean;
}

/**
 * Typed FaceSign API. Every failure is a `FaceKitError` (`vendorCode` = FaceSign's error `code`,
 * else its `type`); nothing is retried automatically.
 * @example
 * const facesign = createFaceSignClient({ apiKey: process.env.FACESIGN_API_KEY! });
 * const { session, clientSecret } = await facesign.createSession({ clientReferenceId: user.id, flow });
 */
export interface FaceSignClient {
  /** `POST /sessions`: a new session and its first client secret (200 or 201). */
  createSession(settings: FaceSignSessionSettings): Promise<FaceSignSessionBody>;
  /** `GET /sessions/{id}`: the session (with `report` once finished) and its current secret. */
  getSession(sessionId: string): Promise<FaceSignSessionBody>;
  /** `GET /sessions/{id}/refresh`: a new client secret for the same session; the old one stops working. */
  refreshSecret(sessionId: string): Promise<FaceSignClientSecretBody>;
  /** `GET /sessions`: one page of sessions (`nextCursor` + `hasMore` for the next). */
  listSessions(query?: FaceSignListQuery): Promise<FaceSignListBody>;
}

/**
 * FaceSign settings of the handler: the client options plus what every session is created with.
 * The browser never chooses any of it; `clientReferenceId` is always the authorized account id.
 * The one thing it may ask for is the language: a `locale` listed in `session.langs` (or whose
 * parent is: `fr-CA` -> `fr`) becomes the session's only language and `defaultLang`.
 * @example
 * const facesign: FaceSignConfig = {
 *   apiKey: process.env.FACESIGN_API_KEY!,
 *   session: { flow: myFlow, langs: ["en", "fr"] },
 *   expose: ["transcript"],
 *   webhookSecret: process.env.FACESIGN_WEBHOOK_SECRET,
 * };
 */
export interface FaceSignConfig extends FaceSignClientOptions {
  /**
   * Settings of every session created (flow, langs, avatarId, ...), from you, never the browser.
   * `langs` is also the list the browser's `locale` may pick from (see above).
   */
  session: Omit<FaceSignSessionSettings, "clientReferenceId">;
  /** Report fields the status route adds to the browser's summary. Default none. */
  expose?: FaceSignExposable[];
  /** Secret of your FaceSign webhook endpoint; enables `POST …/facesign/webhook`. */
  webhookSecret?: string;
  /**
   * Oldest webhook accepted, by the event's `createdAt`, in ms (default 5 minutes): an older (or
   * as far in the future) delivery is refused with `unauthorized`, so a captured one cannot be
   * replayed later. Event ids already handled are acknowledged and ignored for 24 hours.
   */
  webhookToleranceMs?: number;
  /**
   * Called when the server first sees a session finished (status poll, refresh or webhook),
   * before the browser is told, and once more whenever a fresh read shows its `verdict` changed
   * (a `pending` one became final: FaceSign's `analysis.deepfake` webhook, or a later status poll). Keep the outcome here: the browser's `onComplete` is only
   * informative. Once per session across the instances sharing the handler's `store` (a 30 s
   * lease, then a mark kept 7 days); still make the write idempotent (keyed by `sessionId`): a
   * call that outlives its lease, or a store that fails right after it, can repeat it. If it
   * throws, the route answers an error and the next sighting (any instance) calls it again.
   * @example
   * onResult: async ({ accountId, sessionId, verdict }) => {
   *   // outcome: "verified" | "not_verified" | "pending" (a final call follows a pending one)
   *   await db.faceChecks.upsert({ sessionId, accountId, verdict: verdict.outcome });
   * },
   */
  onResult?: (event: FaceSignResultEvent, request: Request) => void | Promise<void>;
}

/**
 * What {@link FaceSignConfig.onResult} receives: a finished session of one account, as your
 * backend got it from FaceSign.
 * @example
 * const onResult = ({ accountId, status }: FaceSignResultEvent) => audit(accountId, status);
 */
export interface FaceSignResultEvent {
  /** The session's `clientReferenceId`: the account `authorize(request)` returned at creation. */
  accountId: string;
  sessionId: string;
  /** `complete`: the flow reached an end node. `incomplete`: abandoned, expired or terminated. */
  status: "complete" | "incomplete";
  /**
   * FaceKit's verdict, from whichever report shape FaceSign sent (`toFaceSignVerdict`):
   * `verified`, `not_verified`, or `pending` while FaceSign's post-session deepfake analysis runs;
   * a `pending` verdict is followed by one more `onResult` call with the final one.
   */
  verdict: FaceSignVerdict;
  /** FaceSign's whole session, report included (transcript, media URLs): server-side only. */
  session: FaceSignSessionObject;
}
