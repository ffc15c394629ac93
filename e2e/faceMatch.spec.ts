/**
 * <FaceMatchButton> end to end in Chromium: the harness app (its own origin) with a backend built
 * on @facekit/server, against the Verisoul simulator's API and hosted app on two other origins.
 */
import type { Page } from "@playwright/test";
import {
  completeVerisoulCapture,
  expect,
  finalCallback,
  openVerisoulPopup,
  readLog,
  setScenario,
  simulator,
  simulatorApp,
  test,
  vendorCalls,
} from "./fixtures.ts";

/** Clicks the button and returns the popup once it shows the simulator's hosted page. */
async function openPopup(page: Page) {
  const popup = await openVerisoulPopup(page, () =>
    page.getByRole("button", { name: /verify/i }).click(),
  );
  expect(popup.url().startsWith(`${simulatorApp}/`)).toBe(true);
  return popup;
}

const events = async (page: Page) =>
  (await readLog(page)).flatMap((e) => (e.event ? [e.event] : []));

test("popup: success ends with the verdict from the backend, and the popup closes", async ({
  page,
}) => {
  await page.goto("/?mode=popup");
  const popup = await openPopup(page);
  expect(page.context().pages()).toHaveLength(2); // StrictMode: still exactly one popup
  await completeVerisoulCapture(popup, { outcome: "success" });
  const done = await finalCallback(page);
  expect(done).toMatchObject({ callback: "complete", result: { decision: "Real", riskFlags: [] } });
  await expect.poll(() => popup.isClosed()).toBe(true);
  expect(await events(page)).toEqual(
    expect.arrayContaining(["popup_opened", "callback_received", "verifying", "completed"]),
  );
  expect((await vendorCalls())["/liveness/verify-face"]).toBeGreaterThanOrEqual(1);
});

for (const [outcome, code] of [
  ["failed_to_get_camera_permission", "camera_denied"],
  ["liveness_check_failed", "liveness_failed"],
] as const) {
  test(`popup: "${outcome}" in the hosted flow -> onError ${code}`, async ({ page }) => {
    await page.goto("/?mode=popup");
    const popup = await openPopup(page);
    await completeVerisoulCapture(popup, { outcome });
    expect(await finalCallback(page)).toEqual({ callback: "error", code });
  });
}

test("popup: the user closes the popup -> onCancel, not an error", async ({ page }) => {
  await page.goto("/?mode=popup&sever=300");
  const popup = await openPopup(page);
  await page.waitForTimeout(500);
  await popup.close();
  expect(await finalCallback(page)).toEqual({ callback: "cancel" });
  await expect(page.getByRole("button")).toHaveAttribute("data-state", "cancelled");
});

test("expired session -> session_expired", async ({ page }) => {
  await setScenario({ expireSessions: true });
  await page.goto("/?mode=popup");
  await page.getByRole("button", { name: /verify/i }).click();
  expect(await finalCallback(page)).toEqual({ callback: "error", code: "session_expired" });
});

for (const [status, code] of [
  [429, "rate_limited"],
  [503, "vendor_unavailable"],
  [500, "vendor_unavailable"],
] as const) {
  test(`vendor answers ${status} when minting -> ${code}, popup closed`, async ({ page }) => {
    await setScenario({ failNext: { status, count: 1 } });
    await page.goto("/?mode=popup");
    const popupEvent = page.waitForEvent("popup");
    await page.getByRole("button", { name: /verify/i }).click();
    const popup = await popupEvent;
    expect(await finalCallback(page)).toEqual({ callback: "error", code });
    await expect.poll(() => popup.isClosed()).toBe(true);
  });
}

test("not signed in -> unauthorized, and no vendor call is made", async ({ page, context }) => {
  await context.clearCookies();
  await page.goto("/?mode=popup");
  await page.getByRole("button", { name: /verify/i }).click();
  expect(await finalCallback(page)).toEqual({ callback: "error", code: "unauthorized" });
  expect((await vendorCalls())["/liveness/session"] ?? 0).toBe(0);
});

test("redirect mode: full-page round trip resumes with the backend verdict", async ({ page }) => {
  await page.goto("/?mode=redirect");
  await page.getByRole("button", { name: /verify/i }).click();
  await page.waitForURL(`${simulatorApp}/**`);
  await completeVerisoulCapture(page); // after a redirect: in the app's own tab
  await page.waitForURL(/\/\?mode=redirect/);
  expect(await finalCallback(page)).toMatchObject({
    callback: "complete",
    result: { decision: "Real" },
  });
});

test("COOP on the hosted page severs window.opener: the result still arrives", async ({ page }) => {
  await simulator.verisoul.severPopup();
  await page.goto("/?mode=popup&poll=60000");
  const popup = await openPopup(page);
  await expect.poll(() => events(page)).toContain("popup_detached");
  // The hosted page's COOP put the popup in a new browsing context group: no opener left.
  expect(await popup.evaluate(() => window.opener)).toBeNull();
  await completeVerisoulCapture(popup);
  expect(await finalCallback(page)).toMatchObject({
    callback: "complete",
    result: { decision: "Real" },
  });
});

test("desktop QR hand-off: the phone finishes, the desktop learns it from the backend", async ({
  page,
  browser,
}) => {
  await setScenario({ handoff: "always" });
  await page.goto("/?mode=popup&poll=300");
  const popup = await openPopup(page);
  const href = await popup.locator('a[href*="/phone"]').getAttribute("href");
  expect(href).toBeTruthy();
  const phone = await browser.newContext({
    userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148",
  });
  const phonePage = await phone.newPage();
  await phonePage.goto(new URL(href ?? "", simulatorApp).href);
  await completeVerisoulCapture(phonePage);
  await phonePage.waitForURL(/callback\.html/);
  await expect(phonePage.locator("#callback-status")).toHaveText("callback: handoff");
  expect(popup.url().startsWith(simulatorApp)).toBe(true);
  expect(await finalCallback(page)).toMatchObject({
    callback: "complete",
    result: { decision: "Real" },
  });
  await phone.close();
});

test("forged messages from another origin or another window are ignored", async ({ page }) => {
  await page.goto("/?mode=popup&poll=60000");
  const popup = await openPopup(page);
  const sessionId = new URL(popup.url()).searchParams.get("session_id");
  const forged = {
    facekit: 1,
    type: "verisoul:redirect",
    sessionId,
    success: false,
    errorMessage: "liveness_check_failed",
  };
  // From the vendor's origin, through the real opener reference.
  await popup.evaluate((message) => window.opener.postMessage(message, "*"), forged);
  // From the app's own origin, but from a window the flow did not open.
  await page.evaluate((message) => {
    const frame = document.createElement("iframe");
    frame.srcdoc = `<script>parent.postMessage(${JSON.stringify(message)}, "*")</script>`;
    document.body.append(frame);
    return new Promise((resolve) => frame.addEventListener("load", resolve));
  }, forged);
  await page.waitForTimeout(300);
  expect(await events(page)).not.toContain("callback_received");
  await completeVerisoulCapture(popup);
  expect(await finalCallback(page)).toMatchObject({ callback: "complete" });
});
