/**
 * The demo's layout on a phone (390 x 844) and the active step in view on a desktop: nothing is
 * wider than its box (the page, the top bar, the uploader with the camera on, the account table,
 * the event log), the top bar holds one line, the account table's values have room for words,
 * and the FaceSign check opens in view. Against the demo's own server (playwright.config.ts).
 */
import { diditFixturePaths } from "@facekit/simulator/node";
import { expect, type Locator, type Page, type TestInfo, test } from "@playwright/test";

const demo = "http://localhost:5190";
const photos = diditFixturePaths();

test.use({ baseURL: demo });

test.beforeEach(async () => {
  const vendors = (await (await fetch(`${demo}/api/demo/vendors`)).json()) as Record<
    string,
    { simulatorUrl: string | null }
  >;
  for (const { simulatorUrl } of Object.values(vendors)) {
    if (simulatorUrl) await fetch(`${simulatorUrl}/reset`, { method: "POST" });
  }
});

/** The elements of `selector` (and the page itself) whose content is wider than their box. */
async function overflowing(page: Page, selector: string) {
  return page.evaluate(
    (s) =>
      [document.documentElement, ...document.querySelectorAll(s)]
        .filter((el) => el.scrollWidth > el.clientWidth)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    selector,
  );
}

/** Keeps a full-page screenshot under test-results/ and attaches it to the report. */
async function shoot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

const box = async (l: Locator) => (await l.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };

async function signUp(page: Page, name: string) {
  await page.goto("/");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Work email").fill(`${name.toLowerCase()}@example.com`);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: `Hi ${name}, verify it's you` })).toBeVisible();
}

test("on a phone: one-line top bar, the uploader inside its card, a readable account table, the whole event log", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUp(page, "Lin");
  const bar = page.locator(".topbar");
  expect((await box(bar)).height, "the top bar holds one line").toBeLessThan(64);
  expect(await overflowing(page, ".topbar, .topbar *, .steps")).toEqual([]);
  await expect(
    page.getByLabel("Face check language"),
    "named, though its label is hidden",
  ).toBeVisible();

  await page.getByRole("radio", { name: /Didit selfie compare/ }).check();
  const uploader = page.locator('[data-facekit="selfie-compare"]');
  const selfie = page.getByRole("group", { name: "Your selfie" });
  await expect(page.getByRole("group", { name: "Reference photo" })).toBeVisible();
  await selfie.getByRole("button", { name: "Use camera" }).click();
  await expect(selfie.getByRole("button", { name: "Capture" })).toBeEnabled();
  const card = await box(page.locator(".card"));
  for (const slot of await uploader.locator("fieldset").all()) {
    const b = await box(slot);
    expect(b.x + b.width, "a slot stays inside the card").toBeLessThanOrEqual(card.x + card.width);
  }
  const parts = "[data-facekit], [data-facekit] > *, [data-facekit] fieldset > *, .check-box";
  expect(await overflowing(page, parts)).toEqual([]);
  await shoot(page, testInfo, "390-1-didit-camera");
  await selfie.getByRole("button", { name: "Cancel" }).click();

  for (const [name, path] of [
    ["Your selfie", photos.personA2],
    ["Reference photo", photos.personA],
  ] as const) {
    const slot = page.getByRole("group", { name });
    await slot.locator("input[type=file]").setInputFiles(path);
    await expect(slot.getByRole("img", { name })).toBeVisible({ timeout: 10_000 });
  }
  expect(await overflowing(page, parts)).toEqual([]);
  await page.getByRole("button", { name: "Compare" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Welcome to Acme/, {
    timeout: 15_000,
  });
  expect(await overflowing(page, ".result, .result *")).toEqual([]);
  await shoot(page, testInfo, "390-2-account");
  for (const value of await page.locator(".result dd").all()) {
    // Room for words: a value squeezed beside its label wraps letter by letter.
    expect((await box(value)).width).toBeGreaterThan(200);
  }

  // The event log: reached from the top bar, every entry whole.
  await page.getByRole("link", { name: "Demo console" }).click();
  await expect(page.getByRole("heading", { name: "Demo console" })).toBeInViewport();
  await expect(page.locator(".log-entry").first()).toBeVisible();
  expect(await overflowing(page, ".log-entry, .log-entry *")).toEqual([]);
  await shoot(page, testInfo, "390-3-console");
});

test("on a desktop: the FaceSign check opens in view", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUp(page, "Ola");
  await page.getByRole("radio", { name: /FaceSign/ }).check();
  await page.getByRole("button", { name: "Start video check" }).click();
  const frame = page.locator('iframe[title="FaceSign verification"]');
  await expect(frame).toBeVisible();
  await expect(frame).toBeInViewport({ ratio: 0.9 });
  await page.screenshot({ path: testInfo.outputPath("1280-facesign-in-view.png") });
});
