import type { FaceMatchPopup, FaceMatchWindow } from "../types.ts";

/**
 * Watches the popup every 200 ms (the only way to see a cross-origin popup close) and calls
 * `onClosed(loadedAt)` once when it reads closed. `loadedAt` is when the vendor's page was first
 * seen loaded: reading `location.href` threw (a cross-origin page), or read another URL than the
 * empty popup's `about:blank` (a vendor simulated on the app's own origin, as in the static
 * Storybook); 0 if that was never seen. While `popup()` returns null nothing is checked. Returns a
 * function that stops watching.
 * @example
 * const stop = watchPopup(window, () => popup, (loadedAt) => console.info("closed", loadedAt));
 */
export function watchPopup(
  win: FaceMatchWindow,
  popup: () => FaceMatchPopup | null,
  onClosed: (loadedAt: number) => void,
): () => void {
  let loadedAt = 0;
  const id = win.setInterval(() => {
    const p = popup();
    if (p?.closed) {
      win.clearInterval(id);
      onClosed(loadedAt);
    } else if (!loadedAt) {
      try {
        // Throws once the page is cross-origin: the vendor's has loaded.
        const href = p?.location.href;
        if (href && href !== "about:blank") loadedAt = Date.now();
      } catch {
        loadedAt = Date.now();
      }
    }
  }, 200);
  return () => win.clearInterval(id);
}
