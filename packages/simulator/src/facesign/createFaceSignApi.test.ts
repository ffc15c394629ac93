import type { FaceSignErrorBody, FaceSignSessionBody } from "@facekit/core/protocol";
import { describe, expect, it } from "vitest";
import { appBase, createFaceSignTestDriver } from "./createFaceSignTestDriver.ts";
import { sampleFaceSignFlow } from "./sampleFaceSignFlow.ts";

const err = (type: string, code?: string) => ({
  error: expect.objectContaining(code ? { type, code } : { type }),
});

describe("auth", () => {
  it("accepts sk_test_ and sk_prod_ keys, refuses others and a missing header with 401", async () => {
    const t = createFaceSignTestDriver();
    expect((await t.call("GET", "/langs")).status).toBe(200);
    expect(
      (await t.call("GET", "/langs", undefined, { authorization: "Bearer sk_prod_x" })).status,
    ).toBe(200);
    for (const headers of [
      { authorization: "Bearer sk_live_x" },
      { authorization: "Bearer pk_test_x" },
      { authorization: "sk_test_x" },
      {} as Record<string, string>,
    ]) {
      const res = await t.call<FaceSignErrorBody>("GET", "/langs", undefined, headers);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(err("authentication_error", "invalid_api_key"));
      expect(typeof res.body.error.message).toBe("string");
    }
  });

  it("answers unknown routes with a 404 not_found_error", async () => {
    const t = createFaceSignTestDriver();
    const res = await t.call("GET", "/v1/sessions");
    expect(res.status).toBe(404);
    expect(res.body).toEqual(err("not_found_error"));
  });
});

describe("POST /sessions validation", () => {
  const cases: [string, Record<string, unknown>, string | RegExp, string][] = [
    [
      "a clientReferenceId that is not a string",
      { clientReferenceId: 42 },
      /clientReferenceId must be a string/,
      "parameter_invalid",
    ],
    ["neither flow nor modules", { flow: undefined }, /flow is required/, "parameter_missing"],
    [
      "two starts",
      { flow: [...sampleFaceSignFlow, { id: "s2", type: "start", outcome: "end" }] },
      /exactly one start/,
      "invalid_flow",
    ],
    [
      "no end",
      { flow: sampleFaceSignFlow.filter((n) => n.type !== "end") },
      /at least one end/,
      "invalid_flow",
    ],
    [
      "duplicate ids",
      { flow: [...sampleFaceSignFlow, { id: "end", type: "end" }] },
      /"end" is not unique/,
      "invalid_flow",
    ],
    [
      "dangling string outcome",
      {
        flow: [
          { id: "start", type: "start", outcome: "nowhere" },
          { id: "end", type: "end" },
        ],
      },
      /points to unknown node "nowhere"/,
      "invalid_flow",
    ],
    [
      "dangling outcome map",
      {
        flow: sampleFaceSignFlow.map((n) =>
          n.id === "live" ? { ...n, outcomes: { livenessDetected: "end", noFace: "gone" } } : n,
        ),
      },
      /"live" outcome "noFace" points to unknown node "gone"/,
      "invalid_flow",
    ],
    [
      "dangling targetNodeId",
      {
        flow: sampleFaceSignFlow.map((n) =>
          n.id === "hello"
            ? { ...n, outcomes: [{ id: "o", condition: "yes", targetNodeId: "x" }] }
            : n,
        ),
      },
      /"hello" outcome "yes" points to unknown node "x"/,
      "invalid_flow",
    ],
    [
      "unknown type",
      { flow: [...sampleFaceSignFlow, { id: "z", type: "teleport" }] },
      /unknown type/,
      "invalid_flow",
    ],
  ];
  for (const [name, patch, message, code] of cases) {
    it(`refuses ${name}`, async () => {
      const t = createFaceSignTestDriver();
      const res = await t.create(patch);
      expect(res.status).toBe(400);
      const body = res.body as unknown as FaceSignErrorBody;
      expect(body).toEqual(err("validation_error", code));
      expect(body.error.message).toMatch(message);
      expect(t.sim.stats().requests).toBe(1);
    });
  }

  it("refuses a body that is not a JSON object", async () => {
    const t = createFaceSignTestDriver();
    const res = await t.call("POST", "/sessions", [1, 2]);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(err("validation_error"));
  });
});

describe("create, get, refresh", () => {
  it("creates a session with a 2 h cs secret, reads it back, refreshes the secret", async () => {
    let clock = 1_700_000_000_000;
    const t = createFaceSignTestDriver({ now: () => clock });
    const created = await t.create({ metadata: { plan: "pro" }, langs: ["en", "fr"] });
    expect(created.status).toBe(200);
    const { session, clientSecret } = created.body;
    expect(session).toMatchObject({ status: "created", createdAt: clock });
    expect(session.settings).toMatchObject({
      clientReferenceId: "user-1",
      metadata: { plan: "pro" },
    });
    expect(session.settings.flow).toEqual(sampleFaceSignFlow);
    expect(clientSecret.secret).toMatch(/^cs[0-9a-f]{48}$/);
    expect(clientSecret.url).toBe(`${appBase}/?cs=${clientSecret.secret}`);
    expect(clientSecret).toMatchObject({ createdAt: clock, expireAt: clock + 2 * 3600_000 });

    const read = await t.call<FaceSignSessionBody>("GET", `/sessions/${session.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect(t.sim.session(session.id)).toEqual(session);

    await t.open(clientSecret.url); // inProgress
    clock += 60_000;
    const refreshed = await t.call("GET", `/sessions/${session.id}/refresh`);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ createdAt: clock, expireAt: clock + 2 * 3600_000 });
    expect(refreshed.body.secret).not.toBe(clientSecret.secret);
    expect(refreshed.body.url).toBe(`${appBase}/?cs=${refreshed.body.secret}`);
    expect(t.sim.session(session.id)?.status).toBe("inProgress");
    expect((await t.open(clientSecret.url)).status).toBe(403);
    const fresh = await t.open(refreshed.body.url as string);
    expect(fresh.status).toBe(200);
    expect(fresh.node).toBe("hello"); // state kept: same step as before
    const again = await t.call<FaceSignSessionBody>("GET", `/sessions/${session.id}`);
    expect(again.body.clientSecret.secret).toBe(refreshed.body.secret);
  });

  it("answers 404 not_found_error for unknown sessions", async () => {
    const t = createFaceSignTestDriver();
    for (const path of ["/sessions/nope", "/sessions/nope/refresh"]) {
      const res = await t.call("GET", path);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({
        error: { type: "not_found_error", message: "Session not found" },
      });
    }
  });

  it("accepts legacy modules instead of a flow", async () => {
    const t = createFaceSignTestDriver();
    const res = await t.create({ flow: undefined, modules: ["ageEstimation"] });
    expect(res.status).toBe(200);
    const page = await t.open(res.body.clientSecret.url);
    expect(page.html).toContain("ageEstimation");
  });

  it("uses the scenario's secret lifetime override", async () => {
    const t = createFaceSignTestDriver({ now: () => 0, secretTtlMs: 5000 });
    expect((await t.create()).body.clientSecret.expireAt).toBe(5000);
    t.sim.setScenario({ secretTtlMs: 10 });
    expect((await t.create()).body.clientSecret.expireAt).toBe(10);
    expect(() => t.sim.setScenario({ secretTtlMs: -1 })).toThrow(TypeError);
  });
});
