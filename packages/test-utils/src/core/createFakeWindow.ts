/**
 * A fake `window` for core flows (never a fake flow): a popup that records navigation, in-memory
 * sessionStorage, the BroadcastChannel bus of one fake browser, a `document` whose visibility a
 * test sets, and timers delegated to the (fakeable) global ones.
 */
import type { FaceMatchWindow } from "@facekit/core";
import { createBus } from "./createBus.ts";
import { FakePopup } from "./FakePopup.ts";

/**
 * The app's origin in fake windows unless a test names another.
 * @example
 * t.win.post(envelope(), { origin: appOrigin, source: t.win.popups[0] });
 */
export const appOrigin = "https://app.test";

/**
 * How a fake window starts.
 * @example
 * const options: FakeWindowOptions = { path: "/callback", search: "?session_id=s-1" };
 */
export interface FakeWindowOptions {
  origin?: string;
  path?: string;
  search?: string;
  blockPopups?: boolean;
  /** Popups come back already closed (a blocker that returns a window and shuts it). */
  closePopups?: boolean;
  /** How long a popup's navigation takes to load; 0 (default) = at once. */
  popupLoadMs?: number;
  bus?: ReturnType<typeof createBus>;
  opener?: FaceMatchWindow["opener"];
  storage?: Map<string, string>;
}

/**
 * A fake `window` built on a real EventTarget, with test-only extras: the `popups` it opened,
 * its `opens` and `navigations`, live listener counts, `setVisibility` and `post` (a `message`).
 * @example
 * const win = createFakeWindow({ blockPopups: true });
 * const flow = createFaceMatchFlow({ window: win, getSession, getResult });
 * flow.open();
 * expect(win.opens).toHaveLength(1);
 */
export function createFakeWindow(options: FakeWindowOptions = {}) {
  const origin = options.origin ?? appOrigin;
  const target = new EventTarget();
  const storage = options.storage ?? new Map<string, string>();
  const bus = options.bus ?? createBus();
  const popups: FakePopup[] = [];
  const opens: { url: string; target: string; features: string }[] = [];
  const navigations: { kind: "assign" | "replace"; url: string }[] = [];
  let listeners = 0;
  const doc = new EventTarget();
  let visibility: DocumentVisibilityState = "visible";
  let visibilityListeners = 0;
  const win = {
    popups,
    opens,
    navigations,
    bus,
    storage,
    closed: false,
    get listenerCount() {
      return listeners;
    },
    /** `visibilitychange` listeners currently added to `document`. */
    get visibilityListenerCount() {
      return visibilityListeners;
    },
    document: {
      get visibilityState() {
        return visibility;
      },
      addEventListener(type: "visibilitychange", listener: () => void) {
        visibilityListeners++;
        doc.addEventListener(type, listener);
      },
      removeEventListener(type: "visibilitychange", listener: () => void) {
        visibilityListeners--;
        doc.removeEventListener(type, listener);
      },
    },
    /** Hides or shows the tab, firing `visibilitychange` as the browser does. */
    setVisibility(state: DocumentVisibilityState) {
      visibility = state;
      doc.dispatchEvent(new Event("visibilitychange"));
    },
    open(url: string, name: string, features: string) {
      opens.push({ url, target: name, features });
      if (options.blockPopups) return null;
      const popup = new FakePopup(origin, options.popupLoadMs);
      popup.closed = !!options.closePopups;
      popups.push(popup);
      return popup;
    },
    location: {
      origin,
      href: `${origin}${options.path ?? "/signup"}${options.search ?? ""}`,
      search: options.search ?? "",
      assign: (url: string) => navigations.push({ kind: "assign", url }),
      replace: (url: string) => navigations.push({ kind: "replace", url }),
    },
    sessionStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => storage.set(key, value),
      removeItem: (key: string) => storage.delete(key),
    },
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number,
    clearTimeout: (id: number | undefined) => clearTimeout(id),
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms) as unknown as number,
    clearInterval: (id: number | undefined) => clearInterval(id),
    addEventListener(type: "message", listener: (event: MessageEvent) => void) {
      listeners++;
      target.addEventListener(type, listener as EventListener);
    },
    removeEventListener(type: "message", listener: (event: MessageEvent) => void) {
      listeners--;
      target.removeEventListener(type, listener as EventListener);
    },
    BroadcastChannel: bus.Channel,
    opener: options.opener ?? null,
    close() {
      win.closed = true;
    },
    screenX: 100,
    screenY: 50,
    outerWidth: 1280,
    outerHeight: 800,
    /** Delivers a `message` event as the browser would. */
    post(data: unknown, from: { origin: string; source: unknown }) {
      const event = Object.assign(new Event("message"), { data, ...from });
      target.dispatchEvent(event);
    },
  } satisfies FaceMatchWindow & Record<string, unknown>;
  return win;
}

/**
 * The fake window type, with its test-only extras.
 * @example
 * function setup({ win = createFakeWindow() }: { win?: FakeWindow } = {}) {}
 */
export type FakeWindow = ReturnType<typeof createFakeWindow>;
