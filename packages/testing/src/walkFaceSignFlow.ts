import { expect, type FrameLocator, type Page } from "@playwright/test";

/** One step of a FaceSign path: an outcome's button text, its index (0: the first), or "Leave". */
export type FaceSignChoice = string | number;

/**
 * Walks the simulated FaceSign page (usually inside `<FaceSignEmbed>`'s iframe) through the flow
 * the way a person would: one button per node, in order. Each step waits for the next node (and
 * presses again if a press was lost while the page was being replaced).
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
    const still = frame.locator(`form[action="/step"] input[name=node][value="${node}"]`);
    // A press can be lost when the page is swapped as it lands (the embed replaced its iframe):
    // press again while the same node is still shown. A repeated press is harmless: the page
    // answers a stale form with the node the session is really at.
    await expect(async () => {
      if ((await still.count()) > 0) await button.click({ timeout: 2_000 });
      await expect(still).toHaveCount(0, { timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
  }
}
