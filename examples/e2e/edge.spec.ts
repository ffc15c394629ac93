/**
 * Next.js: the FaceKit handler on the edge runtime (`app/api/facekit-edge`), built by `next build`
 * and answering in `next start`: a Face Match session minted against the simulated Verisoul.
 */
import { expect, test } from "./fixtures.ts";

test("the handler on Next's edge runtime mints a Face Match session", async ({ page }) => {
  await page.goto("/");
  const answer = await page.request.post("/api/facekit-edge/verisoul/session", { data: {} });
  expect(answer.status()).toBe(200);
  const body = await answer.json();
  expect(body).toMatchObject({ token: expect.any(String), url: expect.any(String) });
  expect(new URL(body.url).origin).toBe(new URL(process.env.VERISOUL_APP_BASE_URL ?? "").origin);
});
