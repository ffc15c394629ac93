import { FaceKitError } from "@facekit/core/protocol";
import { describe, expect, it } from "vitest";
import { createVerisoulClient } from "./createVerisoulClient.ts";
import { createSimHarness } from "./internal/createSimHarness.ts";

/** Runs `fn` and returns the FaceKitError it rejects with (fails the test otherwise). */
async function failure(fn: () => Promise<unknown>): Promise<FaceKitError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FaceKitError);
    return error as FaceKitError;
  }
  throw new Error("expected a FaceKitError, got success");
}

const uuid = /^[0-9a-f-]{36}$/i;

describe("createVerisoulClient against the simulator", () => {
  it("creates sessions and reads a completed verdict", async () => {
    const h = createSimHarness();
    const client = createVerisoulClient(h.options());
    const { sessionId, requestId } = await client.createSession();
    expect(sessionId).toMatch(uuid);
    expect(requestId).toMatch(uuid);
    await h.complete(sessionId, "alice");
    const body = await client.verifyFace(sessionId);
    expect(body.decision).toBe("Real");
    expect(body.metadata?.session_id).toBe(sessionId);
    expect(body.risk_score).toBeGreaterThanOrEqual(0);
  });

  it("forwards referringSessionId", async () => {
    const h = createSimHarness();
    const client = createVerisoulClient(h.options());
    const referringSessionId = crypto.randomUUID();
    const { sessionId } = await client.createSession({ referringSessionId });
    await h.complete(sessionId, "alice");
    const body = await client.verifyFace(sessionId);
    expect(body.metadata?.referring_session_id).toBe(referringSessionId);
  });

  it("maps waiting states to scan_incomplete and keeps the vendor code", async () => {
    const h = createSimHarness();
    const client = createVerisoulClient(h.options());
    const { sessionId } = await client.createSession();
    const notStarted = await failure(() => client.verifyFace(sessionId));
    expect([notStarted.code, notStarted.vendorCode]).toEqual([
      "scan_incomplete",
      "session_not_started",
    ]);
    await h.start(sessionId);
    const notComplete = await failure(() => client.verifyFace(sessionId));
    expect([notComplete.code, notComplete.vendorCode]).toEqual([
      "scan_incomplete",
      "session_not_complete",
    ]);
  });

  it("maps unknown sessions, liveness failures and already-tied sessions", async () => {
    const h = createSimHarness();
    const client = createVerisoulClient(h.options());
    const unknown = await failure(() => client.verifyFace(crypto.randomUUID()));
    expect([unknown.code, unknown.vendorCode, unknown.status]).toEqual([
      "session_invalid",
      "session_not_found",
      404,
    ]);

    const failed = (await client.createSession()).sessionId;
    await h.complete(failed, "bob", "liveness_check_failed");
    const liveness = await failure(() => client.verifyFace(failed));
    expect([liveness.code, liveness.vendorCode]).toEqual([
      "liveness_failed",
      "liveness_check_failed",
    ]);

    const ok = (await client.createSession()).sessionId;
    await h.complete(ok, "chen");
    await client.enroll(ok, "acct-carol");
    const tied = await failure(() => client.enroll(ok, "acct-mallory"));
    expect([tied.code, tied.vendorCode]).toEqual([
      "session_invalid",
      "session_already_tied_to_an_account",
    ]);
  });

  it("maps session_older_than_30_days to session_expired", async () => {
    const h = createSimHarness();
    const client = createVerisoulClient(h.options());
    const { sessionId } = await client.createSession();
    await h.complete(sessionId, "dana");
    h.clock.now += 31 * 24 * 3600_000;
    const old = await failure(() => client.enroll(sessionId, "acct-dave"));
    expect([old.code, old.vendorCode, old.status]).toEqual([
      "session_expired",
      "session_older_than_30_days",
      410,
    ]);
  });

  it("authenticates 1:1 and reports account_not_found", async () => {
    const h = createSimHarness();
    const client = createVerisoulClient(h.options());
    const signup = (await client.createSession()).sessionId;
    await h.complete(signup, "alice");
    await client.enroll(signup, "acct-erin");

    const same = (await client.createSession()).sessionId;
    await h.complete(same, "alice");
    expect(await client.verifyIdentity(same, "acct-erin")).toEqual({ match: true });

    const other = (await client.createSession()).sessionId;
    await h.complete(other, "bob");
    expect(await client.verifyIdentity(other, "acct-erin")).toEqual({ match: false });

    const missing = await failure(() => client.verifyIdentity(same, "acct-nobody"));
    expect([missing.code, missing.vendorCode]).toEqual(["account_not_found", "account_not_found"]);
  });

  it("maps groups_enabled and a wrong API key to vendor_misconfigured", async () => {
    const h = createSimHarness();
    h.sim.setScenario({ groupsEnabled: true });
    const groups = await failure(() => createVerisoulClient(h.options()).createSession());
    expect([groups.code, groups.vendorCode, groups.status]).toEqual([
      "vendor_misconfigured",
      "groups_enabled",
      502,
    ]);

    const h2 = createSimHarness();
    const wrongKey = await failure(() =>
      createVerisoulClient(h2.options({ apiKey: "not-the-key" })).createSession(),
    );
    expect(wrongKey.code).toBe("vendor_misconfigured");
    expect(wrongKey.message).toMatch(/apiKey/);
  });

  it("maps injected 429, 500 and 503, never retrying", async () => {
    const h = createSimHarness();
    const client = createVerisoulClient(h.options());
    h.sim.setScenario({ failNext: { status: 429, count: 1 } });
    const limited = await failure(() => client.createSession());
    expect([limited.code, limited.status]).toEqual(["rate_limited", 429]);

    h.sim.setScenario({ failNext: { status: 500, count: 1 } });
    const broken = await failure(() => client.createSession());
    expect([broken.code, broken.status]).toEqual(["vendor_unavailable", 503]);
    expect(broken.cause).toMatchObject({ status: 500 });

    h.sim.setScenario({ failNext: { status: 503, count: 2 } });
    expect((await failure(() => client.createSession())).code).toBe("vendor_unavailable");
    // The second injected failure is still pending: the client did not retry behind our back.
    expect((await failure(() => client.createSession())).code).toBe("vendor_unavailable");
    expect((await client.createSession()).sessionId).toMatch(uuid);
  });

  it("reads Retry-After from the simulator's real rate limit (300/min)", async () => {
    const h = createSimHarness();
    const client = createVerisoulClient(h.options());
    const ids = await Promise.all(Array.from({ length: 300 }, () => client.createSession()));
    expect(ids).toHaveLength(300);
    const limited = await failure(() => client.createSession());
    expect(limited.code).toBe("rate_limited");
    expect(limited.retryAfter).toBeGreaterThan(0);
    expect(limited.retryAfter).toBeLessThanOrEqual(60);
  });

  it("times out slow answers as vendor_unavailable", async () => {
    const h = createSimHarness();
    h.sim.setScenario({ latencyMs: 300 });
    const client = createVerisoulClient(h.options({ timeoutMs: 30 }));
    const started = Date.now();
    const slow = await failure(() => client.createSession());
    expect(slow.code).toBe("vendor_unavailable");
    expect(slow.message).toMatch(/30 ms/);
    expect(Date.now() - started).toBeLessThan(250);
  });

  it("maps network failures and non-JSON answers to vendor_unavailable", async () => {
    // Nothing listens on port 1 of the loopback: a real connection failure, no stub.
    const down = createVerisoulClient({ apiKey: "k", apiBaseUrl: "http://127.0.0.1:1" });
    const network = await failure(() => down.createSession());
    expect(network.code).toBe("vendor_unavailable");
    expect(network.cause).toBeDefined();

    // A proxy in front of the simulator that answers 200 with an HTML page (captive portal).
    const h = createSimHarness();
    const portal = createVerisoulClient(
      h.options({
        fetch: async (input, init) => {
          await h.sim.api(new Request(input, init));
          return new Response("<html>Please log in</html>", {
            headers: { "content-type": "text/html" },
          });
        },
      }),
    );
    const html = await failure(() => portal.createSession());
    expect([html.code, html.status]).toEqual(["vendor_unavailable", 503]);
    expect(html.message).toMatch(/non-JSON/);
  });

  it("maps an apiBaseUrl that is not the Verisoul API to vendor_misconfigured", async () => {
    // The simulator's hosted app answers API paths with an HTML 404.
    const h = createSimHarness();
    const wrongHost = createVerisoulClient(
      h.options({ fetch: (input, init) => h.sim.app(new Request(input, init)) }),
    );
    const error = await failure(() => wrongHost.createSession());
    expect(error.code).toBe("vendor_misconfigured");
    expect(error.message).toMatch(/apiBaseUrl/);
  });

  it("refuses unusable options at creation", () => {
    expect(() => createVerisoulClient({ apiKey: "" })).toThrow(/apiKey/);
    expect(() => createVerisoulClient({ apiKey: "k", timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => createVerisoulClient({ apiKey: "k", apiBaseUrl: "nope" })).toThrow(/apiBaseUrl/);
  });
});
