import { describe, expect, it } from "vitest";
import { isUuid } from "../internal/isUuid.ts";
import { apiBase, createTestDriver } from "./createTestDriver.ts";
import { createVerisoulSimulator } from "./createVerisoulSimulator.ts";

describe("API auth", () => {
  it("answers a flat JSON 401 without a key, with an unknown key, on every vendor endpoint", async () => {
    const sim = createVerisoulSimulator();
    const noKey = await sim.api(new Request(`${apiBase}/liveness/session`));
    expect(noKey.status).toBe(401);
    expect(noKey.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await noKey.json()).toEqual({ message: "Unauthorized", statusCode: 401 });

    const wrong = createTestDriver(sim, "not-a-key");
    expect((await wrong.call("GET", "/liveness/session")).status).toBe(401);
    expect((await wrong.verifyFace(crypto.randomUUID())).status).toBe(401);
    expect((await wrong.enroll(crypto.randomUUID(), "a")).status).toBe(401);
    expect((await wrong.verifyIdentity(crypto.randomUUID(), "a")).status).toBe(401);
  });

  it("accepts only the configured keys", async () => {
    const sim = createVerisoulSimulator({ apiKeys: ["k1", "k2"] });
    expect((await createTestDriver(sim, "k2").call("GET", "/liveness/session")).status).toBe(200);
    expect((await createTestDriver(sim).call("GET", "/liveness/session")).status).toBe(401);
  });

  it("answers 404 flat JSON for unknown paths and methods", async () => {
    const t = createTestDriver(createVerisoulSimulator());
    const unknown = await t.call("GET", "/liveness/nope");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ message: "Cannot GET /liveness/nope", statusCode: 404 });
    expect((await t.call("POST", "/liveness/session", {})).status).toBe(404);
  });
});

describe("GET /liveness/session", () => {
  it("mints fresh uuid pairs and stores a created face session", async () => {
    const sim = createVerisoulSimulator({ now: () => 1_000 });
    const t = createTestDriver(sim);
    const a = await t.call<{ request_id: string; session_id: string }>("GET", "/liveness/session");
    const b = await t.call<{ request_id: string; session_id: string }>("GET", "/liveness/session");
    expect(a.status).toBe(200);
    expect(Object.keys(a.body).sort()).toEqual(["request_id", "session_id"]);
    expect(isUuid(a.body.request_id) && isUuid(a.body.session_id)).toBe(true);
    expect(new Set([a.body.session_id, b.body.session_id, a.body.request_id]).size).toBe(3);
    expect(sim.session(a.body.session_id)).toMatchObject({
      kind: "face",
      state: "created",
      createdAt: 1_000,
      simulate: null,
      referringSessionId: null,
    });
  });

  it("stores referring_session_id and simulate, and refuses a malformed referring id", async () => {
    const sim = createVerisoulSimulator();
    const t = createTestDriver(sim);
    const referring = crypto.randomUUID();
    const id = await t.mint(`?referring_session_id=${referring}&simulate=liveness_check_failed`);
    expect(sim.session(id)).toMatchObject({
      referringSessionId: referring,
      simulate: "liveness_check_failed",
    });

    const badRef = await t.call("GET", "/liveness/session?referring_session_id=abc");
    expect(badRef.status).toBe(400);
    expect(badRef.body).toEqual({ message: expect.stringMatching(/uuid/i), statusCode: 400 });
  });

  it("takes any simulate value, as Verisoul does (a free string), and none when empty", async () => {
    const sim = createVerisoulSimulator();
    const t = createTestDriver(sim);
    for (const value of ["teleport", "failed_to_process_id_scan", "Success"]) {
      const id = await t.mint(`?simulate=${value}`);
      expect(sim.session(id)).toMatchObject({ simulate: value });
    }
    expect(sim.session(await t.mint("?simulate="))).toMatchObject({ simulate: null });
  });

  it("answers the documented groups_enabled envelope when the project has groups", async () => {
    const sim = createVerisoulSimulator();
    sim.setScenario({ groupsEnabled: true });
    const res = await createTestDriver(sim).call("GET", "/liveness/session");
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      request_id: expect.any(String),
      success: false,
      error: "groups_enabled",
    });
    expect(isUuid(res.body.request_id)).toBe(true);
  });

  it("mints ID-check sessions with ?id=true, refused by the face endpoints", async () => {
    const sim = createVerisoulSimulator();
    const t = createTestDriver(sim);
    const id = await t.mint("?id=true");
    expect(sim.session(id)?.kind).toBe("id");
    const verify = await t.verifyFace(id);
    expect(verify.status).toBe(400);
    expect(verify.body.error).toBe("session_not_valid_for_this_endpoint");
    expect((await t.enroll(id, "acct")).body.error).toBe("session_not_valid_for_this_endpoint");
    expect((await t.verifyIdentity(id, "acct")).body.error).toBe(
      "session_not_valid_for_this_endpoint",
    );
  });
});
