import { describe, expect, it } from "vitest";
import { appBase, createFaceSignTestDriver } from "./createFaceSignTestDriver.ts";

describe("hosted page", () => {
  it("walks the flow to complete with a plausible report", async () => {
    let clock = 1_000_000;
    const t = createFaceSignTestDriver({ now: () => clock });
    const { session, clientSecret } = (await t.create({ finalPhrase: "Thanks!" })).body;
    clock += 1000;
    const first = await t.open(clientSecret.url, { "accept-language": "fr-CA,fr;q=0.9" });
    expect(first.status).toBe(200);
    expect(first.html).toContain("Simulated FaceSign");
    expect(first.html).toContain("Hi, I am your simulated agent.");
    expect(first.html).toContain('lang="fr"');
    expect(first.html).not.toMatch(/<script|postMessage/i);
    expect(first.node).toBe("hello");
    const csp = first.res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain("frame-ancestors");
    expect(first.res.headers.get("x-frame-options")).toBeNull();
    expect(t.sim.session(session.id)).toMatchObject({ status: "inProgress", startedAt: clock });

    const reload = await t.open(clientSecret.url);
    expect(reload.node).toBe("hello"); // reopening keeps the place

    const live = await t.step(clientSecret.secret, "hello", "0");
    expect(live.node).toBe("live");
    for (const outcome of [
      "livenessDetected",
      "deepfakeDetected",
      "noFace",
      "inconclusive",
      "Leave",
    ]) {
      expect(live.html).toContain(`>${outcome}</button>`);
    }
    clock += 1000;
    const done = await t.step(clientSecret.secret, "live", "0");
    expect(done.status).toBe(200);
    expect(done.html).toContain("Verification complete");

    const finished = t.sim.session(session.id);
    expect(finished).toMatchObject({ status: "complete", finishedAt: clock });
    expect(finished?.report).toMatchObject({
      isVerified: true,
      livenessDetected: true,
      lang: "fr",
      aiAnalysis: { realPersonOrVirtual: "real" },
    });
    expect(finished?.report?.transcript?.map((m) => m.text)).toEqual([
      "Hi, I am your simulated agent.",
      "(next)",
      "Liveness check: look at the camera and follow the avatar.",
      "Thanks!",
    ]);
  });

  it("reports a failing outcome as not verified", async () => {
    const t = createFaceSignTestDriver();
    const { session, clientSecret } = (await t.create()).body;
    await t.open(clientSecret.url);
    await t.step(clientSecret.secret, "hello", "0");
    await t.step(clientSecret.secret, "live", "2"); // noFace
    expect(t.sim.session(session.id)?.report).toMatchObject({
      isVerified: false,
      livenessDetected: false,
      lang: "en",
    });
  });

  it("Leave ends the session as incomplete", async () => {
    const t = createFaceSignTestDriver();
    const { session, clientSecret } = (await t.create()).body;
    await t.open(clientSecret.url);
    const left = await t.step(clientSecret.secret, "hello", "leave");
    expect(left.status).toBe(200);
    expect(left.html).toContain("Verification ended");
    expect(t.sim.session(session.id)).toMatchObject({ status: "incomplete" });
    expect(t.sim.session(session.id)?.finishedAt).toEqual(expect.any(Number));
  });

  it("refuses a finished session, even with a refreshed secret", async () => {
    const t = createFaceSignTestDriver();
    const { session, clientSecret } = (await t.create()).body;
    await t.open(clientSecret.url);
    await t.step(clientSecret.secret, "hello", "leave");
    const again = await t.open(clientSecret.url);
    expect(again.status).toBe(410);
    expect(again.html).toContain("already ended");
    const refreshed = await t.call("GET", `/sessions/${session.id}/refresh`);
    expect((await t.open(refreshed.body.url as string)).status).toBe(410);
    expect((await t.step(refreshed.body.secret as string, "hello", "0")).status).toBe(410);
    expect((await t.step(clientSecret.secret, "hello", "0")).status).toBe(403); // replaced
    expect(t.sim.session(session.id)?.status).toBe("incomplete");
  });

  it("refuses an expired secret, and unknown or missing ones", async () => {
    let clock = 0;
    const t = createFaceSignTestDriver({ now: () => clock });
    const { session, clientSecret } = (await t.create()).body;
    clock = clientSecret.expireAt;
    const expired = await t.open(clientSecret.url);
    expect(expired.status).toBe(410);
    expect(expired.html).toContain("expired");
    expect(t.sim.session(session.id)?.status).toBe("created");
    expect((await t.open(`${appBase}/?cs=csnope`)).status).toBe(403);
    expect((await t.open(`${appBase}/`)).status).toBe(403);
  });

  it("ignores stale or unknown choices without changing state", async () => {
    const t = createFaceSignTestDriver();
    const { session, clientSecret } = (await t.create()).body;
    await t.open(clientSecret.url);
    const stale = await t.step(clientSecret.secret, "live", "0");
    expect(stale.node).toBe("hello");
    expect((await t.step(clientSecret.secret, "hello", "9")).status).toBe(400);
    expect(t.sim.session(session.id)?.status).toBe("inProgress");
    expect((await t.open(`${appBase}/nope`)).status).toBe(404);
    expect((await t.sim.app(new Request(`${appBase}/sim.css`))).status).toBe(200);
  });
});
