/**
 * <SelfieCompareUploader> with the library's stylesheet, at 390 px (a phone) and 1280 px, light
 * and dark: each state it shows (empty, camera on, photos picked, uploading, approved, declined,
 * failed) is kept as a screenshot under test-results/, and its layout is checked: nothing
 * overflows, slots side by side with no hole beside them when wide, compact slots on a phone with
 * the action and the result in view, and the slots and the action keep their size between states.
 */
import { diditFixturePaths } from "@facekit/simulator/node";
import type { Locator, Page, TestInfo } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "../vite.shared.ts";
import { expect, finalCallback, setDiditScenario, test } from "./fixtures.ts";

const photos = diditFixturePaths();

test.use({
  launchOptions: {
    executablePath: chromiumPath,
    args: [...chromiumArgs, `--use-file-for-fake-video-capture=${photos.personAY4m}`],
  },
});

test.beforeEach(async () => {
  await setDiditScenario();
});

const root = (page: Page) => page.locator('[data-facekit="selfie-compare"]');
const slot = (page: Page, name: "Your selfie" | "Reference photo") =>
  page.getByRole("group", { name });
const box = async (l: Locator) => (await l.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };

async function pick(page: Page, name: "Your selfie" | "Reference photo", path: string) {
  await slot(page, name).locator("input[type=file]").setInputFiles(path);
  await expect(slot(page, name).getByRole("img", { name })).toBeVisible({ timeout: 10_000 });
}

/** Nothing wider than its box: the page, the uploader and each of its slots. */
async function expectNoOverflow(page: Page) {
  const overflowing = await page.evaluate(() =>
    [document.documentElement, ...document.querySelectorAll("[data-facekit], [data-facekit] > *")]
      .filter((el) => el.scrollWidth > el.clientWidth)
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(overflowing).toEqual([]);
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  await expectNoOverflow(page);
  const path = testInfo.outputPath(`${name}.png`);
  await root(page).screenshot({ path, animations: "disabled" });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

const heights = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-facekit] > fieldset, [data-part="action"]')].map((el) =>
      Math.round(el.getBoundingClientRect().height),
    ),
  );

for (const [width, height] of [
  [390, 844],
  [1280, 800],
] as const) {
  for (const theme of ["light", "dark"] as const) {
    test(`uploader states at ${width} px, ${theme}`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height });
      await page.goto(`/selfie.html?theme=${theme}`);
      // The harness's callback log (not the uploader) wraps, so the page's own width is measured.
      await page.addStyleTag({ content: "pre { white-space: pre-wrap; word-break: break-all }" });
      if (theme === "dark") await page.addStyleTag({ content: "body { background: #0b0f17 }" });
      await expect(slot(page, "Reference photo")).toBeVisible();
      const empty = await heights(page);
      await shoot(page, testInfo, `${width}-${theme}-1-empty`);

      const [selfie, reference] = [
        await box(slot(page, "Your selfie")),
        await box(slot(page, "Reference photo")),
      ];
      const outer = await box(root(page));
      if (width > 600) {
        // Side by side, filling the row: no hole beside the slots.
        expect(reference.y).toBe(selfie.y);
        expect(outer.x + outer.width - (reference.x + reference.width)).toBeLessThan(24);
        expect(selfie.x - outer.x).toBeLessThan(24);
      } else {
        // Compact: one above the other, each no taller than a thumbnail beside two buttons.
        expect(reference.y).toBeGreaterThan(selfie.y);
        expect(selfie.height).toBeLessThan(180);
      }

      await slot(page, "Your selfie").getByRole("button", { name: "Use camera" }).click();
      await expect(
        slot(page, "Your selfie").getByRole("button", { name: "Capture" }),
      ).toBeEnabled();
      await shoot(page, testInfo, `${width}-${theme}-2-camera`);
      await slot(page, "Your selfie").getByRole("button", { name: "Cancel" }).click();

      await pick(page, "Reference photo", photos.personA);
      await pick(page, "Your selfie", photos.personA2);
      expect(await heights(page), "the slots and the action keep their size").toEqual(empty);
      await shoot(page, testInfo, `${width}-${theme}-3-picked`);

      // A slow uplink (about 20 KB/s), to see the upload under way.
      const cdp = await page.context().newCDPSession(page);
      const uplink = (uploadThroughput: number) =>
        cdp.send("Network.emulateNetworkConditions", {
          offline: false,
          latency: 0,
          downloadThroughput: -1,
          uploadThroughput,
        });
      await uplink(20_000);
      await page.getByRole("button", { name: "Compare" }).click();
      await expect(page.getByRole("progressbar", { name: "Uploading" })).toBeVisible();
      expect(await heights(page), "uploading: the same sizes").toEqual(empty);
      await shoot(page, testInfo, `${width}-${theme}-4-uploading`);
      await uplink(-1);
      expect(await finalCallback(page)).toMatchObject({ result: { status: "approved" } });
      await expect(page.getByRole("status")).toHaveText("Approved: the faces match.");

      // On a phone: with the photos in view, so are the action and the result.
      await slot(page, "Your selfie").evaluate((el) => el.scrollIntoView({ block: "start" }));
      const result = await box(page.getByRole("status"));
      expect(result.y + result.height).toBeLessThanOrEqual(height);
      await shoot(page, testInfo, `${width}-${theme}-5-approved`);

      await pick(page, "Your selfie", photos.personB);
      await page.getByRole("button", { name: "Compare" }).click();
      await expect(page.getByRole("status")).toHaveText("Declined: the faces do not match.", {
        timeout: 15_000,
      });
      await shoot(page, testInfo, `${width}-${theme}-6-declined`);

      await setDiditScenario({ credits: 0 });
      await pick(page, "Your selfie", photos.personA2);
      await page.getByRole("button", { name: "Compare" }).click();
      await expect(page.getByRole("button", { name: "Try again" })).toBeVisible({
        timeout: 15_000,
      });
      await shoot(page, testInfo, `${width}-${theme}-7-failed`);
    });
  }
}
