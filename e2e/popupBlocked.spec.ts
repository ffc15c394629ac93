/**
 * A browser that blocks the popup: `window.open` returns null. Auto mode falls back to a
 * full-page redirect; popup mode reports `popup_blocked`.
 */
import { chromiumArgs, chromiumPath } from "../vite.shared.ts";
import { expect, finalCallback, simulatorApp, test } from "./fixtures.ts";

test.use({
  launchOptions: {
    executablePath: chromiumPath,
    // Chromium's own switch that makes every window.open fail, as a strict blocker does.
    args: [...chromiumArgs, "--block-new-web-contents"],
  },
});

test("auto mode falls back to a redirect when the popup is blocked", async ({ page }) => {
  await page.goto("/?mode=auto");
  await page.getByRole("button", { name: /verify/i }).click();
  await page.waitForURL(`${simulatorApp}/**`);
  await page.getByRole("button", { name: /success/i }).click();
  await page.waitForURL(/\/\?mode=auto/);
  expect(await finalCallback(page)).toMatchObject({
    callback: "complete",
    result: { decision: "Real" },
  });
});

test("popup mode reports popup_blocked and makes no vendor call", async ({ page }) => {
  await page.goto("/?mode=popup");
  await page.getByRole("button", { name: /verify/i }).click();
  expect(await finalCallback(page)).toEqual({ callback: "error", code: "popup_blocked" });
});
