/**
 * Issue 15: the FaceSign modal can be closed by its button, its backdrop and Escape, asks before
 * leaving a session the person began, gives focus back, and fills a phone's screen; the inline
 * embed ends on a screen, not 0 px.
 */
import type { Page } from "@playwright/test";
import { expect, finalCallback, setFaceSignScenario, test, walkFaceSignFlow } from "./fixtures.ts";

// The FaceSign simulator's scenario is not reset between tests by the shared fixture.
test.beforeEach(() => setFaceSignScenario({}));

/** Opens the harness's modal and waits for FaceSign's page inside it. */
async function openModal(page: Page) {
  await page.goto("/facesign.html?modal&theme=light");
  const opener = page.getByRole("button", { name: "Open verification" });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "FaceSign verification" });
  const frame = page.frameLocator("iframe");
  await expect(frame.locator('form[action="/step"]')).toBeVisible();
  return { opener, dialog, frame };
}

/** Leaves through the confirm the dialog shows once the person is in FaceSign's page. */
async function leave(page: Page) {
  const confirm = page.getByRole("group", { name: "Leave verification?" });
  await expect(confirm.getByRole("button", { name: "Keep going" })).toBeFocused();
  await confirm.getByRole("button", { name: "Leave" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
}

test("modal: the close button (named Close) closes at once while loading, focus back", async ({
  page,
}) => {
  await setFaceSignScenario({ latencyMs: 3000 });
  await page.goto("/facesign.html?modal&theme=light");
  const opener = page.getByRole("button", { name: "Open verification" });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "FaceSign verification" });
  await expect(dialog).toHaveAttribute("data-state", "loading");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  expect(await finalCallback(page)).toEqual({ callback: "cancel" });
});

test("modal: the close button, once FaceSign's page is up, asks; Leave closes", async ({
  page,
}) => {
  const { opener, dialog } = await openModal(page);
  await expect(dialog).toHaveAttribute("data-state", "inProgress");
  await dialog.getByRole("button", { name: "Close" }).click();
  await leave(page);
  await expect(opener).toBeFocused();
  expect(await finalCallback(page)).toEqual({ callback: "cancel" });
});

test("modal: a click on the backdrop closes it (asking first)", async ({ page }) => {
  const { opener, dialog } = await openModal(page);
  await expect(dialog).toHaveAttribute("data-state", "inProgress");
  await page.mouse.click(8, 8); // the page's corner: the backdrop, outside the dialog
  await leave(page);
  await expect(opener).toBeFocused();
});

test("modal: a click inside the dialog does not close it", async ({ page }) => {
  const { dialog } = await openModal(page);
  const box = await dialog.boundingBox();
  if (!box) throw new Error("no box");
  await page.mouse.click(box.x + 4, box.y + box.height - 4); // the dialog's own edge
  await expect(dialog).toBeVisible();
  await expect(page.getByRole("group", { name: "Leave verification?" })).toHaveCount(0);
});

test("modal: Escape on the page asks; Escape inside FaceSign's iframe never reaches the page, Shift+Tab reaches Close", async ({
  page,
}) => {
  const { dialog, frame } = await openModal(page);
  await expect(dialog).toHaveAttribute("data-state", "inProgress");
  await dialog.getByRole("button", { name: "Close" }).focus();
  await page.keyboard.press("Escape"); // focus on the page (the close button): asks
  const confirm = page.getByRole("group", { name: "Leave verification?" });
  await expect(confirm).toBeVisible();
  await page.keyboard.press("Escape"); // again: keep going
  await expect(confirm).toHaveCount(0);
  await frame.locator('form[action="/step"] button').first().focus();
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("IFRAME");
  await page.keyboard.press("Escape");
  // The key went to FaceSign's document (another origin): no event reaches ours, and
  // Chromium does not turn it into the dialog's cancel either.
  await page.waitForTimeout(300);
  await expect(confirm).toHaveCount(0);
  await expect(dialog).toBeVisible();
  // One Shift+Tab from the first control of FaceSign's page lands on Close.
  await page.keyboard.press("Shift+Tab");
  await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
  await page.keyboard.press("Enter");
  await leave(page);
  expect(await finalCallback(page)).toEqual({ callback: "cancel" });
});

test("modal: once the person began, Close asks first; Keep going keeps the session", async ({
  page,
}) => {
  const { dialog, frame } = await openModal(page);
  await walkFaceSignFlow(frame, [0]); // in the session now
  await expect(dialog).toHaveAttribute("data-state", "inProgress");
  await dialog.getByRole("button", { name: "Close" }).click();
  const confirm = dialog.getByRole("group", { name: "Leave verification?" });
  await expect(confirm.getByRole("button", { name: "Keep going" })).toBeFocused();
  await confirm.getByRole("button", { name: "Keep going" }).click();
  await expect(confirm).toBeHidden();
  await expect(dialog.locator("iframe")).toBeVisible();
  await page.mouse.click(8, 8); // the backdrop asks too
  await confirm.getByRole("button", { name: "Leave" }).click();
  await expect(dialog).toBeHidden();
  expect(await finalCallback(page)).toEqual({ callback: "cancel" });
});

test("modal: fills a phone's screen, the close button in view", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { dialog } = await openModal(page);
  expect(await dialog.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
  await expect(dialog.getByRole("button", { name: "Close" })).toBeInViewport();
  const frame = await dialog.locator("iframe").boundingBox();
  expect(frame?.height).toBeGreaterThan(700);
});

test("inline: leaving ends on a 'not finished' screen with Start again, not 0 px", async ({
  page,
}) => {
  await page.goto("/facesign.html?theme=light");
  await walkFaceSignFlow(page.frameLocator("iframe"), ["Leave"]);
  expect(await finalCallback(page)).toEqual({ callback: "cancel" });
  const embed = page.locator("[data-facekit=facesign]");
  await expect(embed.getByRole("status")).toHaveText("The verification was not finished.");
  expect((await embed.boundingBox())?.height).toBeGreaterThan(100);
  await embed.getByRole("button", { name: "Start again" }).click();
  await expect(page.frameLocator("iframe").locator('form[action="/step"]')).toBeVisible();
});

test("inline: a completed session ends on a calm 'complete' screen", async ({ page }) => {
  await page.goto("/facesign.html?theme=light");
  await walkFaceSignFlow(page.frameLocator("iframe"), [0, "livenessDetected"]);
  const embed = page.locator("[data-facekit=facesign]");
  await expect(embed.getByRole("status")).toHaveText("Verification complete. Thank you.");
  await expect(embed.getByRole("button")).toHaveCount(0);
});
