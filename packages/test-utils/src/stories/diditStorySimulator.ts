/**
 * Drives the live Didit simulator behind Storybook for the `Live…` stories: scenario changes and
 * its test photos.
 */
import { resetScenario, storyConfig } from "./storySimulatorConfig.ts";

/**
 * Resets the Didit simulator (credits, counters), then applies a scenario patch.
 * @example
 * beforeEach: () => setDiditScenario({ credits: 0 }),
 */
export async function setDiditScenario(patch: Record<string, unknown> = {}): Promise<void> {
  await resetScenario((await storyConfig()).didit.apiUrl, patch);
}

/**
 * One of the simulator's test photos, as the file a person would pick.
 * @example
 * await uploadLive(canvasElement, await diditPhoto("personA2"), await diditPhoto("personA"));
 */
export async function diditPhoto(
  name: "personA" | "personA2" | "personB" | "noFace",
): Promise<File> {
  const response = await fetch(`/__facekit-story/photos/${name}`);
  const type = response.headers.get("content-type") ?? "image/jpeg";
  return new File([await response.blob()], `${name}.${type === "image/png" ? "png" : "jpg"}`, {
    type,
  });
}
