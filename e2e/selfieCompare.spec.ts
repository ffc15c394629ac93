/**
 * <SelfieCompareUploader> end to end in Chromium: the real image pipeline (worker), a fake camera
 * showing the simulator's person A, the harness backend's Didit routes and the Didit simulator
 * (its own origin) scoring the decoded photos.
 */
import { createOversizeJpeg, diditFixturePaths } from "@facekit/simulator/node";
import type { Page } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "../vite.shared.ts";
import {
  choosePhoto,
  diditStats,
  expect,
  fakeCameraArgs,
  finalCallback,
  readLog,
  serverVerdicts,
  setDiditScenario,
  test,
} from "./fixtures.ts";

const photos = diditFixturePaths();

test.use({
  launchOptions: {
    executablePath: chromiumPath,
    args: [...chromiumArgs, ...fakeCameraArgs()],
  },
});

test.beforeEach(async () => {
  await setDiditScenario();
});

const slot = (page: Page, name: "Your selfie" | "Reference photo") =>
  page.getByRole("group", { name });

/** Picks a file for a slot, as the file picker would (`@facekit/testing`'s helper). */
const pick = (page: Page, name: "Your selfie" | "Reference photo", path: string) =>
  choosePhoto(slot(page, name), path);

/** The result's warnings (the other list holds the tips for a good selfie). */
const warningItems = (page: Page) => page.locator("[data-facekit] > ul:not([data-part]) > li");

async function compare(page: Page) {
  await page.getByRole("button", { name: "Compare" }).click();
  return finalCallback(page);
}

test("camera selfie + reference file of the same person -> approved, kept by the backend", async ({
  page,
  account,
}) => {
  await page.goto("/selfie.html");
  await pick(page, "Reference photo", photos.personA);
  const selfie = slot(page, "Your selfie");
  await selfie.getByRole("button", { name: "Use camera" }).click();
  await expect
    .poll(() => selfie.getByLabel("Camera preview").evaluate((v: HTMLVideoElement) => v.videoWidth))
    .toBeGreaterThan(0);
  await selfie.getByRole("button", { name: "Capture" }).click();
  await expect(selfie.getByRole("img", { name: "Your selfie" })).toBeVisible();
  const done = await compare(page);
  expect(done).toMatchObject({ callback: "complete", result: { status: "approved" } });
  await expect(page.getByRole("status")).toHaveText("Approved: the faces match.");
  // The camera is off once the photo is taken.
  const live = await page.evaluate(() =>
    [...document.querySelectorAll("video")].some((v) => v.srcObject !== null),
  );
  expect(live).toBe(false);
  expect(await diditStats()).toMatchObject({ faceMatchRequests: 1, creditsSpent: 1 });
  expect(await serverVerdicts(account)).toMatchObject([{ status: "approved" }]);
});

test("two different people -> declined, with the reason in words", async ({ page }) => {
  await page.goto("/selfie.html");
  await pick(page, "Reference photo", photos.personA);
  await pick(page, "Your selfie", photos.personB);
  expect(await compare(page)).toMatchObject({ result: { status: "declined" } });
  await expect(page.getByRole("status")).toHaveText("Declined: the faces do not match.");
  await expect(warningItems(page)).toHaveCount(1);
});

test("a photo with no face -> declined with Didit's no-face reason and no score", async ({
  page,
}) => {
  await page.goto("/selfie.html");
  await pick(page, "Reference photo", photos.personA);
  await pick(page, "Your selfie", photos.noFace);
  const done = await compare(page);
  expect(done).toMatchObject({ result: { status: "declined", score: null } });
  const warnings = (done.result as { warnings: { code: string }[] }).warnings;
  expect(warnings.map((w) => w.code)).toEqual(["NO_REFERENCE_IMAGE"]);
  await expect(warningItems(page)).toHaveCount(1);
  await expect(page.getByText(/Similarity/)).toHaveCount(0);
});

test("a text file named .jpg is refused in the browser: no upload, no credit", async ({ page }) => {
  await page.goto("/selfie.html");
  const uploads: string[] = [];
  page.on("request", (r) => r.url().includes("/didit/compare") && uploads.push(r.url()));
  await slot(page, "Your selfie")
    .locator("input[type=file]")
    .setInputFiles({ name: "me.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not a photo") });
  await expect(slot(page, "Your selfie").getByRole("alert")).toContainText("not a photo");
  await expect(page.getByRole("button", { name: "Compare" })).toBeDisabled();
  expect(uploads).toEqual([]);
  expect(await diditStats()).toMatchObject({ faceMatchRequests: 0, creditsSpent: 0 });
});

test("a 5 MB+ photo is shrunk in the browser before upload; sent raw, the backend refuses it", async ({
  page,
}) => {
  const big = Buffer.from(await createOversizeJpeg());
  await page.goto("/selfie.html");
  const sizes: number[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/didit/compare")) sizes.push(r.postDataBuffer()?.byteLength ?? 0);
  });
  // Another shot of the same person: the same photo twice would be refused as identical.
  await pick(page, "Reference photo", photos.personA2);
  await slot(page, "Your selfie")
    .locator("input[type=file]")
    .setInputFiles({ name: "big.jpg", mimeType: "image/jpeg", buffer: big });
  await expect(slot(page, "Your selfie").getByRole("img")).toBeVisible({ timeout: 15_000 });
  expect(await compare(page)).toMatchObject({ result: { status: "approved" } });
  expect(sizes[0]).toBeLessThan(1_500_000);
  // Around the component, straight to the route: refused before Didit is asked.
  const before = await diditStats();
  const grant = await (await page.request.post("/api/facekit/didit/grant", { data: {} })).json();
  const raw = await page.request.post("/api/facekit/didit/compare", {
    headers: { "x-facekit-grant": grant.token },
    multipart: {
      selfie: { name: "big.jpg", mimeType: "image/jpeg", buffer: big },
      reference: { name: "a.jpg", mimeType: "image/jpeg", buffer: big },
    },
  });
  expect(raw.status()).toBe(413);
  expect((await raw.json()).error.code).toBe("image_too_large");
  expect(await diditStats()).toEqual(before);
});

test("an expired grant and a replayed grant are refused without asking Didit", async ({ page }) => {
  await page.goto("/selfie.html");
  const reference = { name: "a.jpg", mimeType: "image/jpeg", buffer: Buffer.from("x") };
  const send = (base: string, token: string) =>
    page.request.post(`${base}/didit/compare`, {
      headers: { "x-facekit-grant": token },
      multipart: { selfie: reference, reference },
    });
  const quick = await (await page.request.post("/api/quickgrant/didit/grant", { data: {} })).json();
  await expect
    .poll(async () => (await send("/api/quickgrant", quick.token)).status(), { timeout: 5_000 })
    .toBe(410);
  const grant = await (await page.request.post("/api/facekit/didit/grant", { data: {} })).json();
  expect((await send("/api/facekit", grant.token)).status()).toBe(422); // spent on a bad file
  const replay = await send("/api/facekit", grant.token);
  expect(replay.status()).toBe(404);
  expect((await replay.json()).error.message).toMatch(/already used/);
  expect(await diditStats()).toMatchObject({ faceMatchRequests: 0, creditsSpent: 0 });
});

test("Didit's rate limit and an empty credit balance are surfaced, each with Try again", async ({
  page,
}) => {
  await setDiditScenario({ credits: 0 });
  await page.goto("/selfie.html");
  await pick(page, "Reference photo", photos.personA);
  await pick(page, "Your selfie", photos.personA2);
  expect(await compare(page)).toEqual({ callback: "error", code: "no_credits" });
  await expect(page.getByRole("alert")).toBeVisible();
  await setDiditScenario({ rateLimitPerMinute: 1 });
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("status")).toHaveText("Approved: the faces match.");
  await pick(page, "Your selfie", photos.personA2);
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("alert")).toContainText("Too many attempts");
  const codes = (await readLog(page)).filter((e) => e.callback === "error").map((e) => e.code);
  expect(codes).toEqual(["no_credits", "rate_limited"]);
});

test("cancel mid-upload: nothing reaches Didit and no credit is spent", async ({ page }) => {
  await page.goto("/selfie.html");
  await pick(page, "Reference photo", photos.personA);
  await pick(page, "Your selfie", photos.personA2);
  // A slow uplink (about 20 KB/s), so the upload is still under way when the person cancels.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 20_000,
  });
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("progressbar", { name: "Uploading" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel upload" }).click();
  expect(await finalCallback(page)).toEqual({ callback: "cancel" });
  await expect(page.locator("[data-state]").first()).toHaveAttribute("data-state", "cancelled");
  await page.waitForTimeout(500);
  expect(await diditStats()).toMatchObject({ faceMatchRequests: 0, creditsSpent: 0 });
});

test("after a result Compare is disabled, says why, and a click spends nothing; a new photo enables it", async ({
  page,
}) => {
  await page.goto("/selfie.html");
  await pick(page, "Reference photo", photos.personA);
  await pick(page, "Your selfie", photos.personA2);
  expect(await compare(page)).toMatchObject({ result: { status: "approved" } });
  const button = page.getByRole("button", { name: "Compare" });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription("To compare again, change a photo.");
  await expect(button).toBeFocused(); // focus lands on it, where the reason is read out
  await button.dispatchEvent("click"); // as a click would, past Playwright's enabled check
  await page.keyboard.press("Enter");
  await page.waitForTimeout(300);
  await expect(page.locator("[data-state]").first()).toHaveAttribute("data-state", "completed");
  expect(await diditStats()).toMatchObject({ faceMatchRequests: 1, creditsSpent: 1 });
  await pick(page, "Your selfie", photos.personB);
  await expect(button).toBeEnabled();
  await expect(page.getByRole("status")).toHaveText("Ready to compare.");
});
