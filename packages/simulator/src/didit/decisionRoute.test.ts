import type { DiditCompareBody } from "@facekit/core/protocol";
import { describe, expect, it } from "vitest";
import { apiBase, createDiditTestDriver, smallFixtureFile } from "./createDiditTestDriver.ts";
import type { DiditDecisionBody } from "./types.ts";

const pair = async (extra: Record<string, string> = {}) => ({
  user_image: await smallFixtureFile("personB"),
  ref_image: await smallFixtureFile("personA"),
  ...extra,
});

describe("GET /v3/session/{id}/decision/", () => {
  it("serves a saved face match as a session decision, with its images", async () => {
    const t = createDiditTestDriver();
    const matched = await t.match<DiditCompareBody>(
      await pair({ vendor_data: "user-7", metadata: '{"plan":"pro"}' }),
    );
    const id = matched.body.request_id;
    const res = await t.get<DiditDecisionBody>(`/v3/session/${id}/decision/`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      session_id: id,
      session_number: 1,
      status: "Declined",
      vendor_data: "user-7",
      metadata: { plan: "pro" },
      created_at: matched.body.created_at,
      id_verifications: [],
      liveness_checks: [],
    });
    const [entry] = res.body.face_matches;
    expect(entry).toMatchObject({
      status: "Declined",
      score: matched.body.face_match.score,
      warnings: matched.body.face_match.warnings,
    });
    expect(entry?.source_image).toBe(`${apiBase}/__simulator/media/${id}/source`);
    const image = await t.sim.api(new Request(entry?.target_image ?? ""));
    expect(image.headers.get("content-type")).toBe("image/jpeg");
    const sent = new Uint8Array(await (await smallFixtureFile("personA")).arrayBuffer());
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(sent);
    expect(t.sim.stats().savedRequests).toBe(1);
  });

  it("answers 404 for a request sent with save_api_request=false and unknown ids", async () => {
    const t = createDiditTestDriver();
    const matched = await t.match<DiditCompareBody>(await pair({ save_api_request: "false" }));
    expect(matched.status).toBe(200);
    for (const id of [matched.body.request_id, crypto.randomUUID()]) {
      const res = await t.get(`/v3/session/${id}/decision/`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: "Not found." });
    }
    expect(t.sim.stats()).toMatchObject({ savedRequests: 0, creditsSpent: 1 });
  });

  it("needs the API key", async () => {
    const t = createDiditTestDriver();
    const { request_id: id } = (await t.match<DiditCompareBody>(await pair())).body;
    expect((await t.get(`/v3/session/${id}/decision/`, {})).status).toBe(403);
    expect((await t.get(`/v3/session/${id}/decision/`, { "x-api-key": "x" })).status).toBe(403);
  });
});
