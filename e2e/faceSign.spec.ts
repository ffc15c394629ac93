/**
 * <FaceSignEmbed> end to end in Chromium: the hosted FaceSign page (simulator, its own origin)
 * in a real cross-origin iframe; status from the harness backend, which FaceSign's signed
 * webhooks keep current.
 */
import type { Page } from "@playwright/test";
import {
  expect,
  finalCallback,
  readLog,
  setFaceSignScenario,
  test,
  walkFaceSignFlow,
} from "./fixtures.ts";
import { e2ePorts } from "./ports.ts";

const facesignApp = `http://127.0.0.1:${e2ePorts.facesignApp}`;

/** The embedded hosted page, once it has loaded from FaceSign's origin. */
async function embedded(page: Page) {
  await page.goto("/facesign.html");
  const iframe = page.locator("iframe");
  await expect(iframe).toHaveAttribute("title", "FaceSign verification");
  await expect(iframe).toHaveAttribute("allow", /camera/);
  await expect(iframe).toHaveAttribute("src", new RegExp(`^${facesignApp}/\\?cs=cs`));
  return page.frameLocator("iframe");
}

test("a full session in the iframe ends complete, with the summary from the backend", async ({
  page,
}) => {
  const frame = await embedded(page);
  await walkFaceSignFlow(frame, [0, "livenessDetected"]); // the conversation, then liveness
  const done = await finalCallback(page);
  expect(done).toMatchObject({
    callback: "complete",
    summary: { status: "complete", isVerified: true, livenessDetected: true },
  });
  // The default summary carries no transcript or media.
  expect(JSON.stringify(done)).not.toContain("transcript");
  await expect(page.locator("iframe")).toHaveCount(0);
});

test("leaving the session ends incomplete -> onCancel", async ({ page }) => {
  const frame = await embedded(page);
  await walkFaceSignFlow(frame, ["Leave"]);
  expect(await finalCallback(page)).toEqual({ callback: "cancel" });
});

test("the webhook route refuses a bad or missing signature", async ({ request }) => {
  const body = JSON.stringify({
    id: "evt_1",
    type: "session.status",
    createdAt: Date.now(),
    sessionId: "x",
  });
  const url = "/api/facekit/facesign/webhook";
  const headers = { "content-type": "application/json" };
  const missing = await request.post(url, { data: body, headers });
  expect(missing.status()).toBe(401);
  const forged = await request.post(url, {
    data: body,
    headers: { ...headers, "x-facesign-signature": "0".repeat(64) },
  });
  expect(forged.status()).toBe(401);
});

/** The page's `visibilitychange` listeners on `document`, as Chromium's debugger sees them. */
async function visibilityListeners(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send("Runtime.evaluate", { expression: "document" });
  const { listeners } = await cdp.send("DOMDebugger.getEventListeners", {
    objectId: result.objectId ?? "",
  });
  await cdp.detach();
  return listeners.filter((l) => l.type === "visibilitychange").length;
}

test("unmounting mid-session leaves no polling or listeners behind", async ({ page }) => {
  await embedded(page);
  await expect.poll(() => visibilityListeners(page)).toBe(1);
  const polls: string[] = [];
  page.on("request", (r) => r.url().includes("/facesign/status") && polls.push(r.url()));
  await page.getByRole("button", { name: "Unmount" }).click();
  await expect(page.locator("iframe")).toHaveCount(0);
  expect(await visibilityListeners(page)).toBe(0);
  const after = polls.length;
  await page.waitForTimeout(1500);
  expect(polls.length).toBe(after);
});

for (const [status, code] of [
  [429, "rate_limited"],
  [503, "vendor_unavailable"],
] as const) {
  test(`FaceSign answers ${status} when creating the session -> ${code}, with a way to retry`, async ({
    page,
  }) => {
    await setFaceSignScenario({ failNext: { status, count: 1 } });
    await page.goto("/facesign.html");
    expect(await finalCallback(page)).toEqual({ callback: "error", code });
    await expect(page.getByRole("alert")).toBeVisible();
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.locator("iframe")).toHaveAttribute("src", new RegExp(`^${facesignApp}/`));
  });
}

test("an invalid flow in the server config surfaces as a clear error, not a broken iframe", async ({
  page,
}) => {
  const answer = page.waitForResponse((r) => r.url().includes("/facesign/session"));
  await page.goto("/facesign.html?endpoint=/api/misconfigured");
  expect(await finalCallback(page)).toEqual({ callback: "error", code: "vendor_misconfigured" });
  // The developer gets FaceSign's reason (onError's message); the person gets plain words.
  const { error } = await (await answer).json();
  expect(error.message).toMatch(/end/i);
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.getByRole("alert")).not.toContainText(/end node|flow/i);
  await expect(page.locator("iframe")).toHaveCount(0);
});

test("modal: a native dialog; Escape before starting closes it and gives focus back", async ({
  page,
}) => {
  await page.goto("/facesign.html?modal");
  const opener = page.getByRole("button", { name: "Open verification" });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "FaceSign verification" });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator("iframe")).toHaveAttribute("src", new RegExp(`^${facesignApp}/`));
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  expect(await finalCallback(page)).toEqual({ callback: "cancel" });
});

/** The `cs` of the iframe's current `src`. */
async function shownSecret(page: Page): Promise<string | null> {
  const src = await page.locator("iframe").getAttribute("src");
  return src ? new URL(src).searchParams.get("cs") : null;
}

test("a secret FaceSign refuses is replaced without losing the session, and the person goes on", async ({
  page,
}) => {
  await page.goto("/facesign.html?ready=stale");
  const stale = await page.getByTestId("ready").textContent();
  // The handed-over secret was replaced on the server: FaceSign's page refuses it at first.
  await expect.poll(() => shownSecret(page)).not.toBe(stale);
  await walkFaceSignFlow(page.frameLocator("iframe"), [0, "livenessDetected"]);
  expect(await finalCallback(page)).toMatchObject({ callback: "complete" });
  const log = await readLog(page);
  expect(log).toContainEqual({ event: "secret_refreshed" });
  expect(log.filter((e) => e.event === "session_ready")).toHaveLength(1);
});

test("a handed-over secret close to expiry is refreshed before it is ever shown", async ({
  page,
}) => {
  await setFaceSignScenario({ secretTtlMs: 4_000 });
  const shown: string[] = [];
  page.on("request", (r) => r.url().startsWith(facesignApp) && shown.push(r.url()));
  await page.goto("/facesign.html?ready&modal&margin=3000");
  const ready = page.getByTestId("ready");
  const minted = await ready.textContent();
  // The person opens the verification once the secret is inside the refresh margin.
  const expireAt = Number(await ready.getAttribute("data-expire"));
  await page.waitForFunction((at) => Date.now() > at - 3_000, expireAt);
  await page.getByRole("button", { name: "Open verification" }).click();
  const frame = page.frameLocator("iframe");
  await walkFaceSignFlow(frame, [0]);
  expect(await shownSecret(page)).not.toBe(minted);
  await walkFaceSignFlow(frame, ["livenessDetected"]);
  expect(await finalCallback(page)).toMatchObject({ callback: "complete" });
  expect(shown.some((url) => url.includes(`cs=${minted}`))).toBe(false);
});
