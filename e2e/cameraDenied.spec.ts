/**
 * The camera refused: Chromium without its auto-accepting fake permission prompt, so the
 * permission request is denied as a person would deny it. The slot says so and offers a file.
 */
import { diditFixturePaths } from "@facekit/simulator/node";
import { chromiumArgs, chromiumPath } from "../vite.shared.ts";
import { expect, readLog, test } from "./fixtures.ts";

test.use({
  launchOptions: {
    executablePath: chromiumPath,
    args: chromiumArgs.filter((arg) => arg !== "--use-fake-ui-for-media-stream"),
  },
});

test("a denied camera is explained in the slot, and choosing a file still works", async ({
  page,
  context,
}) => {
  await context.clearPermissions();
  await page.goto("/selfie.html");
  const selfie = page.getByRole("group", { name: "Your selfie" });
  await selfie.getByRole("button", { name: "Use camera" }).click();
  await expect(selfie.getByRole("alert")).toContainText("Camera access is blocked");
  await selfie.locator("input[type=file]").setInputFiles(diditFixturePaths().personA2);
  await expect(selfie.getByRole("img", { name: "Your selfie" })).toBeVisible({ timeout: 10_000 });
  const events = (await readLog(page)).map((e) => e.event);
  expect(events).toContain("camera_failed");
  expect((await readLog(page)).some((e) => e.callback === "error")).toBe(false);
});
