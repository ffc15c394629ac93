/**
 * Every story of the static Storybook build plays to the end with no backend: its play function
 * (the same assertions the story tests run against `storybook dev`) passes against the vendors
 * and the FaceKit backend simulated in the page's service worker.
 */
import { expect, type Page, test } from "@playwright/test";

interface IndexEntry {
  id: string;
  type: string;
}

/** Shows `storyId` in the open preview frame and answers how it ended (Storybook's channel). */
function play(page: Page, storyId: string): Promise<string> {
  return page.evaluate(
    (id) =>
      new Promise<string>((resolve) => {
        type Channel = {
          on(event: string, listener: (payload: Record<string, unknown>) => void): void;
          emit(event: string, payload: unknown): void;
        };
        const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: Channel })
          .__STORYBOOK_ADDONS_CHANNEL__;
        // In the UI a failing play function is reported, not thrown: the story still "succeeds".
        let failure: string | undefined;
        channel.on("playFunctionThrewException", (e) => {
          failure ??= `play function failed: ${e.message}`;
        });
        channel.on("unhandledErrorsWhilePlaying", () => {
          failure ??= "unhandled errors while playing";
        });
        channel.on(
          "storyFinished",
          (e) => e.storyId === id && resolve(failure ?? String(e.status)),
        );
        channel.on("storyThrewException", (e) => resolve(`threw: ${e.message}`));
        channel.on("storyErrored", (e) => resolve(`errored: ${e.title}`));
        setTimeout(() => resolve("did not finish in 25 s"), 25_000);
        channel.emit("setCurrentStory", { storyId: id, viewMode: "story" });
      }),
    storyId,
  );
}

test("every story plays to the end in the static build", async ({ page, request }) => {
  test.setTimeout(300_000);
  const index = (await (await request.get("/index.json")).json()) as {
    entries: Record<string, IndexEntry>;
  };
  const stories = Object.values(index.entries).filter((e) => e.type === "story");
  expect(stories.length).toBeGreaterThan(50);
  await page.goto("/iframe.html?viewMode=story");
  for (const { id } of stories) {
    await test.step(id, async () => {
      expect.soft(await play(page, id), id).toBe("success");
    });
  }
});
