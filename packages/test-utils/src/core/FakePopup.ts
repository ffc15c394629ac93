/**
 * The one popup double of the repo (core flows get it from the fake window, React tests from
 * `stubWindowOpen`).
 */
import type { FaceMatchPopup } from "@facekit/core";

/**
 * A popup like a real `WindowProxy`: `close()` flips `closed`, and setting `location.href` starts a
 * navigation that commits after `loadMs` (at once when 0). Once a page from another origin than
 * `appOrigin` has loaded, reading `location.href` throws a SecurityError. `url` records where it
 * was sent (for tests), `loaded` whether that page has loaded.
 * @example
 * const popup = new FakePopup("https://app.test");
 * popup.location.href = "https://verisoul.test/?session_id=s-1";
 * expect(popup.url).toBe("https://verisoul.test/?session_id=s-1");
 * expect(() => popup.location.href).toThrow(); // cross-origin now
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
