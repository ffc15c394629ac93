/**
 * Issue 15: every state a person meets, photographed at 1280 px and 390 px in the light and the
 * dark theme, saved under the test's output folder (test-results/) and attached to the report.
 * Face Match and FaceSign here; the uploader's are in e2e/uploaderScreens.spec.ts.
 */
import type { Page, TestInfo } from "@playwright/test";
import {
  completeVerisoulCapture,
  expect,
  finalCallback,
  openVerisoulPopup,
  setFaceSignScenario,
  setScenario,
  test,
  walkFaceSignFlow,
} from "./fixtures.ts";

const themes = ["light", "dark"] as const;
const widths = [1280, 390] as const;

/** Photographs the page in its current state at both widths. */
async function shoot(page: Page, info: TestInfo, name: string) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: width > 500 ? 800 : 844 });
    await page.waitForTimeout(100); // a re-layout, and the theme's transitions
    const path = info.outputPath(`${name}-${width}.png`);
    await page.screenshot({ path });
    await info.attach(`${name}-${width}`, { path, contentType: "image/png" });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

const faceMatch = (page: Page) => page.locator("[data-facekit=face-match]");

test.beforeEach(() => setFaceSignScenario({}));

for (const theme of themes) {
  const fm = `/?mode=popup&poll=60000&theme=${theme}`;

  test(`Face Match (${theme}): idle, waiting, completed`, async ({ page }, info) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(fm);
    await shoot(page, info, `face-match-${theme}-idle`);
    const popup = await openVerisoulPopup(page, () => faceMatch(page).click());
    await expect(faceMatch(page)).toHaveAttribute("data-state", "open");
    await shoot(page, info, `face-match-${theme}-waiting`);
    await completeVerisoulCapture(popup);
    await expect(faceMatch(page)).toHaveAttribute("data-state", "completed");
    await shoot(page, info, `face-match-${theme}-completed`);
  });

  test(`Face Match (${theme}): completed with recheck, cancelled, detached, failed`, async ({
    page,
  }, info) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`${fm}&recheck`);
    const popup = await openVerisoulPopup(page, () => faceMatch(page).click());
    await completeVerisoulCapture(popup);
    await expect(faceMatch(page)).toHaveAttribute("data-state", "completed");
    await shoot(page, info, `face-match-${theme}-completed-recheck`);

    await page.goto(fm);
    const again = await openVerisoulPopup(page, () => faceMatch(page).click());
    await completeVerisoulCapture(again, { outcome: "failed_to_complete_face_scan" });
    await expect(faceMatch(page)).toHaveAttribute("data-state", "cancelled");
    await shoot(page, info, `face-match-${theme}-cancelled`);

    await setScenario({ coop: true });
    await page.goto(fm);
    await openVerisoulPopup(page, () => faceMatch(page).click());
    await expect(faceMatch(page)).toHaveAccessibleName(/closed the window/i);
    await shoot(page, info, `face-match-${theme}-detached`);

    await page.addInitScript(() => {
      window.open = () => null; // a browser blocking popups
    });
    await page.goto(fm);
    await faceMatch(page).click();
    await expect(faceMatch(page)).toHaveAttribute("data-state", "failed");
    await shoot(page, info, `face-match-${theme}-failed-popup-blocked`);
  });

  const fs = `/facesign.html?theme=${theme}`;
  const embed = (page: Page) => page.locator("[data-facekit=facesign]");

  test(`FaceSign (${theme}): loading, embedded, cancelled, completed, failed`, async ({
    page,
  }, info) => {
    await page.emulateMedia({ colorScheme: theme });
    await setFaceSignScenario({ latencyMs: 4000 });
    await page.goto(fs);
    await expect(embed(page)).toHaveAttribute("data-state", "loading");
    await shoot(page, info, `facesign-${theme}-loading`);

    await setFaceSignScenario({});
    await page.goto(fs);
    const frame = page.frameLocator("iframe");
    await expect(frame.locator('form[action="/step"]')).toBeVisible();
    await shoot(page, info, `facesign-${theme}-embedded`);
    await walkFaceSignFlow(frame, ["Leave"]);
    await expect(embed(page)).toHaveAttribute("data-state", "cancelled");
    await shoot(page, info, `facesign-${theme}-cancelled`);

    await page.goto(fs);
    await walkFaceSignFlow(page.frameLocator("iframe"), [0, "livenessDetected"]);
    await expect(embed(page)).toHaveAttribute("data-state", "completed");
    await shoot(page, info, `facesign-${theme}-completed`);

    // More than one: the finished session's own late reads (webhook, onResult) may take the first.
    await setFaceSignScenario({ failNext: { status: 503, count: 5 } });
    await page.goto(fs);
    await expect(embed(page)).toHaveAttribute("data-state", "failed");
    await shoot(page, info, `facesign-${theme}-failed`);
    await setFaceSignScenario({});
  });

  test(`FaceSign modal (${theme}): open, asking before leaving`, async ({ page }, info) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`/facesign.html?modal&theme=${theme}`);
    await page.getByRole("button", { name: "Open verification" }).click();
    const dialog = page.getByRole("dialog");
    await expect(page.frameLocator("iframe").locator('form[action="/step"]')).toBeVisible();
    await shoot(page, info, `facesign-modal-${theme}-open`);
    await expect(dialog).toHaveAttribute("data-state", "inProgress");
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog.getByRole("group")).toBeVisible();
    await shoot(page, info, `facesign-modal-${theme}-leave-confirm`);
    await dialog.getByRole("button", { name: "Leave" }).click();
    expect(await finalCallback(page)).toEqual({ callback: "cancel" });
  });
}
