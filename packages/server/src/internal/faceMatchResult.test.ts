import { describe, expect, it } from "vitest";
import { createFaceKitServer } from "../createFaceKitServer.ts";
import { createServerHarness, testSecret } from "./createServerHarness.ts";
import { testRedirectUrl } from "./createSimHarness.ts";

describe("result route: authentication, enrolment, idempotency", () => {
  it("authenticates 1:1 when enabled, per config or per request", async () => {
    const t = createServerHarness({ enroll: true });
    const signup = await t.mint();
    await t.complete(signup.sessionId, "alice");
    expect((await t.result(signup.token)).body).toMatchObject({ result: { enrolled: true } });

    t.auth.current = { accountId: "acct-1", verisoul: { authenticate: true, enroll: false } };
    const login = await t.mint();
    await t.complete(login.sessionId, "alice");
    const same = await t.result(login.token);
    expect(same.body).toMatchObject({ status: "completed", result: { match: true } });
    expect(same.body.result).not.toHaveProperty("enrolled");

    const impostor = await t.mint();
    await t.complete(impostor.sessionId, "bob");
    expect((await t.result(impostor.token)).body).toMatchObject({ result: { match: false } });
  });

  it("answers 404 account_not_found when authenticating an account without a face", async () => {
    const t = createServerHarness({ authenticate: true });
    const login = await t.mint();
    await t.complete(login.sessionId, "chen");
    const { status, body } = await t.result(login.token);
    expect(status).toBe(404);
    expect(body.error?.code).toBe("account_not_found");
  });

  it("enrols a Real face once, then flags the same face for another account", async () => {
    const t = createServerHarness({ enroll: true });
    const first = await t.mint();
    await t.complete(first.sessionId, "dana");
    expect((await t.result(first.token)).body).toMatchObject({
      status: "completed",
      result: { decision: "Real", enrolled: true },
    });

    t.auth.current = { accountId: "acct-2" };
    const second = await t.mint();
    await t.complete(second.sessionId, "dana");
    const { body } = await t.result(second.token);
    expect(body).toMatchObject({ status: "completed", result: { enrolled: false } });
    const result = (
      body as { result: { decision: string; riskFlags: string[]; accountsLinked: unknown[] } }
    ).result;
    expect(result.decision).not.toBe("Real");
    expect(result.riskFlags).toContain("repeat_face");
    expect(result.accountsLinked).toContainEqual({
      accountId: "acct-1",
      matchTypes: expect.arrayContaining(["face"]),
    });
  });

  it("is idempotent: concurrent and repeated result calls agree and enrol once", async () => {
    const t = createServerHarness({ enroll: true });
    const session = await t.mint();
    await t.complete(session.sessionId, "alice");
    // Latency makes the three calls overlap, as popup and polling do over a real network.
    t.sim.setScenario({ latencyMs: 40 });
    const answers = await Promise.all([
      t.result(session.token),
      t.result(session.token),
      t.result(session.token),
    ]);
    const again = await t.result(session.token);
    for (const answer of [...answers, again]) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(answers[0]?.body);
      expect(answer.body).toMatchObject({ result: { enrolled: true } });
    }
    expect(t.sim.session(session.sessionId)).toMatchObject({ accountId: "acct-1" });
    // Concurrent calls shared one vendor exchange; the later call saw the enrolment and did not
    // enrol again.
    expect(t.sim.stats().byPath).toMatchObject({
      "/liveness/verify-face": 2,
      "/liveness/enroll": 1,
    });
  });

  it("settles a lost enrolment race between two server instances", async () => {
    const t = createServerHarness({ enroll: true });
    const other = createFaceKitServer({
      secret: testSecret,
      authorize: () => ({ accountId: "acct-1" }),
      verisoul: { ...t.options(), redirectUrl: testRedirectUrl, enroll: true },
    });
    const session = await t.mint();
    await t.complete(session.sessionId, "alice");
    t.sim.setScenario({ latencyMs: 40 });
    const viaOther = other
      .handle(
        new Request("https://shop.example/api/facekit/verisoul/result", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ token: session.token }),
        }),
      )
      .then((r) => r.json());
    const [a, b] = await Promise.all([t.result(session.token), viaOther]);
    expect(a.body).toMatchObject({ result: { enrolled: true } });
    expect(b).toEqual(a.body);
    // Both instances tried to enrol; the loser asked Verisoul who owns the session now.
    expect(t.sim.stats().byPath).toMatchObject({
      "/liveness/enroll": 2,
      "/liveness/verify-face": 3,
    });
  });

  it("does not enrol a session that is not judged Real", async () => {
    const t = createServerHarness({ enroll: true });
    t.sim.setScenario({ decision: "Suspicious" });
    const session = await t.mint();
    await t.complete(session.sessionId, "bob");
    expect((await t.result(session.token)).body).toMatchObject({
      result: { decision: "Suspicious", enrolled: false },
    });
    expect(t.sim.session(session.sessionId)).not.toMatchObject({ accountId: "acct-1" });
  });
});
