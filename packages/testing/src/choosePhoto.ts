import { type DiditFixturePaths, diditFixturePaths } from "@facekit/simulator/node";
import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Test photos shipped with the simulator, whose scores are known: `personA` vs `personA2` the
 * same person (about 89, approved), vs `personB` someone else (0, declined), `noFace` no face at
 * all (declined, `NO_REFERENCE_IMAGE`). `personAY4m` is a video for the fake camera.
 */
export type FacePhoto = keyof DiditFixturePaths;

/**
 * Absolute paths of the shipped test photos.
 * @example
 * await page.setInputFiles("input[type=file]", facePhotos().personA);
 */
export const facePhotos: () => DiditFixturePaths = diditFixturePaths;

/**
 * Chromium flags for a fake camera that shows person A (add them to `launchOptions.args`).
 * @example
 * test.use({ launchOptions: { args: [...fakeCameraArgs()] } });
 */
export function fakeCameraArgs(): string[] {
  return [
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
    `--use-file-for-fake-video-capture=${facePhotos().personAY4m}`,
  ];
}

/**
 * The two slots of `<SelfieCompareUploader>`, found by their labels (English defaults; pass
 * yours when the app is translated or relabelled).
 * @example
 * const { selfie, reference } = selfieCompareSlots(page);
 */
export function selfieCompareSlots(
  page: Page,
  labels: { selfie?: string; reference?: string } = {},
): { selfie: Locator; reference: Locator } {
  return {
    selfie: page.getByRole("group", { name: labels.selfie ?? "Your selfie" }),
    reference: page.getByRole("group", { name: labels.reference ?? "Reference photo" }),
  };
}

/**
 * Picks a file for one slot as the file picker would, and waits for its preview (the browser
 * has decoded and resized it).
 * @example
 * await choosePhoto(selfieCompareSlots(page).reference, "personA");
 */
export async function choosePhoto(slot: Locator, photo: FacePhoto | (string & {})): Promise<void> {
  const paths = facePhotos();
  const path = photo in paths ? paths[photo as FacePhoto] : photo;
  const preview = slot.locator("img").first();
  const before = (await preview.count()) > 0 ? await preview.getAttribute("src") : null;
  await slot.locator("input[type=file]").setInputFiles(path);
  await expect(preview).toBeVisible({ timeout: 10_000 });
  if (before) await expect(preview).not.toHaveAttribute("src", before, { timeout: 10_000 });
}
