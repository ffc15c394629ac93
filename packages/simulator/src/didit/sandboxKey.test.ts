import { describe, expect, it } from "vitest";
import { defaultDiditSandboxKey } from "./createDiditContext.ts";
import { createDiditTestDriver, smallFixtureFile } from "./createDiditTestDriver.ts";
import { sandboxScore } from "./sandboxAnswer.ts";

const sandbox = { "x-api-key": defaultDiditSandboxKey };

describe("a sandbox key (validated, static Approved answer, nothing stored, no credit)", () => {
  it("answers two different people with the static Approved payload, echoing vendor_data and metadata", async () => {
    const t = createDiditTestDriver({ credits: 5 });
    const fields = {
      user_image: await smallFixtureFile("personA"),
      ref_image: await smallFixtureFile("personB"),
      vendor_data: "user-7",
      metadata: '{"plan":"trial"}',
    };
    const res = await t.match(fields, sandbox);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      request_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      face_match: { status: "Approved", score: sandboxScore, warnings: [] },
      vendor_data: "user-7",
      metadata: { plan: "trial" },
      created_at: expect.stringMatching(/\.\d{6}\+00:00$/),
    });
    expect(t.sim.stats()).toMatchObject({
      sandboxAnswers: 1,
      creditsSpent: 0,
      creditsRemaining: 5,
      savedRequests: 0,
      faceMatches: { approved: 0, declined: 0 },
    });
    const lookup = await t.get(`/v3/session/${res.body.request_id}/decision/`, sandbox);
    expect(lookup.status).toBe(404);
  });

  it("still validates: a malformed request gets the same 400 as a live key", async () => {
    const t = createDiditTestDriver();
    const fields = {
      user_image: new File(["GIF89a"], "photo.gif"),
      face_match_score_decline_threshold: "high",
    };
    const res = await t.match(fields, sandbox);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body).sort()).toEqual([
      "face_match_score_decline_threshold",
      "ref_image",
      "user_image",
    ]);
    expect(t.sim.stats()).toMatchObject({ sandboxAnswers: 0, creditsSpent: 0 });
  });

  it("answers even when the live balance is empty, and never touches it", async () => {
    const t = createDiditTestDriver({ credits: 0 });
    const pair = {
      user_image: await smallFixtureFile("personA"),
      ref_image: await smallFixtureFile("personA2"),
    };
    expect((await t.match(pair, sandbox)).status).toBe(200);
    expect((await t.match(pair)).status).toBe(403);
    expect(t.sim.stats()).toMatchObject({ creditsRemaining: 0, sandboxAnswers: 1 });
  });

  it("takes its keys from the sandboxKeys option", async () => {
    const t = createDiditTestDriver({ sandboxKeys: ["sbx_team"] });
    const pair = {
      user_image: await smallFixtureFile("personA"),
      ref_image: await smallFixtureFile("personB"),
    };
    const mine = await t.match(pair, { "x-api-key": "sbx_team" });
    expect(mine.body).toMatchObject({ face_match: { status: "Approved" } });
    expect((await t.match(pair, sandbox)).status).toBe(403);
  });
});
