/**
 * `window.open` and the callback page's message for jsdom, which opens no windows (real popups
 * are covered end to end). The popups are core's {@link FakePopup}.
 */
import { vi } from "vitest";
import { FakePopup } from "../core/FakePopup.ts";

/**
 * Replaces `window.open` with one that records fake popups (of this page's origin, so a vendor's
 * page in them reads as cross-origin); undone by `vi.restoreAllMocks()`. Returns the list the
 * popups are pushed to.
 * @example
 * let popups: FakePopup[];
 * beforeEach(() => {
 *   popups = stubWindowOpen();
 * });
 * afterEach(() => vi.restoreAllMocks());
 */
export function stubWindowOpen(): FakePopup[] {
  const popups: FakePopup[] = [];
  vi.spyOn(window, "open").mockImplementation(() => {
    const popup = new FakePopup(window.location.origin);
    popups.push(popup);
    return popup as unknown as Window;
  });
  return popups;
}

/**
 * Delivers a `message` event to `window` as the callback page in `source` would.
 * @example
 * act(() => postFromPopup(envelope("s-1"), popups[0]));
 */
export function postFromPopup(data: unknown, source: unknown, origin = window.location.origin) {
  window.dispatchEvent(Object.assign(new Event("message"), { data, origin, source }));
}
