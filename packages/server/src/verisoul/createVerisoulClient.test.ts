import { errorResponseStatus } from "@facekit/core/protocol";
import { createVerisoulSimHarness, failure } from "@facekit/test-utils/server";
import { describe, expect, it } from "vitest";
import { createVerisoulClient } from "./createVerisoulClient.ts";

const uuid = /^[0-9a-f-]{36}$/i;

describe("createVerisoulClient against the simulator", () => {
  it("creates sessions and reads a completed verdict", async () => {
    const h = createVerisoulSimHarness();
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
    const h = createVerisoulSimHarness();
    const client = createVerisoulClient(h.options());
    const referringSessionId = crypto.randomUUID();
    const { sessionId } = await client.createSession({ referringSessionId });
    await h.complete(sessionId, "alice");
    const body = await client.verifyFace(sessionId);
    expect(body.metadata?.referring_session_id).toBe(referringSessionId);
  });

  it("maps waiting states to scan_incomplete and keeps the vendor code", async () => {
    const h = createVerisoulSimHarness();
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
    const h = createVerisoulSimHarness();
    const client = createVerisoulClient(h.options());
    const unknown = await failure(() => client.verifyFace(crypto.randomUUID()));
    expect([unknown.code, unknown.vendorCode, errorResponseStatus(unknown)]).toEqual([
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
    const h = createVerisoulSimHarness();
    const client = createVerisoulClient(h.options());
    const { sessionId } = await client.createSession();
    await h.complete(sessionId, "dana");
    h.clock.now += 31 * 24 * 3600_000;
    const old = await failure(() => client.enroll(sessionId, "acct-dave"));
    expect([old.code, old.vendorCode, errorResponseStatus(old)]).toEqual([
      "session_expired",
      "session_older_than_30_days",
      410,
    ]);
  });

  it("authenticates 1:1 and reports account_not_found", async () => {
    const h = createVerisoulSimHarness();
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

  it("refuses unusable options at creation", () => {
    expect(() => createVerisoulClient({ apiKey: "" })).toThrow(/apiKey/);
    expect(() => createVerisoulClient({ apiKey: "k", timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => createVerisoulClient({ apiKey: "k", baseUrl: "nope" })).toThrow(/baseUrl/);
  });
});
