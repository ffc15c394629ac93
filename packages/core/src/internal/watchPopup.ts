import type { FlowWindow } from "../types.ts";

/**
 * Calls `onClosed` once, when `isClosed()` turns true (checked every 500 ms, the only way to see a
 * cross-origin popup close). Returns a function that stops watching.
 * @example
 * const stop = watchPopup(window, () => popup.closed, () => console.info("closed"));
 */
export function watchPopup(
  win: FlowWindow,
  isClosed: () => boolean,
  onClosed: () => void,
): () => void {
  const id = win.setInterval(() => {
    if (!isClosed()) return;
    win.clearInterval(id);
    onClosed();
  }, 500);
  return () => win.clearInterval(id);
}
