import { expect, type FrameLocator, type Page } from "@playwright/test";

/** One step of a FaceSign path: an outcome's button text, its index (0: the first), or "Leave". */
export type FaceSignChoice = string | number;

/**
 * Walks the simulated FaceSign page (usually inside `<FaceSignEmbed>`'s iframe) through the flow
 * the way a person would: one button per node, in order. Each step waits for the next node, so
 * two presses never land on the same page.
 * @example
 * // the sample flow: answer the conversation, then pass the liveness check
 * await walkFaceSignFlow(page.frameLocator("iframe"), [0, "livenessDetected"]);
 * await walkFaceSignFlow(page.frameLocator("iframe"), ["Leave"]); // ends "incomplete"
 */
export async function walkFaceSignFlow(
  frame: FrameLocator | Page,
  path: readonly FaceSignChoice[],
): Promise<void> {
  const form = frame.locator('form[action="/step"]');
  for (const choice of path) {
    const node = await form.locator("input[name=node]").inputValue();
    const button =
      typeof choice === "number"
        ? form.locator(`button[name=choice][value="${choice}"]`)
        : form.getByRole("button", { name: choice, exact: true });
    await button.click();
    await expect(
      frame.locator(`form[action="/step"] input[name=node][value="${node}"]`),
    ).toHaveCount(0);
  }
}
