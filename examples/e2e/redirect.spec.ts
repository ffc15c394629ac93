/**
 * Next.js: `<FaceMatchButton mode="redirect">` rendered straight from a server component. The tab
 * goes to the hosted page, back through the callback page, and the button shows the backend's
 * verdict.
 */
import { completeVerisoulCapture } from "@facekit/testing";
import { expect, test } from "./fixtures.ts";

const simulatorApp = process.env.VERISOUL_APP_BASE_URL ?? "";

test("redirect mode: a full-page round trip ends with the backend's verdict", async ({ page }) => {
  await page.goto("/redirect");
  await page.getByRole("button", { name: "Verify with face" }).click();
  await page.waitForURL(`${simulatorApp}/**`);
  await completeVerisoulCapture(page, { outcome: "success" });
  await page.waitForURL(/\/redirect$/);
  const button = page.locator("[data-facekit=face-match]");
  await expect(button).toHaveAttribute("data-state", "completed", { timeout: 15_000 });
  await expect(button).toHaveAttribute("data-decision", "Real");
});
