/**
 * The static Storybook build works with no backend: served by a plain file server, each
 * component's live story completes a flow against the vendors and the FaceKit backend simulated
 * in the page's service worker, on the page's own origin.
 */
import {
  choosePhoto,
  completeVerisoulCapture,
  openVerisoulPopup,
  selfieCompareSlots,
  walkFaceSignFlow,
} from "@facekit/testing";
import { expect, type Page, test } from "@playwright/test";

const simulated = "/__facekit-story/sim/";

/** Opens one story alone (Storybook's preview frame) and waits for its simulated-backend note. */
async function openStory(page: Page, id: string) {
  await page.goto(`/iframe.html?id=${id}&viewMode=story`);
  await expect(page.getByRole("note")).toContainText("Simulated");
}

test("Face Match: the popup shows the simulated Verisoul page, and the verdict comes back", async ({
  page,
  baseURL,
}) => {
  await openStory(page, "verisoul-facematchbutton--idle");
  const button = page.getByRole("button", { name: "Verify with face" });
  const popup = await openVerisoulPopup(page, () => button.click());
  expect(popup.url()).toContain(`${baseURL}${simulated}verisoul-app/`);
  await completeVerisoulCapture(popup, { outcome: "success" });
  await expect(page.locator("button[data-state]")).toHaveAttribute("data-state", "completed", {
    timeout: 15_000,
  });
  await expect.poll(() => popup.isClosed()).toBe(true);
});

test("FaceSign: the iframe walks the simulated flow to a verified end", async ({
  page,
  baseURL,
}) => {
  await openStory(page, "facesign-facesignembed--embedded");
  const frame = page.locator("iframe[title='FaceSign verification']");
  await expect(frame).toHaveAttribute("src", new RegExp(`^${baseURL}${simulated}facesign-app/`));
  await walkFaceSignFlow(page.frameLocator("iframe[title='FaceSign verification']"), [
    0,
    "livenessDetected",
  ]);
  await expect(page.locator("[data-state=completed]")).toBeVisible({ timeout: 15_000 });
  await expect(frame).toHaveCount(0);
});

test("selfie compare: two photos of one person are approved, of two people declined", async ({
  page,
}) => {
  await openStory(page, "didit-selfiecompareuploader--live-same-person");
  // The story's play function uploads the simulator's photos of person A (served by the worker).
  await expect(page.getByRole("status")).toContainText("Approved: the faces match.", {
    timeout: 20_000,
  });
  // Then the person changes the selfie for a photo of someone else, from the file picker.
  await choosePhoto(selfieCompareSlots(page).selfie, "personB");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("status")).toContainText(/declined|do not match/i, {
    timeout: 20_000,
  });
});
