/**
 * Public types of the flow engine: what a flow reports (snapshot, events) and the small slice of
 * `window` it uses, so tests and other hosts can inject their own.
 */
import type {
  FaceKitError,
  FaceMatchResult,
  FaceMatchResultResponse,
  FaceMatchSession,
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
  /** The popup was cut off (COOP) or hand-off is in progress: we wait for the backend instead. */
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
 * const popup: FlowPopup = { closed: false, close() {}, location: { href: "" } };
 */
export interface FlowPopup {
  readonly closed: boolean;
  close(): void;
  focus?(): void;
  location: { href: string };
}

/**
 * The part of `window` FaceKit uses. Pass `window` (the default) or a fake in tests.
 * @example
 * createFaceMatchFlow({ window, getSession, getResult });
 */
export interface FlowWindow {
  open(url: string, target: string, features: string): FlowPopup | null;
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
 * Options of {@link createFaceMatchFlow}.
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
  window?: FlowWindow;
  /** Origin of your callback page. Default: `window.location.origin`. */
  callbackOrigin?: string;
  /** Delay before the first result poll; grows x1.5 up to 15 s. Default 3000. */
  pollIntervalMs?: number;
  /** A popup "closed" this soon after navigating was severed by COOP, not closed. Default 3000. */
  severWindowMs?: number;
  /** Popup size, centred on the current window. Default 480 x 720. */
  popup?: { width: number; height: number };
}

/**
 * A framework-free Face Match flow. Read it with `subscribe`/`getSnapshot`
 * (e.g. React's `useSyncExternalStore`).
 * @example
 * const off = flow.subscribe(() => render(flow.getSnapshot()));
 * button.onclick = () => flow.open();
 */
export interface FaceMatchFlow {
  subscribe(listener: () => void): () => void;
  getSnapshot(): FaceMatchSnapshot;
  /** Starts an attempt. Call it inside the click handler: the popup opens synchronously. */
  open(): void;
  /** Closes the popup and ends the attempt as `cancelled`. */
  cancel(): void;
  /** Finishes an attempt that left the page in redirect mode. Safe to call more than once. */
  resume(): void;
  /** Back to `idle`, dropping the current attempt. */
  reset(): void;
  /** Removes every listener, timer and channel, aborts requests, closes the popup. */
  destroy(): void;
  /** Subscribes to {@link FaceMatchEvent}s. */
  on(listener: (event: FaceMatchEvent) => void): () => void;
}
