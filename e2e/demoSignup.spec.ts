/**
 * The demo (`npm run demo`, apps/demo) end to end in Chromium: the whole signup with each vendor,
 * against the demo's own backend and simulators (a second Playwright web server, on ports of its
 * own). Every test ends on the account page and checks what the BACKEND recorded, then keeps
 * screenshots of the key screens under test-results/.
 */
import { diditFixturePaths } from "@facekit/simulator/node";
import {
  choosePhoto,
  completeVerisoulCapture,
  openVerisoulPopup,
  walkFaceSignFlow,
} from "@facekit/testing";
import { expect, type Page, type TestInfo, test } from "@playwright/test";

/** Where playwright.config.ts starts the demo (PORT=5190, simulators from 4210). */
const demo = "http://localhost:5190";
const photos = diditFixturePaths();

test.use({ baseURL: demo, viewport: { width: 1360, height: 900 } });

type Vendor = "verisoul" | "facesign" | "didit";

/** The simulators' control URLs, as the demo backend gives them to its Scenarios panel. */
async function simulators(): Promise<Record<Vendor, string>> {
  const vendors = (await (await fetch(`${demo}/api/demo/vendors`)).json()) as Record<
    Vendor,
    { simulatorUrl: string | null }
  >;
  const url = (v: Vendor) => vendors[v].simulatorUrl ?? "";
  return { verisoul: url("verisoul"), facesign: url("facesign"), didit: url("didit") };
}

test.beforeEach(async () => {
  // Every simulator starts from its defaults (the scenario is shared by all tests).
  const sims = await simulators();
  for (const url of Object.values(sims)) {
    expect(url, "every vendor is simulated in this test").not.toBe("");
    await fetch(`${url}/reset`, { method: "POST" });
  }
});

/** Saves a full-page screenshot next to the test's other outputs and attaches it to the report. */
async function shoot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** Step 1: the details form. */
async function signUp(page: Page, testInfo: TestInfo, name: string) {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create your Acme account");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Work email").fill(`${name.toLowerCase()}@example.com`);
  await shoot(page, testInfo, "01-details");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: `Hi ${name}, verify it's you` })).toBeVisible();
}

/** The check the backend recorded for the signed-in account (same cookies as the page). */
async function recorded(page: Page) {
  const account = await (await page.request.get("/api/account")).json();
  return account?.faceCheck as Record<string, unknown> | undefined;
}

/** The account page shows what the backend recorded; returns that record. */
async function expectAccountPage(page: Page, fields: Record<string, unknown>) {
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/^Welcome to Acme, /, { timeout: 15_000 });
  await expect(heading).toBeFocused();
  const check = await recorded(page);
  expect(check).toMatchObject(fields);
  const shown = page.getByTestId("face-check");
  await expect(shown.locator('[data-field="Decision"] dd')).toHaveText(String(check?.decision));
  await expect(shown.locator('[data-field="Vendor reference"] dd')).toHaveText(
    String(check?.reference),
  );
  return check ?? {};
}

const logNames = (page: Page, source: string) =>
  page.locator(`[data-testid="event-log"] li[data-source="${source}"] .log-name`).allTextContents();

test("Verisoul: details, the hosted selfie scan in a popup, the account page", async ({
  page,
}, testInfo) => {
  await signUp(page, testInfo, "Ada");
  await expect(page.getByRole("radio", { name: /Verisoul Face Match/ })).toBeChecked();
  await shoot(page, testInfo, "02-face-step-verisoul");
  const popup = await openVerisoulPopup(page, () =>
    page.getByRole("button", { name: /verify with face/i }).click(),
  );
  const { verisoul } = await simulators();
  const hosted = new URL(verisoul.replace("/__simulator", ""));
  hosted.port = String(Number(hosted.port) + 1); // the hosted app sits next to the API
  expect(new URL(popup.url()).origin).toBe(hosted.origin);
  await popup.getByRole("button", { name: /success/i }).waitFor();
  const popupShot = testInfo.outputPath("03-verisoul-popup.png");
  await popup.screenshot({ path: popupShot });
  await testInfo.attach("03-verisoul-popup", { path: popupShot, contentType: "image/png" });
  await completeVerisoulCapture(popup);

  const check = await expectAccountPage(page, {
    vendor: "verisoul",
    decision: "Real",
    passed: true,
    enrolled: true,
    linkedAccounts: 0,
  });
  await expect(page.getByTestId("verdict")).toHaveText(/passed/);
  await expect(page.getByTestId("face-check").locator('[data-field="Risk score"] dd')).toHaveText(
    (check.riskScore as number).toFixed(2),
  );
  expect(await logNames(page, "verisoul")).toEqual(
    expect.arrayContaining(["popup_opened", "callback_received", "completed", "onComplete"]),
  );
  await shoot(page, testInfo, "04-account-verisoul");
});

test("FaceSign: details, the video check in the iframe, the account page", async ({
  page,
}, testInfo) => {
  await signUp(page, testInfo, "Grace");
  await page.getByRole("radio", { name: /FaceSign/ }).check();
  await page.getByRole("button", { name: "Start video check" }).click();
  const frame = page.frameLocator('iframe[title="FaceSign verification"]');
  await expect(frame.locator("button.primary")).toBeVisible();
  await shoot(page, testInfo, "02-face-step-facesign");
  await walkFaceSignFlow(frame, [0, "livenessDetected"]); // the assistant's greeting, liveness

  await expectAccountPage(page, {
    vendor: "facesign",
    decision: "Verified",
    passed: true,
    livenessDetected: true,
  });
  await expect(page.getByTestId("face-check").locator('[data-field="Liveness"] dd')).toHaveText(
    "detected",
  );
  expect(await logNames(page, "facesign")).toEqual(
    expect.arrayContaining(["session_ready", "status_changed", "completed", "onComplete"]),
  );
  await shoot(page, testInfo, "03-account-facesign");
});

/** Chooses Didit; the reference slot shows once the backend has granted an upload. */
async function chooseDidit(page: Page) {
  await page.getByRole("radio", { name: /Didit selfie compare/ }).check();
  await expect(
    page.getByRole("group", { name: "Reference photo" }),
    "the upload grant from the demo backend (the uploader shows no reference slot without it)",
  ).toBeVisible();
}

/** Picks a photo for one slot of the uploader, as the file picker would (`@facekit/testing`). */
const pick = (page: Page, slot: "Your selfie" | "Reference photo", path: string) =>
  choosePhoto(page.getByRole("group", { name: slot }), path);

test("Didit: details, a selfie and a reference photo compared, the account page", async ({
  page,
}, testInfo) => {
  await signUp(page, testInfo, "Alan");
  await chooseDidit(page);
  await pick(page, "Your selfie", photos.personA2);
  await pick(page, "Reference photo", photos.personA);
  await shoot(page, testInfo, "02-face-step-didit");
  await page.getByRole("button", { name: "Compare" }).click();

  const check = await expectAccountPage(page, {
    vendor: "didit",
    decision: "Photos look alike",
    passed: false, // an uploaded reference: the person chose both photos
    lookAlikeOnly: true,
    flags: [],
  });
  await expect(page.getByTestId("verdict")).toHaveText(/chose both photos.*never who you are/);
  await expect(
    page.getByTestId("face-check").locator('[data-field="Proves who you are"] dd'),
  ).toHaveText("no: you chose both photos");
  expect(check.score).toBeGreaterThan(60); // the backend's threshold
  await expect(page.getByTestId("face-check").locator('[data-field="Similarity"] dd')).toHaveText(
    `${check.score} / 100`,
  );
  await shoot(page, testInfo, "03-account-didit");
});

test("Scenarios panel: Verisoul answers Fake, and the account page says the check did not pass", async ({
  page,
}, testInfo) => {
  await signUp(page, testInfo, "Mallory");
  const panel = page.getByRole("form", { name: /Verisoul Face Match/ });
  await panel.getByLabel("Decision").selectOption("Fake");
  await panel.getByLabel("Extra risk flags").fill("face_mask");
  await panel.getByRole("button", { name: "Apply" }).click();
  await expect(panel.getByRole("status")).toHaveText("Scenario applied.");
  const { verisoul } = await simulators();
  expect(await (await fetch(`${verisoul}/scenario`)).json()).toMatchObject({
    decision: "Fake",
    riskFlags: ["face_mask"],
  });
  await shoot(page, testInfo, "02-scenario-applied");

  const popup = await openVerisoulPopup(page, () =>
    page.getByRole("button", { name: /verify with face/i }).click(),
  );
  await completeVerisoulCapture(popup);

  await expectAccountPage(page, { vendor: "verisoul", decision: "Fake", passed: false });
  await expect(page.getByTestId("face-check").locator('[data-field="Flags"] dd')).toHaveText(
    /face_mask/,
  );
  await expect(page.getByTestId("verdict")).toHaveText(/did not pass/);
  await shoot(page, testInfo, "03-account-not-passed");
});

test("Scenarios panel: Didit has no credits left -> the uploader says so, nothing is recorded", async ({
  page,
}, testInfo) => {
  await signUp(page, testInfo, "Eve");
  const panel = page.getByRole("form", { name: /Didit selfie compare/ });
  await panel.getByLabel("Credits left").fill("0");
  await panel.getByRole("button", { name: "Apply" }).click();
  await expect(panel.getByRole("status")).toHaveText("Scenario applied.");
  await chooseDidit(page);
  await pick(page, "Your selfie", photos.personA2);
  await pick(page, "Reference photo", photos.personA);
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.locator(".selfie-compare").getByRole("alert")).toHaveText(
    /not available right now/,
  );
  expect(await logNames(page, "didit")).toEqual(expect.arrayContaining(["failed", "onError"]));
  expect(await recorded(page)).toBeUndefined();
  await shoot(page, testInfo, "02-didit-no-credits");
});

test("Language: Español makes the face check Spanish, and the vendors' pages follow", async ({
  page,
}, testInfo) => {
  await signUp(page, testInfo, "Iker");
  await page.getByLabel("Face check language").selectOption("es");
  const button = page.getByRole("button", { name: "Verificar con el rostro" });
  await expect(button).toBeVisible();
  const popupEvent = page.waitForEvent("popup");
  await button.click();
  const popup = await popupEvent;
  await popup.waitForURL((url) => url.searchParams.get("lng") === "es");
  await expect(popup.locator("html")).toHaveAttribute("lang", "es");
  await shoot(page, testInfo, "02-face-step-spanish");
  await popup.close();

  // The choice outlives a reload, and FaceSign's page opens in it too.
  await page.reload();
  await expect(page.getByLabel("Face check language")).toHaveValue("es");
  await page.getByRole("radio", { name: /FaceSign/ }).check();
  await page.getByRole("button", { name: "Start video check" }).click();
  const frame = page.locator('iframe[title="Verificación de FaceSign"]');
  await expect(frame).toBeVisible();
  await expect(frame.contentFrame().locator("html")).toHaveAttribute("lang", "es");
});

test("Scenarios panel: Verisoul rate-limits -> the page says so in words, the log has the code", async ({
  page,
}, testInfo) => {
  await signUp(page, testInfo, "Rita");
  const panel = page.getByRole("form", { name: /Verisoul Face Match/ });
  await panel.getByLabel("Fail the next API call").selectOption("429");
  await panel.getByRole("button", { name: "Apply" }).click();
  await expect(panel.getByRole("status")).toHaveText("Scenario applied.");
  await page.getByRole("button", { name: /verify with face/i }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "Too many attempts. Wait a moment, then try again.",
  );
  const button = page.getByRole("button", {
    name: "Too many attempts. Wait a minute, then try again.",
  });
  await expect(button).toHaveAttribute("data-state", "failed");
  await expect(
    page.locator('[data-testid="event-log"] li[data-source="verisoul"]').first(),
  ).toContainText("rate_limited");
  await shoot(page, testInfo, "02-verisoul-rate-limited");
});
