/**
 * A team trying FaceKit with a Didit **sandbox** key, end to end in Chromium: the harness backend
 * at `/api/diditsandbox` holds the simulator's sandbox key. Didit validates the request, then
 * answers its static Approved payload (no image reports), stores nothing and spends no credit;
 * FaceKit reads that answer and the person sees "Approved".
 */
import type { Page } from "@playwright/test";
import {
  choosePhoto,
  diditStats,
  expect,
  finalCallback,
  selfieCompareSlots,
  serverVerdicts,
  setDiditScenario,
  test,
} from "./fixtures.ts";

test.beforeEach(async () => {
  await setDiditScenario({ credits: 3 });
});

/** Person B's selfie against person A's reference through the backend at `page`'s URL. */
async function compareTwoPeople(page: Page, url: string) {
  await page.goto(url);
  const slots = selfieCompareSlots(page);
  await choosePhoto(slots.reference, "personA");
  await choosePhoto(slots.selfie, "personB");
  await page.getByRole("button", { name: "Compare" }).click();
  return finalCallback(page);
}

test("a sandbox key approves two different people with Didit's static answer, spending no credit", async ({
  page,
  account,
}) => {
  const done = await compareTwoPeople(page, "/selfie.html?endpoint=/api/diditsandbox");
  expect(done).toMatchObject({
    callback: "complete",
    result: { status: "approved", warnings: [], faces: { selfie: null, reference: null } },
  });
  await expect(page.getByRole("status")).toHaveText("Approved: the faces match.");
  expect(await serverVerdicts(account)).toMatchObject([{ status: "approved" }]);
  expect(await diditStats()).toMatchObject({
    faceMatchRequests: 1,
    sandboxAnswers: 1,
    creditsSpent: 0,
    creditsRemaining: 3,
    savedRequests: 0,
    faceMatches: { approved: 0, declined: 0 },
  });
});

test("the same two people through the live key: declined, and one credit spent", async ({
  page,
}) => {
  const done = await compareTwoPeople(page, "/selfie.html");
  expect(done).toMatchObject({ result: { status: "declined" } });
  expect(await diditStats()).toMatchObject({
    sandboxAnswers: 0,
    creditsSpent: 1,
    creditsRemaining: 2,
  });
});
