/**
 * Each of the three components ends with a verified face, in each example app (production
 * build) against the simulated vendors: Verisoul's hosted page in a popup, FaceSign's in an
 * iframe, Didit comparing two photos of one person.
 */
import { fileURLToPath } from "node:url";
import { expect, test } from "./fixtures.ts";

/** Two photos of one person, from the simulator's test images. */
const photo = (name: string) =>
  fileURLToPath(new URL(`../../packages/simulator/fixtures/${name}`, import.meta.url));
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
  const popupEvent = page.waitForEvent("popup");
  await page.getByRole("button", { name: "Verify with face" }).click();
  const popup = await popupEvent;
  await popup.waitForURL(`${simulatorApp}/**`);
  await popup.getByRole("button", { name: /success/i }).click();
  await expect(page.getByText("Face match: Real")).toBeVisible({ timeout: 15_000 });
  await expect(page.locator("[data-facekit=face-match]")).toHaveAttribute(
    "data-state",
    "completed",
  );
  await expect.poll(() => popup.isClosed()).toBe(true);
});

test("FaceSignEmbed: the conversation and a live face -> verified", async ({ page }) => {
  const frame = page.frameLocator("iframe");
  await frame.locator("button.primary").click();
  await frame.getByRole("button", { name: "livenessDetected" }).click();
  await expect(page.getByText("FaceSign: verified")).toBeVisible({ timeout: 15_000 });
});

test("SelfieCompareUploader: two photos of one person -> approved", async ({ page }) => {
  for (const [slot, file] of [
    ["Reference photo", photo("personA.jpg")],
    ["Your selfie", photo("personA-2.jpg")],
  ] as const) {
    const group = page.getByRole("group", { name: slot });
    await group.locator("input[type=file]").setInputFiles(file);
    await expect(group.getByRole("img", { name: slot })).toBeVisible({ timeout: 10_000 });
  }
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByText("Selfie compare: approved")).toBeVisible({ timeout: 15_000 });
});
