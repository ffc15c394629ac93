/**
 * Enrolment, 1:N uniqueness and 1:1 authentication end to end: the server's per-request mode comes
 * from `authorize(request)` (here a cookie), never from the browser's props.
 */
import type { BrowserContext, Page } from "@playwright/test";
import { expect, finalCallback, serverVerdicts, simulatorApp, test } from "./fixtures.ts";
import { e2ePorts } from "./ports.ts";

async function signIn(context: BrowserContext, account: string, mode: "enroll" | "authenticate") {
  const url = `http://localhost:${e2ePorts.app}`;
  await context.addCookies([
    { name: "account", value: account, url },
    { name: "fm", value: mode, url },
  ]);
}

/** Runs one verification in a popup with the given simulated person in front of the camera. */
async function verifyAs(page: Page, person: string) {
  await page.goto("/?mode=popup");
  const popupEvent = page.waitForEvent("popup");
  await page.getByRole("button", { name: /verify/i }).click();
  const popup = await popupEvent;
  await popup.waitForURL(`${simulatorApp}/**`);
  await popup.getByLabel(/face in front of the camera/i).selectOption({ label: person });
  await popup.getByRole("button", { name: /success/i }).click();
  return finalCallback(page);
}

test("enrolment, then the same face under another account is flagged repeat_face", async ({
  context,
  page,
}) => {
  const first = `first-${Date.now()}`;
  await signIn(context, first, "enroll");
  expect(await verifyAs(page, "Alice Martin")).toMatchObject({
    callback: "complete",
    result: { decision: "Real", enrolled: true, linkedAccounts: 0 },
  });

  const second = `second-${Date.now()}`;
  await signIn(context, second, "enroll");
  const page2 = await context.newPage();
  const done = await verifyAs(page2, "Alice Martin");
  // The browser learns that the face is linked, never to whom.
  expect(done).toMatchObject({
    callback: "complete",
    result: { linkedAccounts: 1, enrolled: false },
  });
  const result = done.result as { riskFlags: string[] };
  expect(result.riskFlags).toContain("repeat_face");
  expect(JSON.stringify(done)).not.toContain(first);
  // The backend got the ids through onResult.
  const [verdict] = await serverVerdicts(second);
  expect(verdict?.accountsLinked).toContainEqual({
    accountId: first,
    matchTypes: expect.arrayContaining(["face"]),
  });
});

test("1:1 authentication: the enrolled face matches, another face does not", async ({
  context,
  page,
}) => {
  const account = `auth-${Date.now()}`;
  await signIn(context, account, "enroll");
  expect(await verifyAs(page, "Bob Okafor")).toMatchObject({ result: { enrolled: true } });

  await signIn(context, account, "authenticate");
  const same = await context.newPage();
  expect(await verifyAs(same, "Bob Okafor")).toMatchObject({
    callback: "complete",
    result: { match: true },
  });
  const other = await context.newPage();
  expect(await verifyAs(other, "Chen Wei")).toMatchObject({
    callback: "complete",
    result: { match: false },
  });
});
