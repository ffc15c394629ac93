/**
 * Public types of Didit's selfie compare in `@facekit/server`: the client, its handler config and
 * the result event. Implementations live next door.
 */
import type { DiditCompareBody, SelfieCompareResult } from "@facekit/core/protocol";

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
 * const input: DiditCompareInput = { userImage: selfie, refImage: idPhoto, vendorData: user.id };
 */
export interface DiditCompareInput {
  /** The live face (selfie): Didit's `user_image`. Bytes are sent as they are, not copied. */
  userImage: Blob | Uint8Array;
  /** The reference face (e.g. an ID portrait): Didit's `ref_image`. */
  refImage: Blob | Uint8Array;
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
 * Typed client of Didit's standalone face comparison (FaceKit's selfie compare). Every failure is
 * a `FaceKitError`; nothing is retried (each 200 spends a credit).
 * @example
 * const didit = createDiditClient({ apiKey: process.env.DIDIT_API_KEY! });
 * const { face_match } = await didit.compare({ userImage, refImage });
 */
export interface DiditClient {
  /** `POST /v3/face-match/` (multipart): compares two faces; the vendor's whole answer. */
  compare(input: DiditCompareInput): Promise<DiditCompareBody>;
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
  /**
   * Smallest width and height of an image, in pixels: a smaller one cannot show a usable face
   * and is refused (`invalid_image`) before Didit is paid. Default 64.
   */
  minImageSide?: number;
  /**
   * Largest width or height of an image, in pixels (its header is read, the image is never
   * decoded). Didit publishes no pixel limit; this one refuses decompression bombs. Default 8000.
   */
  maxImageSide?: number;
  /** Largest width x height of an image. Default 40 000 000 (40 megapixels). */
  maxImagePixels?: number;
  /**
   * The whole upload body must arrive within it, in milliseconds, counted from when the upload
   * gets room in the upload gate ({@link DiditConfig.maxUploadBytesInFlight}), not from its
   * arrival; else it is cancelled, its room freed, and the answer is 408 `bad_request`. Default 30 000.
   */
  uploadTimeoutMs?: number;
  /**
   * After {@link DiditConfig.uploadGraceMs}, an upload must keep at least this average rate
   * (bytes per second, counted from the end of the grace) or it is cancelled (408
   * `bad_request`). 0 turns it off. Default 16 384 (16 KiB/s).
   */
  minUploadBytesPerSecond?: number;
  /** How long an upload may start slowly before the minimum rate applies. Default 5 000 ms. */
  uploadGraceMs?: number;
  /**
   * Bytes of upload bodies this process reads, holds and sends to Didit at once: each upload
   * holds its body (its `content-length`, or 2 x `maxImageBytes` + 16 KiB without one) until
   * Didit answers, in one array the gate allocates when uploads come and lets go when none is in
   * flight. Further uploads wait, first come first served, before any of their body is read
   * (their bytes stay in the connection), and their `uploadTimeoutMs` starts when they get room.
   * A per-process memory bound: each instance has its own. At least 2 x `maxImageBytes` + 16 KiB.
   * Default 32 MiB: three of the largest uploads at once, or about 64 browser-sized ones (0.5 MiB).
   */
  maxUploadBytesInFlight?: number;
  /**
   * How long an upload may wait for room under `maxUploadBytesInFlight`, in milliseconds;
   * past it the answer is 503 `vendor_unavailable` with `retryAfter` and Didit is not called.
   * Default 30 000.
   */
  uploadQueueTimeoutMs?: number;
  /** How long an upload grant lasts, in milliseconds. Default 5 minutes. */
  grantTtlMs?: number;
  /**
   * Didit comparisons one account may run per hour (a fixed window from the hour's first one),
   * across the instances sharing the handler's `store` (each costs a credit); one account also
   * has at most one upload under way. Default 20.
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
   * Marks an upload grant used; return false when it already was. Leave it out: by default the
   * handler's `store` marks it (`didit:grant:<id>` until it expires), so a grant used on one
   * instance is refused on every other that shares the store. Kept for apps that plugged in
   * their own ledger before the store; when given, it replaces the store's mark.
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
  body: DiditCompareBody;
}
