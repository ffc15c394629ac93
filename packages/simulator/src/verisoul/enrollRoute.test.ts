import type { VerisoulVerifyFaceBody } from "@facekit/core/protocol";
import { describe, expect, it } from "vitest";
import { createTestDriver } from "./createTestDriver.ts";
import { createVerisoulSimulator } from "./createVerisoulSimulator.ts";

const day = 24 * 60 * 60 * 1000;

describe("POST /liveness/enroll", () => {
  it("enrols once, then answers session_already_tied_to_an_account", async () => {
    const sim = createVerisoulSimulator();
    const t = createTestDriver(sim);
    const id = await t.run("alice");
    const first = await t.enroll(id, "acct-1");
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ request_id: expect.any(String), success: true });
    expect(sim.session(id)).toMatchObject({ state: "enrolled", accountId: "acct-1" });
    const body = (await t.verifyFace(id)).body as VerisoulVerifyFaceBody;
    expect(body.metadata?.account_id).toBe("acct-1");
    // Its own enrolment is not a link to another account.
    expect(body.matches?.num_accounts_linked).toBe(0);

    const again = await t.enroll(id, "acct-2");
    expect(again.status).toBe(400);
    expect(again.body.error).toBe("session_already_tied_to_an_account");
  });

  it("refuses sessions created more than 30 days ago (clock injected)", async () => {
    let clock = Date.UTC(2026, 0, 1);
    const sim = createVerisoulSimulator({ now: () => clock });
    const t = createTestDriver(sim);
    const fresh = await t.run();
    const old = await t.run();
    clock += 30 * day;
    expect((await t.enroll(fresh, "acct-a")).status).toBe(200);
    clock += 1;
    const late = await t.enroll(old, "acct-b");
    expect(late.status).toBe(400);
    expect(late.body.error).toBe("session_older_than_30_days");
    expect(sim.session(old)?.accountId).toBeNull();
  });
});

describe("1:N uniqueness", () => {
  it("flags repeat_face and lists every other account the same face is enrolled under", async () => {
    const sim = createVerisoulSimulator();
    const t = createTestDriver(sim);
    await t.enroll(await t.run("bob"), "acct-1");
    await t.enroll(await t.run("bob"), "acct-2");
    await t.enroll(await t.run("alice"), "acct-3");

    const again = await t.run("bob");
    const body = (await t.verifyFace(again)).body as VerisoulVerifyFaceBody;
    expect(body.risk_flags).toEqual(["repeat_face"]);
    expect(body.decision).toBe("Suspicious");
    expect(body.risk_score).toBeGreaterThanOrEqual(0.5);
    expect(body.matches).toEqual({
      num_accounts_linked: 2,
      accounts_linked: [
        { account_id: "acct-1", match_types: ["face"] },
        { account_id: "acct-2", match_types: ["face"] },
      ],
    });

    const stranger = (await t.verifyFace(await t.run("new"))).body as VerisoulVerifyFaceBody;
    expect(stranger.risk_flags).toEqual([]);
    expect(stranger.matches?.num_accounts_linked).toBe(0);
  });
});

describe("POST /liveness/verify-identity", () => {
  it("matches the same person, answers match:false for another, account_not_found otherwise", async () => {
    const sim = createVerisoulSimulator();
    const t = createTestDriver(sim);
    await t.enroll(await t.run("chen"), "acct-chen");

    const same = await t.verifyIdentity(await t.run("chen"), "acct-chen");
    expect(same.status).toBe(200);
    expect(same.body).toEqual({ request_id: expect.any(String), success: true, match: true });

    const other = await t.verifyIdentity(await t.run("dana"), "acct-chen");
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ success: true, match: false });

    const unknown = await t.verifyIdentity(await t.run("chen"), "acct-nobody");
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({
      request_id: expect.any(String),
      success: false,
      error: "account_not_found",
    });
  });
});
