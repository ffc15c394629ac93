import type { FaceSignSessionBody, FaceSignWebhookBody } from "@facekit/core/protocol";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type RunningSimulators, startSimulators } from "../node.ts";
import { defaultFaceSignKey } from "./createFaceSignContext.ts";
import { sampleFaceSignFlow } from "./sampleFaceSignFlow.ts";
import { signFaceSignWebhook } from "./sendStatusWebhook.ts";

describe("FaceSign through startSimulators over real HTTP", () => {
  let sims: RunningSimulators;
  const hooks: { raw: string; signature: string | null }[] = [];
  beforeAll(async () => {
    sims = await startSimulators({
      verisoulApiPort: 0,
      verisoulAppPort: 0,
      facesignApiPort: 0,
      facesignAppPort: 0,
      facesign: {
        webhookUrl: "http://backend.test/hook",
        fetch: (async (_url: RequestInfo | URL, init?: RequestInit) => {
          hooks.push({
            raw: String(init?.body),
            signature: new Headers(init?.headers).get("x-facesign-signature"),
          });
          return new Response(null, { status: 204 });
        }) as typeof fetch,
      },
    });
  });
  afterAll(async () => {
    await sims.close();
  });

  it("creates a session whose url opens on the real app origin and completes", async () => {
    const { apiUrl, appUrl, simulator } = sims.facesign;
    expect(apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(appUrl).port).not.toBe(new URL(apiUrl).port);
    const headers = {
      authorization: `Bearer ${defaultFaceSignKey}`,
      "content-type": "application/json",
    };
    const created = await fetch(`${apiUrl}/sessions`, {
      method: "POST",
      headers,
      body: JSON.stringify({ clientReferenceId: "http-user", flow: sampleFaceSignFlow }),
    });
    expect(created.status).toBe(200);
    const { session, clientSecret } = (await created.json()) as FaceSignSessionBody;
    expect(clientSecret.url).toBe(`${appUrl}/?cs=${clientSecret.secret}`);

    const page = await fetch(clientSecret.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Simulated FaceSign");
    const step = (node: string, choice: string) =>
      fetch(`${appUrl}/step`, {
        method: "POST",
        body: new URLSearchParams({ cs: clientSecret.secret, node, choice }),
        redirect: "manual",
      });
    const next = await step("hello", "0");
    expect(next.status).toBe(303);
    expect(next.headers.get("location")).toBe(`/?cs=${clientSecret.secret}`);
    expect((await step("live", "0")).status).toBe(200);

    const read = await fetch(`${apiUrl}/sessions/${session.id}`, { headers });
    const body = (await read.json()) as FaceSignSessionBody;
    expect(body.session.status).toBe("complete");
    expect(simulator.session(session.id)?.report?.isVerified).toBe(true);

    // Webhooks are fire-and-forget: wait for both deliveries.
    await vi.waitFor(() => expect(hooks).toHaveLength(2));
    for (const hook of hooks) {
      expect((JSON.parse(hook.raw) as FaceSignWebhookBody).sessionId).toBe(session.id);
      expect(hook.signature).toBe(await signFaceSignWebhook(hook.raw, "whsec_facekit_simulator"));
    }

    const control = await fetch(`${apiUrl}/__simulator/stats`, {
      headers: { origin: "http://127.0.0.1:5173" },
    });
    expect(control.headers.get("access-control-allow-origin")).toBe("*");
    expect(await control.json()).toMatchObject({ requests: 2 });
  });
});
