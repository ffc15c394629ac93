import {
  createVerisoulHarness,
  postJson,
  testRedirectUrl,
  testSecret,
} from "@facekit/test-utils/server";
import { describe, expect, it } from "vitest";
import { createFaceKitHandler } from "../createFaceKitHandler.ts";

describe("result route: authentication, enrolment, idempotency", () => {
  it("authenticates 1:1 when enabled, per config or per request", async () => {
    const t = createVerisoulHarness({ enroll: true });
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
    const t = createVerisoulHarness({ authenticate: true });
    const login = await t.mint();
    await t.complete(login.sessionId, "chen");
    const { status, body } = await t.result(login.token);
    expect(status).toBe(404);
    expect(body.error?.code).toBe("account_not_found");
  });

  it("enrols a Real face once, then flags the same face for another account", async () => {
    const t = createVerisoulHarness({ enroll: true });
    const first = await t.mint();
    await t.complete(first.sessionId, "dana");
    expect((await t.result(first.token)).body).toMatchObject({
      status: "completed",
      result: { decision: "Real", enrolled: true, linkedAccounts: 0 },
    });

    t.auth.current = { accountId: "acct-2" };
    const second = await t.mint();
    await t.complete(second.sessionId, "dana");
    const { body } = await t.result(second.token);
    expect(body).toMatchObject({ status: "completed", result: { enrolled: false } });
    const result = (body as { result: Record<string, unknown> & { riskFlags: string[] } }).result;
    expect(result.decision).not.toBe("Real");
    expect(result.riskFlags).toContain("repeat_face");
    // The browser learns how many accounts share the face, never which ones.
    expect(result.linkedAccounts).toBe(1);
    expect(result).not.toHaveProperty("accountsLinked");
    expect(JSON.stringify(body)).not.toContain("acct-1");
    // The backend does learn which, through onResult.
    const event = t.results.find((e) => e.sessionId === second.sessionId);
    expect(event?.accountId).toBe("acct-2");
    expect(event?.verdict.accountsLinked).toEqual([
      { accountId: "acct-1", matchTypes: expect.arrayContaining(["face"]) },
    ]);
    expect(event?.result).toEqual(result);
  });

  it("never counts the signed-in account as linked to itself (1:1 authentication)", async () => {
    const t = createVerisoulHarness({ enroll: true });
    const signup = await t.mint();
    await t.complete(signup.sessionId, "alice");
    expect((await t.result(signup.token)).body).toMatchObject({ result: { enrolled: true } });

    t.auth.current = { accountId: "acct-1", verisoul: { authenticate: true, enroll: false } };
    const login = await t.mint();
    await t.complete(login.sessionId, "alice");
    const { body } = await t.result(login.token);
    expect(body).toMatchObject({ result: { match: true, linkedAccounts: 0 } });
    const event = t.results.find((e) => e.sessionId === login.sessionId);
    expect(event?.verdict.accountsLinked).toEqual([]);
    // Verisoul's own answer is passed on as it came: its link to acct-1, its flag and decision.
    expect(event?.body.matches?.accounts_linked?.map((a) => a.account_id)).toEqual(["acct-1"]);
    expect(event?.verdict.riskFlags).toContain("repeat_face");
    expect(event?.verdict.decision).toBe(event?.body.decision);

    // Someone else enrolled with the same face (a reviewer let it through) is still counted.
    t.sim.setScenario({ decision: "Real" });
    t.auth.current = { accountId: "acct-2", verisoul: { enroll: true } };
    const other = await t.mint();
    await t.complete(other.sessionId, "alice");
    expect((await t.result(other.token)).body).toMatchObject({
      result: { linkedAccounts: 1, enrolled: true },
    });
    t.sim.setScenario({ decision: null });
    t.auth.current = { accountId: "acct-1", verisoul: { authenticate: true, enroll: false } };
    const again = await t.mint();
    await t.complete(again.sessionId, "alice");
    expect((await t.result(again.token)).body).toMatchObject({
      result: { match: true, linkedAccounts: 1 },
    });
    expect(t.results.at(-1)?.verdict.accountsLinked.map((a) => a.accountId)).toEqual(["acct-2"]);
  });

  it("is idempotent: concurrent and repeated result calls agree and enrol once", async () => {
    const t = createVerisoulHarness({ enroll: true });
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
    // Concurrent calls shared one vendor exchange; the later call was answered from the cache.
    expect(t.sim.stats().byPath).toMatchObject({
      "/liveness/verify-face": 1,
      "/liveness/enroll": 1,
    });
    expect(t.results).toHaveLength(1);
  });

  it("settles a lost enrolment race between two server instances", async () => {
    // Both instances' first verify-face calls are held until both were sent: a real race,
    // however busy the machine is.
    const held: (() => void)[] = [];
    let racing = false;
    const simFetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const call = t.options().fetch?.(input, init) ?? Promise.reject(new Error("no fetch"));
      if (!racing || !String(input).endsWith("/liveness/verify-face")) return call;
      return new Promise<void>((resolve) => {
        held.push(resolve);
        if (held.length < 2) return;
        racing = false;
        for (const go of held) go();
      }).then(() => call);
    };
    const t = createVerisoulHarness({ enroll: true, fetch: simFetch });
    const other = createFaceKitHandler({
      secret: testSecret,
      authorize: () => ({ accountId: "acct-1" }),
      verisoul: { ...t.options(), fetch: simFetch, redirectUrl: testRedirectUrl, enroll: true },
    });
    const session = await t.mint();
    await t.complete(session.sessionId, "alice");
    racing = true;
    const viaOther = postJson(other, "verisoul/result", { token: session.token }).then((r) =>
      r.json(),
    );
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
    const t = createVerisoulHarness({ enroll: true });
    t.sim.setScenario({ decision: "Suspicious" });
    const session = await t.mint();
    await t.complete(session.sessionId, "bob");
    expect((await t.result(session.token)).body).toMatchObject({
      result: { decision: "Suspicious", enrolled: false },
    });
    expect(t.sim.session(session.sessionId)).not.toMatchObject({ accountId: "acct-1" });
  });
});
