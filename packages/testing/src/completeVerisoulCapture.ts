import type { CaptureOutcome } from "@facekit/simulator";
import type { Page } from "@playwright/test";

/** Who the simulated camera sees: a face unique to the session, or one of the named people. */
export type SimulatedFace = "new" | "alice" | "bob" | "chen" | "dana";

/** Options of {@link completeVerisoulCapture}. */
export interface VerisoulCaptureOptions {
  /** The button the person presses. Default `"success"`. */
  outcome?: CaptureOutcome;
  /**
   * Who is in front of the camera. The same named person across sessions links enrolments
   * (enrol as `alice`, authenticate as `bob`: a different face). Default: the page's own
   * choice, a new face.
   */
  face?: SimulatedFace;
}

/**
 * Finishes the simulated Verisoul capture page shown in `page` (a popup, or the app's own tab
 * after a redirect) the way a person would: picks the face, presses the outcome's button. The
 * buttons are found by their outcome, not their words, so any `lng` works.
 * @example
 * const popup = await openVerisoulPopup(page, () => page.getByRole("button", { name: "Verify" }).click());
 * await completeVerisoulCapture(popup, { outcome: "liveness_check_failed" });
 */
export async function completeVerisoulCapture(
  page: Page,
  options: VerisoulCaptureOptions = {},
): Promise<void> {
  const form = page.locator('form[action="/complete"]');
  if (options.face) await form.locator("select[name=face]").selectOption(options.face);
  await form.locator(`button[name=outcome][value="${options.outcome ?? "success"}"]`).click();
}

/**
 * Runs `open` (e.g. a click on `<FaceMatchButton>`) and returns the popup it opened, once the
 * popup has reached the simulated Verisoul page (capture or desktop QR hand-off).
 * @example
 * const popup = await openVerisoulPopup(page, () => page.getByRole("button", { name: /verify/i }).click());
 */
export async function openVerisoulPopup(page: Page, open: () => Promise<unknown>): Promise<Page> {
  const popupEvent = page.waitForEvent("popup");
  await open();
  const popup = await popupEvent;
  await popup.waitForURL((url) => url.searchParams.has("session_id"));
  return popup;
}
