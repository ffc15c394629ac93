import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultVerisoulKey } from "./index.ts";
import { type RunningSimulators, startSimulators } from "./node.ts";

describe("startSimulators over real HTTP", () => {
  let sims: RunningSimulators;
  beforeAll(async () => {
    sims = await startSimulators({ verisoulApiPort: 0, verisoulAppPort: 0 });
  });
  afterAll(async () => {
    await sims.close();
  });

  it("serves the API and the hosted app on two origins with real ports", async () => {
    const { apiUrl, appUrl, simulator } = sims.verisoul;
    expect(apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(appUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(apiUrl).port).not.toBe(new URL(appUrl).port);
    expect(new URL(apiUrl).port).not.toBe("0");

    const minted = await fetch(`${apiUrl}/liveness/session`, {
      headers: { "x-api-key": defaultVerisoulKey },
    });
    expect(minted.status).toBe(200);
    const { session_id: id } = (await minted.json()) as { session_id: string };

    const callback = "http://127.0.0.1:5173/facekit/callback?keep=1";
    const page = await fetch(
      `${appUrl}/?session_id=${id}&redirect_url=${encodeURIComponent(callback)}&lng=en`,
    );
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Simulated Verisoul");

    const form = new URLSearchParams({ session_id: id, redirect_url: callback, lng: "en" });
    form.set("outcome", "success");
    form.set("face", "new");
    const done = await fetch(`${appUrl}/complete`, {
      method: "POST",
      body: form,
      redirect: "manual",
    });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(
      `http://127.0.0.1:5173/facekit/callback?keep=1&session_id=${id}&success=true`,
    );

    const verdict = await fetch(`${apiUrl}/liveness/verify-face`, {
      method: "POST",
      headers: { "x-api-key": defaultVerisoulKey, "content-type": "application/json" },
      body: JSON.stringify({ session_id: id }),
    });
    expect(verdict.status).toBe(200);
    const body = (await verdict.json()) as { photo_urls: { face: string } };
    expect(body.photo_urls.face).toBe(`${appUrl}/photos/${id}.jpg`);
    expect((await fetch(body.photo_urls.face)).headers.get("content-type")).toBe("image/jpeg");

    const scenario = await fetch(`${apiUrl}/__simulator/scenario`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://127.0.0.1:5173" },
      body: JSON.stringify({ coop: true }),
    });
    expect(scenario.headers.get("access-control-allow-origin")).toBe("*");
    expect(simulator.scenario.coop).toBe(true);
  });

  it("refuses to start on a port in use and leaves nothing listening", async () => {
    const port = Number(new URL(sims.verisoul.appUrl).port);
    await expect(startSimulators({ verisoulApiPort: 0, verisoulAppPort: port })).rejects.toThrow(
      /EADDRINUSE/,
    );
  });
});
