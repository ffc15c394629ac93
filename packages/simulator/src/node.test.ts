import { readFile, stat } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultDiditKey, defaultVerisoulKey } from "./index.ts";
import {
  createOversizeJpeg,
  diditFixturePaths,
  type RunningSimulators,
  startSimulators,
} from "./node.ts";

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

  it("serves Didit on its own origin, counting requests and credits in stats", async () => {
    const { apiUrl } = sims.didit;
    expect(new URL(apiUrl).port).not.toBe("0");
    expect(new URL(apiUrl).port).not.toBe(new URL(sims.facesign.apiUrl).port);
    const stats = async () => (await fetch(`${apiUrl}/__simulator/stats`)).json();
    expect(await stats()).toMatchObject({ faceMatchRequests: 0, creditsSpent: 0 });
    const paths = diditFixturePaths();
    const form = new FormData();
    form.set("user_image", new File([await readFile(paths.personA2)], "selfie.jpg"));
    form.set("ref_image", new File([await readFile(paths.personA)], "id.jpg"));
    const res = await fetch(`${apiUrl}/v3/face-match/`, {
      method: "POST",
      headers: { "x-api-key": defaultDiditKey },
      body: form,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { request_id: string; face_match: { status: string } };
    expect(body.face_match.status).toBe("Approved");
    const decision = await fetch(`${apiUrl}/v3/session/${body.request_id}/decision/`, {
      headers: { "x-api-key": defaultDiditKey },
    });
    expect(decision.status).toBe(200);
    const stored = (await decision.json()) as { face_matches: { source_image: string }[] };
    const image = await fetch(stored.face_matches[0]?.source_image ?? "");
    expect(image.headers.get("content-type")).toBe("image/jpeg");
    expect(await stats()).toMatchObject({
      faceMatchRequests: 1,
      creditsSpent: 1,
      creditsRemaining: 999,
    });
    const scenario = await fetch(`${apiUrl}/__simulator/scenario`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://127.0.0.1:5173" },
      body: JSON.stringify({ credits: 0, latencyMs: 0 }),
    });
    expect(scenario.headers.get("access-control-allow-origin")).toBe("*");
    expect(await scenario.json()).toMatchObject({ credits: 0 });
    const big = await createOversizeJpeg();
    expect(big.byteLength).toBeGreaterThan(5 * 1024 * 1024);
    expect(big.subarray(0, 3)).toEqual(new Uint8Array([0xff, 0xd8, 0xff]));
    expect((await stat(paths.personAY4m)).size).toBeGreaterThan(640 * 480 * 1.5);
  });

  it("refuses to start on a port in use and leaves nothing listening", async () => {
    const port = Number(new URL(sims.verisoul.appUrl).port);
    await expect(startSimulators({ verisoulApiPort: 0, verisoulAppPort: port })).rejects.toThrow(
      /EADDRINUSE/,
    );
  });
});
