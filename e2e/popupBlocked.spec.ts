/**
 * A browser that blocks the popup: Chromium's popup blocker is on (Playwright turns it off by
 * default) and the click carries no user activation, so `window.open` returns null. Auto mode
 * falls back to a full-page redirect; popup mode reports `popup_blocked`.
 */
import type { Page } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "../vite.shared.ts";
import { expect, finalCallback, simulatorApp, test, vendorCalls } from "./fixtures.ts";

test.use({
  // Trace snapshots evaluate with a user gesture, which would let the popup through.
  trace: "off",
  launchOptions: {
    executablePath: chromiumPath,
    args: chromiumArgs,
    ignoreDefaultArgs: ["--disable-popup-blocking"],
  },
});

/**
 * Clicks the button from script without a user gesture, which the blocker refuses. Everything goes
 * through CDP with `userGesture: false`: Playwright's own locator calls would grant the page
 * transient activation and let the popup through.
 */
async function clickWithoutGesture(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const expression = `(() => { const b = document.querySelector("button"); if (!b) return false; b.click(); return true; })()`;
  await expect
    .poll(async () => {
      const { result } = await cdp.send("Runtime.evaluate", {
        expression,
        userGesture: false,
        returnByValue: true,
      });
      return result.value;
    })
    .toBe(true);
}

test("auto mode falls back to a redirect when the popup is blocked", async ({ page }) => {
  await page.goto("/?mode=auto");
  await clickWithoutGesture(page);
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
  await clickWithoutGesture(page);
  expect(await finalCallback(page)).toEqual({ callback: "error", code: "popup_blocked" });
  expect((await vendorCalls())["/liveness/session"] ?? 0).toBe(0);
});
