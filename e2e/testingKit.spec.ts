/**
 * `@facekit/testing` on its own: the per-worker simulators (free ports), the typed scenario
 * client, and the helpers that finish the hosted pages, driven in Chromium against the vendor
 * APIs directly (what an app's backend would call).
 */
import { sampleFaceSignFlow } from "@facekit/simulator";
import { completeVerisoulCapture, simulatorTest as test, walkFaceSignFlow } from "@facekit/testing";
import { expect } from "@playwright/test";

test("Verisoul: the capture finished in the page, decided by the scenario", async ({
  page,
  simulators,
  simulator,
}) => {
  const { env } = simulators;
  expect(new URL(env.VERISOUL_BASE_URL).port).not.toBe("4010");
  await simulator.verisoul.decide("Suspicious", ["repeat_face"]);
  const headers = { "x-api-key": env.VERISOUL_API_KEY, "content-type": "application/json" };
  const minted = await fetch(`${env.VERISOUL_BASE_URL}/liveness/session`, { headers });
  const { session_id } = (await minted.json()) as { session_id: string };
  const hosted = new URL(env.VERISOUL_APP_BASE_URL);
  hosted.searchParams.set("session_id", session_id);
  hosted.searchParams.set("redirect_url", `${env.VERISOUL_APP_BASE_URL}/sim.css?done`);
  await page.goto(hosted.href);
  await completeVerisoulCapture(page, { face: "alice" });
  await page.waitForURL(/done/);
  expect(await simulator.verisoul.session(session_id)).toMatchObject({
    state: "completed",
    face: "person:alice",
  });
  const verdict = await fetch(`${env.VERISOUL_BASE_URL}/liveness/verify-face`, {
    method: "POST",
    headers,
    body: JSON.stringify({ session_id }),
  });
  expect(await verdict.json()).toMatchObject({
    decision: "Suspicious",
    risk_flags: expect.arrayContaining(["repeat_face"]),
  });
});

test("FaceSign: a path walked through the hosted page ends the session complete", async ({
  page,
  simulators,
  simulator,
}) => {
  const { env } = simulators;
  const created = await fetch(`${env.FACESIGN_BASE_URL}/sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${env.FACESIGN_API_KEY}` },
    body: JSON.stringify({ clientReferenceId: "user-1", flow: sampleFaceSignFlow }),
  });
  const { session, clientSecret } = (await created.json()) as {
    session: { id: string };
    clientSecret: { url: string };
  };
  await page.goto(clientSecret.url);
  await walkFaceSignFlow(page, [0, "livenessDetected"]);
  expect(await simulator.facesign.session(session.id)).toMatchObject({ status: "complete" });
});
