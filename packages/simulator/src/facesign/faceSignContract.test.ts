/**
 * The simulator against FaceSign's documented examples (kept outside the simulator, in
 * `packages/server/src/facesign/contract/`): it accepts the documented requests and answers in
 * the documented shapes. Editing the simulator cannot make these pass; only the examples decide.
 */
import { readFileSync } from "node:fs";
import type { FaceSignSessionBody } from "@facekit/core/protocol";
import { describe, expect, it, vi } from "vitest";
import { createFaceSignTestDriver, recordWebhooks } from "./createFaceSignTestDriver.ts";
import type { FaceSignScenario } from "./types.ts";
import { validateSettings } from "./validateSettings.ts";

type Json = Record<string, unknown>;

const example = (name: string): Json =>
  JSON.parse(
    readFileSync(new URL(`../../../server/src/facesign/contract/${name}`, import.meta.url), "utf8"),
  );

/** Fields whose keys are data (the developer's), not the vendor's shape. */
const openMaps = new Set(["extractedData", "metadata", "providedData", "location", "device"]);

const kind = (x: unknown) => (x === null ? "null" : Array.isArray(x) ? "array" : typeof x);

/**
 * What in `actual` the vendor's `example` does not allow: a field the example does not have, or a
 * value of another JSON type. Array items match an example item of the same `type`, else any.
 */
function deviations(actual: unknown, sample: unknown, path = "$"): string[] {
  if (kind(actual) !== kind(sample)) {
    return [`${path} is ${kind(actual)}, the vendor's example has ${kind(sample)}`];
  }
  if (Array.isArray(actual) && Array.isArray(sample)) {
    if (sample.length === 0) return [];
    return actual.flatMap((item, i) => {
      const sameType = sample.filter((s) => (s as Json)?.type === (item as Json)?.type);
      const tries = (sameType.length ? sameType : sample).map((s) =>
        deviations(item, s, `${path}[${i}]`),
      );
      return tries.find((t) => t.length === 0) ?? tries[0] ?? [];
    });
  }
  if (kind(actual) !== "object") return [];
  const [a, s] = [actual as Json, sample as Json];
  return Object.keys(a).flatMap((key) => {
    if (!(key in s)) return [`${path}.${key} is not in the vendor's example`];
    return openMaps.has(key) ? [] : deviations(a[key], s[key], `${path}.${key}`);
  });
}

/** `actual` has exactly the example's fields at the top level, and nothing of another shape below. */
function expectShape(actual: unknown, sample: Json) {
  expect(deviations(actual, sample)).toEqual([]);
  expect(Object.keys(actual as Json).sort()).toEqual(Object.keys(sample).sort());
}

/** What both the example and the simulator must satisfy for a `{session, clientSecret}` answer. */
function expectSessionEnvelope(body: FaceSignSessionBody) {
  const { clientSecret } = body;
  expect(clientSecret.secret).toMatch(/^cs/);
  expect(new URL(clientSecret.url).searchParams.get("cs")).toBe(clientSecret.secret);
  expect(clientSecret.expireAt - clientSecret.createdAt).toBe(2 * 60 * 60_000);
  expect(clientSecret.createdAt).toBeGreaterThan(1e12); // milliseconds
}

function driver(scenario: Partial<FaceSignScenario> = {}) {
  const { events, fetch } = recordWebhooks();
  const t = createFaceSignTestDriver({ webhookUrl: "https://backend.example/hook", fetch });
  t.sim.setScenario(scenario);
  const request = example("create-session.request.json");
  const create = () => t.call<FaceSignSessionBody>("POST", "/sessions", request);
  /** Creates the documented session and passes every node (outcome 0). */
  async function finished(): Promise<Json> {
    const { session, clientSecret } = (await create()).body;
    let page = await t.open(clientSecret.url);
    while (page.node) page = await t.step(clientSecret.secret, page.node, "0");
    return (await t.call("GET", `/sessions/${session.id}`)).body;
  }
  return { t, events, create, finished };
}

describe("FaceSign contract: requests", () => {
  it("the simulator's validator accepts the documented create-session body (flow and modules)", () => {
    const request = example("create-session.request.json");
    expect(validateSettings(request)).toEqual({ ok: true, settings: request });
  });
});

describe("FaceSign contract: answers in the documented shapes", () => {
  it("POST /sessions", async () => {
    const documented = example("create-session.response.json") as unknown as FaceSignSessionBody;
    expectSessionEnvelope(documented);
    const { status, body } = await driver().create();
    expect(status).toBe(200);
    expectSessionEnvelope(body);
    expectShape(body, documented as unknown as Json);
    expectShape(body.session, documented.session as unknown as Json);
    expectShape(body.clientSecret, documented.clientSecret as unknown as Json);
    expect(body.session.settings).toEqual(documented.session.settings);
    expect(body.session.status).toBe(documented.session.status);
  });

  for (const [shape, file] of [
    ["current", "get-session.complete-current.response.json"],
    ["legacy", "get-session.complete-legacy.response.json"],
  ] as const) {
    it(`GET /sessions/{id} of a finished session, ${shape} report`, async () => {
      const documented = example(file) as { session: Json & { report: Json } };
      const body = (await driver({ reportShape: shape }).finished()) as typeof documented;
      expectShape(body.session, documented.session);
      expectShape(body.session.report, documented.session.report);
    });
  }

  it("GET /sessions/{id} while the deepfake analysis is pending", async () => {
    const documented = example("get-session.deepfake-pending.response.json") as {
      session: { report: Json };
    };
    const body = (await driver({ reportShape: "current", deepfake: "pending" }).finished()) as {
      session: { report: Json };
    };
    expectShape(body.session.report, documented.session.report);
  });

  it("GET /sessions/{id}/refresh", async () => {
    const { t, create } = driver();
    const { session } = (await create()).body;
    const { body } = await t.call("GET", `/sessions/${session.id}/refresh`);
    expectShape(body, example("refresh-secret.response.json"));
  });

  it("GET /sessions", async () => {
    const { t, create } = driver();
    for (let i = 0; i < 3; i++) await create();
    const { body } = await t.call("GET", "/sessions?limit=2&includeTotal=true");
    expectShape(body, example("list-sessions.response.json"));
  });

  it("GET /langs and GET /avatars", async () => {
    const { t } = driver();
    expectShape((await t.call("GET", "/langs")).body, example("langs.response.json"));
    expectShape((await t.call("GET", "/avatars")).body, example("avatars.response.json"));
  });

  it("errors: 401 bad key, 400 missing flow, 404 unknown session", async () => {
    const { t } = driver();
    const badKey = await t.call("GET", "/langs", undefined, { authorization: "Bearer nope" });
    expect(badKey.body).toEqual(example("error.authentication.response.json"));
    const noFlow = await t.call("POST", "/sessions", { clientReferenceId: "acct_42" });
    expect(noFlow.body).toEqual(example("error.validation.response.json"));
    expect((await t.call("GET", "/sessions/nope")).body).toEqual(
      example("error.not-found.response.json"),
    );
  });

  it("webhooks: session.status and a later analysis.deepfake", async () => {
    const { t, events, finished } = driver({ deepfake: "pending" });
    const body = (await finished()) as { session: { id: string } };
    t.sim.finishDeepfake(body.session.id, "authentic");
    await vi.waitFor(() => expect(events.map((e) => e.type)).toContain("analysis.deepfake"));
    const status = events.find((e) => e.type === "session.status");
    const deepfake = events.find((e) => e.type === "analysis.deepfake");
    expectShape(status, example("webhook.session-status.json"));
    expectShape(deepfake, example("webhook.analysis-deepfake.json"));
  });

  it("webhooks: media.user_video with its media item", async () => {
    const { events, finished } = driver({ reportShape: "current", mediaWebhooks: true });
    await finished();
    await vi.waitFor(() => expect(events.map((e) => e.type)).toContain("media.user_video"));
    const media = events.find((e) => e.type === "media.user_video");
    expectShape(media, example("webhook.media-user-video.json"));
    expectShape(media?.media, example("webhook.media-user-video.json").media as Json);
  });
});
