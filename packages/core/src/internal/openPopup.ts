import type { FaceMatchPopup, FaceMatchWindow } from "../types.ts";

/**
 * Opens an empty popup named `name` (one per flow, so two flows never share a window), centred on
 * the current window. Must run synchronously inside the click (before any await), or browsers
 * block it; the caller navigates it once the session is ready.
 * @example
 * const popup = openPopup(window, "facekit:verisoul:0.42", { width: 480, height: 720 });
 */
export function openPopup(
  win: FaceMatchWindow,
  name: string,
  { width, height } = { width: 480, height: 720 },
): FaceMatchPopup | null {
  const left = (win.screenX ?? 0) + ((win.outerWidth ?? width) - width) / 2;
  const top = (win.screenY ?? 0) + ((win.outerHeight ?? height) - height) / 2;
  return win.open(
    "",
    name,
    `popup,width=${width},height=${height},left=${left | 0},top=${top | 0}`,
  );
}
