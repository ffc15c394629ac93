/**
 * Public types of the flow engine: what a flow reports (snapshot, events) and the small slice of
 * `window` it uses, so tests and other hosts can inject their own.
 */
import type {
  FaceKitError,
  FaceMatchResult,
  FaceMatchResultResponse,
  FaceMatchSession,
  FaceSignSession,
  FaceSignSessionStatus,
  FaceSignStatusRequest,
  FaceSignStatusResponse,
  FaceSignSummary,
  SelfieCompareGrant,
  SelfieCompareResult,
} from "./protocol/index.ts";

/**
 * Where a flow is. One string; `cancelled` is not an error.
 * @example
 * if (flow.getSnapshot().status === "completed") showResult();
 */
export type FaceMatchStatus =
  | "idle"
  | "preparing"
  | "open"
  | "verifying"
  | "completed"
  | "cancelled"
  | "failed";

/**
 * Immutable state of a flow; a new object only when something changed.
 * @example
 * const { status, result, error } = flow.getSnapshot();
 */
export interface FaceMatchSnapshot {
  status: FaceMatchStatus;
  /** The verdict from your backend, once `completed`. */
  result: FaceMatchResult | null;
  /** Why the attempt `failed`. */
  error: FaceKitError | null;
  /** The Verisoul session of the current attempt, once minted. */
  sessionId: string | null;
  /**
   * The popup can no longer be reached: COOP severed it, or it closed before (or right after) the
   * vendor page was seen loading. The flow keeps listening for the callback page's broadcast and
   * polling the backend until `detachedTimeoutMs`. A QR hand-off to a phone does not set it.
   */
  detached: boolean;
}

/**
 * Analytics stream with stable event names.
 * @example
 * flow.on((e) => analytics.track(`facekit.${e.type}`));
 */
export type FaceMatchEvent =
  | { type: "session_requested" }
  | { type: "session_ready"; sessionId: string }
  | { type: "popup_opened" }
  | { type: "popup_blocked" }
  | { type: "popup_detached"; sessionId: string }
  | { type: "redirect_started"; sessionId: string }
  | { type: "callback_received"; sessionId: string; success: boolean; errorMessage?: string }
  | { type: "verifying"; sessionId: string }
  | { type: "poll"; sessionId: string; attempt: number }
  | { type: "completed"; result: FaceMatchResult }
  | { type: "cancelled" }
  | { type: "failed"; error: FaceKitError };

/**
 * How the hosted capture page is shown. `auto` tries a popup and falls back to a redirect when the
 * browser blocks it.
 * @example
 * createFaceMatchFlow({ mode: "redirect", getSession, getResult });
 */
export type FaceMatchMode = "popup" | "redirect" | "auto";

/**
 * The window a flow opens; a real `WindowProxy` satisfies it.
 * @example
 * const popup: FaceMatchPopup = { closed: false, close() {}, location: { href: "" } };
 */
export interface FaceMatchPopup {
  readonly closed: boolean;
  close(): void;
  focus?(): void;
  /** Reading `href` throws once the popup shows a cross-origin page; setting it never does. */
  location: { href: string };
}

/**
 * The part of `window` FaceKit uses. Pass `window` (the default) or a fake in tests.
 * @example
 * createFaceMatchFlow({ window, getSession, getResult });
 */
export interface FaceMatchWindow {
  open(url: string, target: string, features: string): FaceMatchPopup | null;
  location: {
    href: string;
    origin: string;
    search: string;
    assign(url: string): void;
    replace(url: string): void;
  };
  sessionStorage: Pick<Storage, "getItem" | "setItem" | "removeItem">;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number | undefined): void;
  setInterval(callback: () => void, ms: number): number;
  clearInterval(id: number | undefined): void;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
  removeEventListener(type: "message", listener: (event: MessageEvent) => void): void;
  BroadcastChannel?: typeof BroadcastChannel;
  opener?: { postMessage(message: unknown, targetOrigin: string): void } | null;
  close(): void;
  screenX?: number;
  screenY?: number;
  outerWidth?: number;
  outerHeight?: number;
}

/**
 * Options of {@link createFaceMatchFlow}. The callback page (the vendor's `redirect_url`) must be
 * served from the app's own origin: it posts to its own origin, and BroadcastChannel and
 * sessionStorage are same-origin only.
 * @example
 * const options: FaceMatchFlowOptions = {
 *   getSession: (signal) => backend.mintFaceMatchSession(signal),
 *   getResult: (session, signal) => backend.getFaceMatchResult(session.token, signal),
 * };
 */
export interface FaceMatchFlowOptions {
  /** Mints (or hands over a prefetched) session. Called once per attempt. */
  getSession(signal: AbortSignal): Promise<FaceMatchSession>;
  /** Asks your backend for the verdict of a session. */
  getResult(session: FaceMatchSession, signal: AbortSignal): Promise<FaceMatchResultResponse>;
  /** Default `auto`. */
  mode?: FaceMatchMode;
  /** Default: the global `window`, read when needed (never at import). */
  window?: FaceMatchWindow;
  /** Delay before the first result poll; grows x1.5 up to 15 s. Default 3000. */
  pollIntervalMs?: number;
  /**
   * A popup that reads "closed" before the vendor page was seen loading, or less than this long
   * after, was severed by COOP (detached); a later close is the user's cancel, reported within a
   * watch tick (200 ms) and one last look at the backend. Default 1000: Chromium severs a COOP
   * page within 20 ms of the page becoming cross-origin (e2e/faceMatchEarlyClose.spec.ts measures
   * it), one 200 ms watch tick apart at most; the rest is margin for a busy main thread.
   */
  severWindowMs?: number;
  /**
   * How long a detached flow waits for the callback page or the backend before one last look at
   * the backend and then `cancelled`. Default 10 minutes: the rest of the session's life (at most
   * 10 minutes, see `expiresAt`) plus time to finish a capture. Counted from detaching.
   */
  detachedTimeoutMs?: number;
  /** Popup size, centred on the current window. Default 480 x 720. */
  popup?: { width: number; height: number };
}

/**
 * What every FaceKit flow is (Verisoul's, FaceSign's, Didit's): an external store of snapshots
 * (`subscribe`/`getSnapshot`, as React's `useSyncExternalStore` wants), a stream of events, and
 * the attempt's controls. Every flow ends an attempt with one of the events `completed`,
 * `cancelled` (not an error) or `failed` (with a {@link FaceKitError}); its snapshot's `status`
 * then says the same. Nothing happens until `open()`.
 * @example
 * function follow<S, E>(flow: FaceKitFlow<S, E>, render: (s: S) => void) {
 *   const off = flow.subscribe(() => render(flow.getSnapshot()));
 *   flow.open();
 *   return () => { off(); flow.destroy(); };
 * }
 */
export interface FaceKitFlow<Snapshot, Event> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): Snapshot;
  /** Subscribes to the flow's events. */
  on(listener: (event: Event) => void): () => void;
  /** Starts an attempt. Does nothing new while one is under way. */
  open(): void;
  /** Ends the attempt under way as `cancelled`. */
  cancel(): void;
  /** Back to the idle snapshot, dropping the attempt under way (no event). */
  reset(): void;
  /** Removes every listener and timer and aborts requests. The flow is done for good. */
  destroy(): void;
}

/**
 * A framework-free Face Match flow (Verisoul's hosted page in a popup or a redirect).
 * @example
 * const off = flow.subscribe(() => render(flow.getSnapshot()));
 * button.onclick = () => flow.open();
 */
export interface FaceMatchFlow extends FaceKitFlow<FaceMatchSnapshot, FaceMatchEvent> {
  /**
   * Starts an attempt. Call it inside the click handler: the popup opens synchronously. While an
   * attempt is under way it only focuses the popup (nothing while the page leaves for a redirect);
   * a detached attempt is replaced by a new one.
   */
  open(): void;
  /** Closes the popup and ends the attempt as `cancelled`. */
  cancel(): void;
  /**
   * Finishes an attempt that left the page in redirect mode. Without a returned outcome (Back
   * button, phone hand-off) it asks the backend once: `completed` finishes, anything else stays
   * idle; such an entry is dropped once expired. Safe to call more than once.
   */
  resume(): void;
  /** Removes every listener, timer and channel, aborts requests, closes the popup. */
  destroy(): void;
}

/**
 * Where a FaceSign flow is. `ready`: the session can be shown (the user has not begun);
 * `inProgress`: the user is in it (its page must not be reloaded); `cancelled` (the session ended
 * incomplete, or `cancel()`) is not an error.
 * @example
 * if (flow.getSnapshot().status === "ready") showIframe();
 */
export type FaceSignStatus =
  | "idle"
  | "loading"
  | "ready"
  | "inProgress"
  | "completed"
  | "cancelled"
  | "failed";

/**
 * Immutable state of a FaceSign flow; a new object only when something changed.
 * @example
 * const { status, session } = flow.getSnapshot();
 * if (session) iframe.src = session.url;
 */
export interface FaceSignSnapshot {
  status: FaceSignStatus;
  /** The session to embed (`url`); replaced by a refreshed secret while the user has not begun. */
  session: FaceSignSession | null;
  /** The client-safe summary from your backend, once `completed` (null if it sent none). */
  summary: FaceSignSummary | null;
  /** Why the attempt `failed`. */
  error: FaceKitError | null;
}

/**
 * Analytics stream of a FaceSign flow, with stable event names.
 * @example
 * flow.on((e) => analytics.track(`facekit.facesign.${e.type}`));
 */
export type FaceSignEvent =
  | { type: "session_requested" }
  | { type: "session_ready"; sessionId: string }
  /** A new client secret (and `url`) for the same session, before the old one expired. */
  | { type: "secret_refreshed"; sessionId: string }
  /** The backend reported another status of the session. */
  | { type: "status_changed"; sessionId: string; status: FaceSignSessionStatus }
  /**
   * The status could not be read (network, vendor_unavailable, rate_limited) while the user is in
   * the session; polling goes on with back-off and the snapshot stays `inProgress`. Once per outage.
   */
  | { type: "status_unavailable"; sessionId: string; error: FaceKitError }
  | { type: "completed"; summary: FaceSignSummary | null }
  | { type: "cancelled" }
  | { type: "failed"; error: FaceKitError };

/**
 * The part of `window` a FaceSign flow uses: timers and the page's visibility. Pass `window` (the
 * default) or a fake in tests.
 * @example
 * createFaceSignFlow({ window, getSession, refresh, getStatus });
 */
export interface FaceSignWindow {
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number | undefined): void;
  document: {
    readonly visibilityState: DocumentVisibilityState;
    addEventListener(type: "visibilitychange", listener: () => void): void;
    removeEventListener(type: "visibilitychange", listener: () => void): void;
  };
}

/**
 * Options of {@link createFaceSignFlow}: your backend's three FaceSign routes, usually through
 * `createFaceSignBackendClient`.
 * @example
 * const options: FaceSignFlowOptions = {
 *   getSession: (signal) => facesign.mintFaceSignSession(signal),
 *   refresh: (id, signal) => facesign.refreshFaceSignSession(id, signal),
 *   getStatus: (request, signal) => facesign.getFaceSignStatus(request, signal),
 * };
 */
export interface FaceSignFlowOptions {
  /** Mints (or hands over a ready) session. Called once per attempt. */
  getSession(signal: AbortSignal): Promise<FaceSignSession>;
  /** A new client secret for the same session. */
  refresh(sessionId: string, signal: AbortSignal): Promise<FaceSignSession>;
  /** The session's status (and whether the secret still works), with the summary once it ended. */
  getStatus(request: FaceSignStatusRequest, signal: AbortSignal): Promise<FaceSignStatusResponse>;
  /** Default: the global `window`, read when needed (never at import). */
  window?: FaceSignWindow;
  /** Delay between status polls while the page is visible; grows x1.5 up to 15 s. Default 2000. */
  pollIntervalMs?: number;
  /**
   * A session the user has not begun gets a new secret this long before `expireAt` (also a ready
   * session handed over this close to expiry, before it is shown). Default 60 s.
   */
  refreshMarginMs?: number;
}

/**
 * A framework-free FaceSign hosted flow (iframe).
 * @example
 * const off = flow.subscribe(() => render(flow.getSnapshot()));
 * flow.open();
 */
export interface FaceSignFlow extends FaceKitFlow<FaceSignSnapshot, FaceSignEvent> {
  /** Gets a session and watches it. Does nothing while an attempt is under way. */
  open(): void;
  /** Ends the attempt as `cancelled` (the vendor session itself is left alone). */
  cancel(): void;
}

/**
 * Where a selfie compare is. `idle`: images are missing; `preparing`: an image is being decoded
 * and shrunk; `ready`: every needed image is ready to upload; `uploading`: a grant is being
 * fetched and the images sent; `cancelled` (by `cancel()`) is not an error.
 * @example
 * if (flow.getSnapshot().status === "ready") compareButton.disabled = false;
 */
export type SelfieCompareStatus =
  | "idle"
  | "preparing"
  | "ready"
  | "uploading"
  | "completed"
  | "cancelled"
  | "failed";

/**
 * One of the two images of a comparison.
 * @example
 * const slot: SelfieCompareSlot = "selfie";
 */
export type SelfieCompareSlot = "selfie" | "reference";

/**
 * Where an image came from.
 * @example
 * flow.setFile("selfie", file, "file");
 */
export type SelfieCompareSource = "file" | "camera";

/**
 * State of one slot: `camera` while the live preview is shown (`isLive` once frames arrive),
 * `ready` with the prepared JPEG and an object URL of it for previews (revoked by the flow when the
 * slot changes or the flow is destroyed), `error` when the image or camera was refused.
 * @example
 * if (slot.status === "ready") img.src = slot.previewUrl;
 */
export type SelfieCompareSlotState =
  | { status: "empty" }
  | { status: "camera"; isLive: boolean }
  | { status: "preparing"; source: SelfieCompareSource }
  | { status: "ready"; source: SelfieCompareSource; blob: Blob; previewUrl: string }
  | { status: "error"; error: FaceKitError };

/**
 * Immutable state of a selfie compare flow; a new object only when something changed.
 * @example
 * const { status, slots, progress, result } = flow.getSnapshot();
 */
export interface SelfieCompareSnapshot {
  status: SelfieCompareStatus;
  slots: Readonly<Record<SelfieCompareSlot, SelfieCompareSlotState>>;
  /**
   * Who provides the reference photo, from the first grant: `upload` (show the reference slot) or
   * `server` (a selfie alone); `null` until the backend has answered.
   */
  reference: SelfieCompareGrant["reference"] | null;
  /** Every image the comparison needs is ready (the Compare button can be enabled). */
  hasImages: boolean;
  /** Upload progress, 0-1, while `uploading` (1 once sent, while the backend compares). */
  progress: number;
  /** The comparison from your backend, once `completed`. */
  result: SelfieCompareResult | null;
  /** Why the attempt `failed`. */
  error: FaceKitError | null;
}

/**
 * Analytics stream of a selfie compare flow, with stable event names. Slot problems
 * (`image_rejected`, `camera_failed`) are shown at the slot and do not fail the flow.
 * @example
 * flow.on((e) => analytics.track(`facekit.didit.${e.type}`));
 */
export type SelfieCompareEvent =
  | { type: "grant_requested" }
  | { type: "grant_ready"; reference: SelfieCompareGrant["reference"] }
  | { type: "camera_started"; slot: SelfieCompareSlot }
  | { type: "camera_failed"; slot: SelfieCompareSlot; error: FaceKitError }
  | { type: "image_selected"; slot: SelfieCompareSlot; source: SelfieCompareSource }
  | { type: "image_ready"; slot: SelfieCompareSlot; bytes: number }
  | { type: "image_rejected"; slot: SelfieCompareSlot; error: FaceKitError }
  | { type: "upload_started" }
  /** At most once per 10% of the upload, and at 100%. */
  | { type: "upload_progress"; progress: number }
  | { type: "completed"; result: SelfieCompareResult }
  | { type: "cancelled" }
  | { type: "failed"; error: FaceKitError };

/**
 * The images of one comparison (`reference` only when the grant says `upload`).
 * @example
 * await didit.compare(grant, { selfie: blob });
 */
export interface SelfieCompareImages {
  selfie: Blob;
  reference?: Blob;
}

/**
 * Options of one upload.
 * @example
 * await didit.compare(grant, images, { signal, onProgress: (p) => bar.value = p });
 */
export interface SelfieCompareUploadOptions {
  signal?: AbortSignal;
  /** Fraction of the request body sent, 0-1. */
  onProgress?: (progress: number) => void;
}

/**
 * The part of `window` a selfie compare uses: object URLs for previews and, for the camera,
 * `navigator.mediaDevices` and `isSecureContext`. Pass `window` (the default) or a fake in tests.
 * @example
 * createSelfieCompareFlow({ window, getGrant, compare });
 */
export interface SelfieCompareWindow {
  URL: { createObjectURL(blob: Blob): string; revokeObjectURL(url: string): void };
  navigator: { mediaDevices?: Pick<MediaDevices, "getUserMedia"> };
  isSecureContext?: boolean;
}

/**
 * The `<video>` a camera preview plays in; a real `HTMLVideoElement` satisfies it.
 * @example
 * const camera = await startCamera(document.querySelector("video")!);
 */
export interface CameraVideo {
  srcObject: MediaProvider | null;
  muted: boolean;
  playsInline: boolean;
  readonly videoWidth: number;
  readonly videoHeight: number;
  play(): Promise<void>;
  ownerDocument: { createElement(tagName: "canvas"): HTMLCanvasElement };
}

/**
 * A running camera, from `startCamera`.
 * @example
 * const blob = await camera.capture(); // stops the camera too
 */
export interface CameraHandle {
  /** The current frame as a JPEG; stops the camera. */
  capture(): Promise<Blob>;
  /** Stops every track and detaches the stream. Safe to call more than once. */
  stop(): void;
}

/**
 * Options of {@link createSelfieCompareFlow}: your backend's two Didit routes, usually through
 * `createDiditBackendClient`.
 * @example
 * const options: SelfieCompareFlowOptions = {
 *   getGrant: (signal) => didit.getGrant(signal),
 *   compare: (grant, images, upload) => didit.compare(grant, images, upload),
 * };
 */
export interface SelfieCompareFlowOptions {
  /** A fresh single-use upload grant. Called by `start()` and for each attempt after the first. */
  getGrant(signal: AbortSignal): Promise<SelfieCompareGrant>;
  /** Uploads the images with the grant and resolves with the comparison. */
  compare(
    grant: SelfieCompareGrant,
    images: SelfieCompareImages,
    options: SelfieCompareUploadOptions,
  ): Promise<SelfieCompareResult>;
  /**
   * Turns a picked or captured file into the JPEG to upload. Default `prepareImage` (loaded on
   * first use, with its worker); tests inject a stand-in.
   */
  prepare?: (
    file: Blob,
    options: { maxBytes?: number; signal: AbortSignal },
  ) => Promise<{ blob: Blob }>;
  /** Default `startCamera`; tests inject a stand-in. */
  startCamera?: (video: CameraVideo, options: StartCameraOptions) => Promise<CameraHandle>;
  /** Default: the global `window`, read when needed (never at import). */
  window?: SelfieCompareWindow;
}

/**
 * Options of `startCamera`.
 * @example
 * await startCamera(video, { facingMode: "environment", signal });
 */
export interface StartCameraOptions {
  /** Which camera, as a preference (`ideal`), so a laptop's only camera still works. Default `user`. */
  facingMode?: "user" | "environment";
  /** Aborting while the browser asks for permission stops the camera as soon as it starts. */
  signal?: AbortSignal;
  /** Default: the global `window`. */
  window?: Pick<SelfieCompareWindow, "navigator" | "isSecureContext">;
}

/**
 * A framework-free selfie compare (Didit): two image slots, each filled from a file or the
 * camera, then one upload with a fresh grant.
 * @example
 * const off = flow.subscribe(() => render(flow.getSnapshot()));
 * flow.open();
 * input.onchange = () => flow.setFile("selfie", input.files[0]);
 */
export interface SelfieCompareFlow extends FaceKitFlow<SelfieCompareSnapshot, SelfieCompareEvent> {
  /** Fetches the first grant, to learn whether a reference photo is needed. Once. */
  open(): void;
  /** Prepares `file` for `slot` (replacing what it held). Ignored while uploading. */
  setFile(slot: SelfieCompareSlot, file: Blob, source?: SelfieCompareSource): void;
  /** Empties `slot` (stopping its camera). Ignored while uploading. */
  clear(slot: SelfieCompareSlot): void;
  /** Shows the camera in `video` for `slot` (any other camera stops). Ignored while uploading. */
  openCamera(slot: SelfieCompareSlot, video: CameraVideo): void;
  /** Takes the current frame of `slot`'s camera as its image. */
  capture(slot: SelfieCompareSlot): void;
  /** Uploads the ready images with a fresh grant. Only when `hasImages` and not uploading. */
  submit(): void;
  /** After `failed`: asks for the first grant again, or uploads again with a fresh grant. */
  retry(): void;
  /** Aborts the upload: `cancelled`, never an error. The images stay. */
  cancel(): void;
  /**
   * Empties both slots (stopping cameras) and drops the result or error; an upload under way is
   * aborted without an event. What the first grant said about the reference is kept.
   */
  reset(): void;
  /** Stops cameras, aborts work, revokes object URLs and removes every listener. */
  destroy(): void;
}

/**
 * Where and how the browser reaches your FaceKit routes: the options of every backend client
 * ({@link createVerisoulBackendClient}, `createFaceSignBackendClient`, `createDiditBackendClient`).
 * @example
 * const options: BackendClientOptions = { endpoint: "/api/facekit", headers: { "x-csrf": token } };
 */
export interface BackendClientOptions {
  /** Where the FaceKit handler is mounted, e.g. `/api/facekit` (a trailing `/` is fine). */
  endpoint: string;
  /** Default: the global `fetch`, read at call time. */
  fetch?: typeof fetch;
  /** Extra request headers (CSRF token, auth...). */
  headers?: Record<string, string>;
  /** Default `same-origin`, so the session cookie that identifies the user is sent. */
  credentials?: RequestCredentials;
  /**
   * The user's language (BCP 47, e.g. `es` or `fr-CA`), sent when minting a session so the
   * vendor's page speaks it. Your backend picks a language it allows, or ignores it.
   */
  locale?: string;
}
