/**
 * Public types of `@facekit/server`. Implementations live next door (`createVerisoulClient.ts`,
 * `createFaceKitServer.ts`).
 */
import type {
  DiditFaceMatchBody,
  FaceKitError,
  FaceMatchResult,
  FaceMatchSession,
  FaceMatchVerdict,
  FaceSignClientSecretBody,
  FaceSignExposable,
  FaceSignListBody,
  FaceSignSessionBody,
  FaceSignSessionObject,
  FaceSignSessionSettings,
  FaceSignVendorStatus,
  SelfieCompareResult,
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
  apiBaseUrl?: string;
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
 * Options of {@link FaceSignClient}. The API key never leaves your backend.
 * @example
 * const options: FaceSignClientOptions = { apiKey: process.env.FACESIGN_API_KEY! };
 */
export interface FaceSignClientOptions {
  /** `sk_test_…` (sandbox) or `sk_prod_…` (production): the prefix alone picks the environment. */
  apiKey: string;
  /** Default `https://api.facesign.ai` (sandbox and production alike). */
  baseUrl?: string;
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
   * Called when this server first sees a session finished (status poll, refresh or webhook),
   * before the browser is told. Keep the outcome here: the browser's `onComplete` is only
   * informative. Per server instance, so another instance may call it again for the same session:
   * make the write idempotent (keyed by `sessionId`). If it throws, the route answers an error and
   * the next sighting calls it again.
   * @example
   * onResult: async ({ accountId, sessionId, status, session }) => {
   *   const verified = status === "complete" && session.report?.isVerified === true;
   *   await db.faceChecks.upsert({ sessionId, accountId, verified });
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
  /** FaceSign's whole session, report included (transcript, media URLs): server-side only. */
  session: FaceSignSessionObject;
}

/**
 * Options of {@link DiditClient}. The API key never leaves your backend.
 * @example
 * const options: DiditClientOptions = { apiKey: process.env.DIDIT_API_KEY! };
 */
export interface DiditClientOptions {
  /** Your Didit API key (`x-api-key`); sandbox or live is a property of the key. */
  apiKey: string;
  /** Default `https://verification.didit.me`. */
  baseUrl?: string;
  /** Per-request timeout in milliseconds. Default `30_000` (comparing images takes a while). */
  timeoutMs?: number;
  /** Default `globalThis.fetch`; tests pass the simulator's in-process handler. */
  fetch?: typeof fetch;
}

/**
 * One comparison. Images go as they are (JPEG, PNG, WebP or TIFF, at most 5 MB each); their
 * type is read from their bytes.
 * @example
 * const input: DiditFaceMatchInput = { userImage: selfie, refImage: idPhoto, vendorData: user.id };
 */
export interface DiditFaceMatchInput {
  /** The live face (selfie): Didit's `user_image`. */
  userImage: Blob;
  /** The reference face (e.g. an ID portrait): Didit's `ref_image`. */
  refImage: Blob;
  /** A score strictly above it approves; 0-100, Didit's default 30. */
  threshold?: number;
  /** Let Didit try rotations to find an upright face. Didit's default `false`. */
  rotateImage?: boolean;
  /** Keep the call (and both images) as a session in Didit's console. Didit's default `true`. */
  saveApiRequest?: boolean;
  /** Your own id for the call, e.g. the account id. */
  vendorData?: string;
  metadata?: Record<string, unknown>;
}

/**
 * Typed Didit standalone Face Match API. Every failure is a `FaceKitError`; nothing is retried
 * (each 200 spends a credit).
 * @example
 * const didit = createDiditClient({ apiKey: process.env.DIDIT_API_KEY! });
 * const { face_match } = await didit.faceMatch({ userImage, refImage });
 */
export interface DiditClient {
  /** `POST /v3/face-match/` (multipart): the vendor's whole answer. */
  faceMatch(input: DiditFaceMatchInput): Promise<DiditFaceMatchBody>;
  /** `GET /v3/session/{id}/decision/`: a saved call (`saveApiRequest`) by its `request_id`. */
  getDecision(sessionId: string): Promise<Record<string, unknown>>;
}

/**
 * Didit settings of the handler: the client options plus every decision parameter of the
 * compare route. The browser chooses none of it.
 * @example
 * const didit: DiditConfig = {
 *   apiKey: process.env.DIDIT_API_KEY!,
 *   threshold: 40,
 *   getReferenceImage: async (accountId) => photos.enrolled(accountId), // or leave out: the user uploads one
 *   onResult: ({ accountId, result }) => db.faceChecks.insert({ accountId, ...result }),
 * };
 */
export interface DiditConfig extends DiditClientOptions {
  /** A score strictly above it approves; 0-100. Default 30 (Didit's). */
  threshold?: number;
  /** Let Didit try rotations. Default `false`. */
  rotateImage?: boolean;
  /** Sent to Didit when set; Didit's default is `true` (the call and images are kept there). */
  saveApiRequest?: boolean;
  /** Largest image accepted per file, in bytes; at most (and by default) Didit's 5 MB. */
  maxImageBytes?: number;
  /** How long an upload grant lasts, in milliseconds. Default 5 minutes. */
  grantTtlMs?: number;
  /**
   * Didit comparisons one account may run in any hour, per server instance (each costs a
   * credit); one account also has at most one upload under way. Default 20.
   */
  maxComparesPerHour?: number;
  /**
   * The reference photo your backend holds for an account (e.g. enrolled at signup); the browser
   * never sees it and sends only a selfie. Return null when there is none (`account_not_found`).
   * Leave it out to have the user upload a reference photo.
   */
  getReferenceImage?: (
    accountId: string,
    request: Request,
  ) => Promise<Blob | Uint8Array | null> | Blob | Uint8Array | null;
  /**
   * Marks an upload grant used; return false when it already was. By default this server
   * instance remembers grants in memory; with several instances, pass a shared store (e.g.
   * Redis `SET id 1 NX PX ttl`) so a grant cannot be replayed on another instance.
   */
  consumeGrant?: (grantId: string, expiresAt: number) => boolean | Promise<boolean>;
  /**
   * Called with every comparison Didit answered, before the browser hears of it. Keep the outcome
   * here: the browser's `onComplete` is only informative.
   */
  onResult?: (event: SelfieCompareResultEvent, request: Request) => void | Promise<void>;
}

/**
 * What {@link DiditConfig.onResult} receives.
 * @example
 * const onResult = ({ accountId, result }: SelfieCompareResultEvent) => save(accountId, result.status);
 */
export interface SelfieCompareResultEvent {
  /** The account the upload grant was minted for. */
  accountId: string;
  /**
   * Where the reference photo came from: `server` (your `getReferenceImage`: the selfie was
   * checked against a photo you trust) or `upload` (the person chose both photos: this says they
   * look alike, not who the person is).
   */
  reference: "upload" | "server";
  /** What the browser is told. */
  result: SelfieCompareResult;
  /** Didit's whole answer (face boxes, ages, warnings): server-side only. */
  body: DiditFaceMatchBody;
}

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
 * Verisoul settings of the handler: the client options plus the hosted-flow settings.
 * @example
 * const verisoul: VerisoulConfig = {
 *   apiKey: process.env.VERISOUL_API_KEY!,
 *   redirectUrl: "https://app.example.com/facekit/callback",
 *   lng: "en",
 *   languages: ["en", "es", "fr"],
 *   enroll: true,
 * };
 */
export interface VerisoulConfig extends VerisoulClientOptions {
  /** Hosted flow; default `https://app.sandbox.verisoul.ai` or `https://app.prod.verisoul.ai`. */
  appBaseUrl?: string;
  /** Your callback page (absolute URL), sent as `redirect_url`. */
  redirectUrl: string;
  /**
   * Two-letter UI language, sent as `lng` unless the browser's `locale` picks one of `languages`.
   * Default: Verisoul's (`en`).
   */
  lng?: string;
  /**
   * The `lng` values the browser's `locale` (`<FaceKitProvider locale>`) may pick, e.g.
   * `["en", "es", "fr"]`: `es-MX` picks `es`; a locale not listed (nor its parent) is ignored
   * and `lng` is used. Default: `lng` alone, so the browser chooses nothing.
   */
  languages?: string[];
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
}

/**
 * What {@link FaceKitServerConfig.onResult} receives: the first completed result of one session
 * for one account, as your backend got it from Verisoul.
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
  raw: VerisoulVerifyFaceBody;
}

/**
 * Configuration of {@link FaceKitServer}.
 * @example
 * const config: FaceKitServerConfig = {
 *   secret: process.env.FACEKIT_SECRET!,
 *   authorize: async (request) => {
 *     const user = await getUser(request);
 *     return user ? { accountId: user.id } : null;
 *   },
 *   verisoul: { apiKey: process.env.VERISOUL_API_KEY!, redirectUrl: "https://app.example.com/cb" },
 *   onResult: ({ accountId, sessionId, verdict }) => saveFaceCheck(accountId, sessionId, verdict),
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
  verisoul?: VerisoulConfig;
  /** FaceSign settings; enables the `facesign/*` routes. */
  facesign?: FaceSignConfig;
  /** Didit settings; enables the `didit/*` routes (selfie compare). */
  didit?: DiditConfig;
  /**
   * Keep the verdict here: it is the one your app may trust (the browser's `onComplete` is only a
   * notice). Called once per session and account, when the result route first has a completed
   * result, before that answer is sent. If it throws (or rejects), the browser gets 500
   * `internal`, the error goes to `onError`, and the next result call runs it again.
   *
   * "Once" holds per server instance (it remembers the last 1,000 sessions until their tokens
   * expire): other instances, a restart or a forgotten session may call it again for the same
   * session, so make the write idempotent (e.g. keyed by `sessionId`). A capture that fails liveness is an
   * error (`liveness_failed`), not a result, and does not call it.
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
  /** Called with every error that becomes a 5xx or vendor error, for logging. */
  onError?: (error: FaceKitError, request: Request) => void;
}

/**
 * The backend side of FaceKit: one Web-standard handler plus server-side helpers.
 * @example
 * const facekit = createFaceKitServer(config);
 * export const POST = facekit.handle; // e.g. a Next.js route at app/api/facekit/[...path]/route.ts
 */
export interface FaceKitServer {
  /** Answers every FaceKit route; never throws. */
  handle(request: Request): Promise<Response>;
  /**
   * Mint a session for an account outside a request (e.g. during SSR); same shape the session
   * route returns. `locale` picks `lng` among `verisoul.languages`, as the route does.
   */
  mintFaceMatchSession(
    accountId: string,
    input?: { referringSessionId?: string; locale?: string },
  ): Promise<FaceMatchSession>;
}
