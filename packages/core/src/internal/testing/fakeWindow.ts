/**
 * Test doubles for the browser around a flow (never for the flow itself): a fake `window` with a
 * popup that records navigation, in-memory sessionStorage, an in-memory BroadcastChannel bus
 * shared by the windows of one "browser", and timers delegated to the (fakeable) global ones.
 */
import type { FaceMatchPopup, FaceMatchWindow } from "../../types.ts";

/**
 * A popup like a real `WindowProxy`: `close()` flips `closed`, and setting `location.href` starts a
 * navigation that commits after `loadMs` (at once when 0). Once a page from another origin than
 * `appOrigin` has loaded, reading `location.href` throws a SecurityError. `url` records where it
 * was sent (for tests), `loaded` whether that page has loaded.
 */
export class FakePopup implements FaceMatchPopup {
  closed = false;
  focused = 0;
  url = "";
  loaded = false;
  readonly location: { href: string };
  constructor(appOrigin: string, loadMs = 0) {
    const popup = this;
    this.location = {
      get href() {
        if (!popup.loaded) return "about:blank";
        if (new URL(popup.url).origin !== appOrigin) {
          throw new DOMException(
            "Blocked a frame from accessing a cross-origin frame.",
            "SecurityError",
          );
        }
        return popup.url;
      },
      set href(url: string) {
        popup.url = url;
        popup.loaded = false;
        if (loadMs) setTimeout(() => popup.load(), loadMs);
        else popup.load();
      },
    };
  }
  /** Commits the navigation: the page at `url` has loaded. */
  load() {
    this.loaded = true;
  }
  close() {
    this.closed = true;
  }
  focus() {
    this.focused++;
  }
}

/** In-memory BroadcastChannel bus: messages reach every other open channel of the same name. */
export function createBus() {
  const open = new Set<FakeChannel>();
  class FakeChannel {
    onmessage: ((event: MessageEvent) => void) | null = null;
    constructor(readonly name: string) {
      open.add(this);
    }
    postMessage(data: unknown) {
      for (const c of open) {
        if (c !== this && c.name === this.name) {
          queueMicrotask(() => open.has(c) && c.onmessage?.({ data } as MessageEvent));
        }
      }
    }
    close() {
      open.delete(this);
    }
  }
  return { Channel: FakeChannel as unknown as typeof BroadcastChannel, open };
}

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

/** A fake `window` built on a real EventTarget. */
export function createFakeWindow(options: FakeWindowOptions = {}) {
  const origin = options.origin ?? "https://app.test";
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

/** The fake window type, with its test-only extras. */
export type FakeWindow = ReturnType<typeof createFakeWindow>;
