/**
 * Each of the three components ends with a verified face, in each example app (production
 * build) against the simulated vendors: Verisoul's hosted page in a popup, FaceSign's in an
 * iframe, Didit comparing two photos of one person. Each hosted flow is finished with
 * `@facekit/testing`, as a team would in its own signup tests.
 */
import {
  choosePhoto,
  completeVerisoulCapture,
  openVerisoulPopup,
  selfieCompareSlots,
  walkFaceSignFlow,
} from "@facekit/testing";
import { expect, test } from "./fixtures.ts";

const simulatorApp = process.env.VERISOUL_APP_BASE_URL ?? "";

test.beforeEach(async ({ page }) => {
  const response = await page.goto("/");
  // The README's headers: the popup stays reachable, and nobody frames the page.
  expect(response?.headers()).toMatchObject({
    "cross-origin-opener-policy": "same-origin-allow-popups",
    "x-frame-options": "DENY",
  });
  await expect(page.getByRole("heading", { name: "Verify your face" })).toBeVisible();
});

test("FaceMatchButton: the popup's scan passes -> Real, from the backend", async ({ page }) => {
  const popup = await openVerisoulPopup(page, () =>
    page.getByRole("button", { name: "Verify with face" }).click(),
  );
  expect(popup.url().startsWith(simulatorApp)).toBe(true);
  await completeVerisoulCapture(popup, { outcome: "success" });
  await expect(page.getByText("Face match: Real")).toBeVisible({ timeout: 15_000 });
  await expect(page.locator("[data-facekit=face-match]")).toHaveAttribute(
    "data-state",
    "completed",
  );
  await expect.poll(() => popup.isClosed()).toBe(true);
});

test("FaceSignEmbed: the conversation and a live face -> verified", async ({ page }) => {
  await walkFaceSignFlow(page.frameLocator("iframe"), [0, "livenessDetected"]);
  await expect(page.getByText("FaceSign: verified")).toBeVisible({ timeout: 15_000 });
});

test("SelfieCompareUploader: two photos of one person -> approved", async ({ page }) => {
  const { selfie, reference } = selfieCompareSlots(page);
  await choosePhoto(reference, "personA");
  await choosePhoto(selfie, "personA2");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByText("Selfie compare: approved")).toBeVisible({ timeout: 15_000 });
});
