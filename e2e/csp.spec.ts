/**
 * The three components with `@facekit/react/styles.css` on a pre-built page served with a strict
 * Content-Security-Policy (e2e/app-csp): no `securitypolicyviolation` at all, while the styles
 * apply (computed styles from the custom properties, light and dark) and the components work
 * (FaceSign's cross-origin iframe, photo previews from blob: URLs, the image worker, a compare).
 * Screenshots of each component in both themes land in test-results/screenshots/.
 */
import { diditFixturePaths } from "@facekit/simulator/node";
import type { Page } from "@playwright/test";
import { expect, setDiditScenario, setFaceSignScenario, test } from "./fixtures.ts";

const photos = diditFixturePaths();
const shots = "test-results/screenshots";

/** What styles.css resolves its custom properties to, per theme (computed colours). */
const palette = {
  light: {
    primary: "rgb(29, 78, 216)",
    primaryText: "rgb(255, 255, 255)",
    surface: "rgb(255, 255, 255)",
    danger: "rgb(185, 28, 28)",
  },
  dark: {
    primary: "rgb(138, 180, 255)",
    primaryText: "rgb(11, 16, 32)",
    surface: "rgb(22, 27, 38)",
    danger: "rgb(255, 155, 155)",
  },
} as const;

declare global {
  interface Window {
    cspViolations: string[];
  }
}

/** Records every CSP violation of the page (events, and the console's reports) from the start. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const logged: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) logged.push(message.text());
  });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`);
    });
  });
  return async () => [...(await page.evaluate(() => window.cspViolations)), ...logged];
}

const root = (page: Page, name: "face-match" | "facesign" | "selfie-compare") =>
  page.getByTestId(name).locator(`[data-facekit="${name}"]`).first();

/** Both photos (different people), then Compare: a declined result with a warning. */
async function compareTwoPeople(page: Page) {
  const selfie = root(page, "selfie-compare");
  await selfie.locator('[data-slot="reference"] input[type=file]').setInputFiles(photos.personA);
  await selfie.locator('[data-slot="selfie"] input[type=file]').setInputFiles(photos.personB);
  await expect(selfie.locator("fieldset img")).toHaveCount(2, { timeout: 10_000 });
  await selfie.getByRole("button", { name: "Compare" }).click();
  const result = selfie.locator('output[data-result="declined"]');
  await expect(result).toBeVisible({ timeout: 15_000 });
  await expect(selfie.locator(":scope > ul:not([data-part]) > li")).toHaveCount(1); // the warning
  return result;
}

test.beforeEach(async () => {
  await setFaceSignScenario({});
  await setDiditScenario();
});

for (const theme of ["light", "dark"] as const) {
  test(`${theme}: all three styled under a strict CSP, with no violation`, async ({ page }) => {
    const violations = await watchViolations(page);
    const colours = palette[theme];
    const response = await page.goto(`/csp/?theme=${theme}`);
    expect(response?.headers()["content-security-policy"]).toContain("style-src 'self';");

    const button = root(page, "face-match");
    await expect(button).toHaveCSS("border-radius", "8px");
    await expect(button).toHaveCSS("background-color", colours.primary);
    await expect(button).toHaveCSS("color", colours.primaryText);

    const facesign = root(page, "facesign");
    const frame = facesign.locator("iframe");
    await expect(frame).toBeVisible({ timeout: 10_000 });
    await expect(facesign).toHaveCSS("border-radius", "12px");
    await expect(facesign).toHaveCSS("background-color", colours.surface);
    await expect(frame).toHaveCSS("min-height", "560px");
    await expect(frame).toHaveCSS("border-top-width", "0px");

    const selfie = root(page, "selfie-compare");
    await expect(selfie).toHaveCSS("background-color", colours.surface);
    await expect(selfie.locator("fieldset")).toHaveCount(2);
    await expect(selfie.locator("fieldset").first()).toHaveCSS("border-top-style", "dashed");
    await page
      .getByTestId("face-match")
      .screenshot({ path: `${shots}/csp-face-match-${theme}.png` });
    await page.getByTestId("facesign").screenshot({ path: `${shots}/csp-facesign-${theme}.png` });
    await selfie.screenshot({ path: `${shots}/csp-selfie-compare-empty-${theme}.png` });

    const result = await compareTwoPeople(page);
    await expect(result).toHaveCSS("color", colours.danger);
    await expect(selfie.locator("fieldset img").first()).toHaveCSS("object-fit", "contain");
    await selfie.screenshot({ path: `${shots}/csp-selfie-compare-${theme}.png` });

    await page.getByRole("button", { name: "Open FaceSign in a dialog" }).click();
    const dialog = page.locator('dialog[data-facekit="facesign"]');
    await expect(dialog.locator("iframe")).toBeVisible({ timeout: 10_000 });
    const backdrop = await dialog.evaluate(
      (d) => getComputedStyle(d, "::backdrop").backgroundColor,
    );
    expect(backdrop).toBe("rgba(8, 11, 18, 0.62)");
    await page.screenshot({ path: `${shots}/csp-facesign-modal-${theme}.png` });

    expect(await violations()).toEqual([]);
  });
}

test("the system's colour scheme by default; an ancestor's theme and custom properties win", async ({
  page,
}) => {
  const violations = await watchViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/csp/");
  const button = root(page, "face-match");
  await expect(button).toHaveCSS("background-color", palette.dark.primary);
  // Attributes and CSSOM custom properties are no inline <style>: allowed by the policy.
  await page.getByTestId("face-match").evaluate((section) => {
    section.setAttribute("data-facekit-theme", "light");
  });
  await expect(button).toHaveCSS("background-color", palette.light.primary);
  await page.getByTestId("face-match").evaluate((section) => {
    section.style.setProperty("--facekit-color-primary", "rgb(0, 100, 0)");
    section.style.setProperty("--facekit-radius", "2px");
  });
  await expect(button).toHaveCSS("background-color", "rgb(0, 100, 0)");
  await expect(button).toHaveCSS("border-radius", "2px");
  expect(await violations()).toEqual([]);

  // The watch does see a violation: an injected <style> is refused.
  await page.evaluate(() => {
    const style = document.createElement("style");
    style.textContent = "body { color: red; }";
    document.head.append(style);
  });
  await expect.poll(violations).toContainEqual(expect.stringMatching(/^style-src-elem /));
});

test("unstyled (data-facekit-unstyled): plain HTML that still works and sizes sensibly", async ({
  page,
}) => {
  const violations = await watchViolations(page);
  await page.goto("/csp/?theme=unstyled");
  const button = root(page, "face-match");
  await expect(button).toBeVisible();
  await expect(button).not.toHaveCSS("background-color", palette.light.primary);
  await expect(button).not.toHaveCSS("border-radius", "8px");
  // The iframe and previews are sized by their HTML attributes.
  const frame = root(page, "facesign").locator("iframe");
  await expect(frame).toBeVisible({ timeout: 10_000 });
  expect((await frame.boundingBox())?.height).toBeGreaterThanOrEqual(560);
  const result = await compareTwoPeople(page);
  await expect(result).not.toBeEmpty();
  const preview = root(page, "selfie-compare").locator("fieldset img").first();
  expect((await preview.boundingBox())?.width).toBe(240);
  await root(page, "selfie-compare").screenshot({
    path: `${shots}/csp-selfie-compare-unstyled.png`,
  });
  expect(await violations()).toEqual([]);
});
