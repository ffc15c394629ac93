/**
 * Contract tests from Didit's own examples (`contract/*.json`, copied from the shared vendor
 * notes): FaceKit's parser must read them, and the simulator must accept the documented request
 * and answer in the documented shapes. The fixtures are the reference: editing the simulator
 * cannot make these pass.
 */
import { type DiditCompareBody, FaceKitError, toSelfieCompareResult } from "@facekit/core/protocol";
import {
  createDiditSimulator,
  type DiditSimulatorOptions,
  defaultDiditKey,
  defaultDiditSandboxKey,
} from "@facekit/simulator";
import { loadPhotos } from "@facekit/test-utils/server";
import { beforeAll, describe, expect, it } from "vitest";
import { compareShape } from "../internal/contractShape.ts";
import ok from "./contract/faceMatch200.json" with { type: "json" };
import declined from "./contract/faceMatch200Declined.json" with { type: "json" };
import noFace from "./contract/faceMatch200NoFace.json" with { type: "json" };
import promised from "./contract/faceMatch200Promised.json" with { type: "json" };
import request from "./contract/faceMatchRequest.json" with { type: "json" };
import forbidden from "./contract/forbidden403.json" with { type: "json" };
import { createDiditClient } from "./createDiditClient.ts";
import { parseCompareBody } from "./diditSchemas.ts";
import { toDiditError } from "./toDiditError.ts";

const examples = [ok, declined, noFace];
const copy = <T>(value: T): T => structuredClone(value);
/** The notes call `age` and `gender` optional [I]; the simulator has nothing to derive them from. */
const optionalInExamples = ["user_image", "ref_image"].flatMap((image) =>
  ["age", "gender"].map((field) => `face_match.${image}.entities[].${field}`),
);

let photos: Awaited<ReturnType<typeof loadPhotos>>;
beforeAll(async () => {
  photos = await loadPhotos();
});

function documentedForm(): FormData {
  const form = new FormData();
  form.set("user_image", new File([photos.personA2], request.files.user_image));
  form.set("ref_image", new File([photos.personA], request.files.ref_image));
  for (const [name, value] of Object.entries(request.fields)) form.set(name, value);
  return form;
}

async function simulatorAnswer(key: string, form = documentedForm()) {
  const sim = createDiditSimulator();
  const res = await sim.api(
    new Request(`https://didit.test${request.path}`, {
      method: request.method,
      headers: { "x-api-key": key },
      body: form,
    }),
  );
  return { sim, status: res.status, body: (await res.json()) as DiditCompareBody };
}

describe("FaceKit's parser on Didit's examples", () => {
  it.each([
    ["200", ok, { status: "approved", score: 87.5, faces: { selfie: 2, reference: 1 } }],
    ["200 declined", declined, { status: "declined", score: 12.3 }],
    [
      "200 no face",
      noFace,
      { status: "declined", score: null, faces: { selfie: 0, reference: 1 } },
    ],
    [
      "200 promised fields only",
      promised,
      { status: "approved", faces: { selfie: null, reference: null } },
    ],
  ] as const)("reads the %s example and passes it through untouched", (_, example, expected) => {
    const body = parseCompareBody(copy(example.body));
    expect(body).toEqual(example.body);
    expect(toSelfieCompareResult(body)).toMatchObject({
      requestId: example.body.request_id,
      warnings: example.body.face_match.warnings.map((w) => ({
        code: w.risk,
        message: w.short_description,
      })),
      ...expected,
    });
  });

  it.each([
    "request_id",
    "face_match",
    "face_match.status",
    "face_match.score",
    "face_match.warnings",
  ])("a body without %s is a typed error naming the field", (field) => {
    const body: Record<string, unknown> = copy(promised.body);
    const path = field.split(".");
    const last = path.pop() as string;
    const parent = path.reduce((o, k) => o[k] as Record<string, unknown>, body);
    delete parent[last];
    const error = (() => {
      try {
        parseCompareBody(body);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(FaceKitError);
    expect(error).toMatchObject({ code: "vendor_unavailable" });
    expect((error as Error).message).toContain(`"${field}"`);
  });

  it("never fails on fields it does not use: missing, null or of another type", () => {
    const body: Record<string, unknown> = copy(ok.body);
    const match = body.face_match as Record<string, unknown>;
    delete body.created_at;
    body.vendor_data = 42;
    body.metadata = "not an object";
    delete match.ref_image;
    match.user_image = { best_angle: "upright" };
    match.warnings = [{ risk: "SOMETHING_NEW", log_type: "notice" }];
    match.status = "In Review";
    body.new_top_level_field = { anything: true };
    const parsed = parseCompareBody(copy(body));
    expect(parsed).toMatchObject({ new_top_level_field: { anything: true }, vendor_data: 42 });
    expect(toSelfieCompareResult(parsed)).toMatchObject({
      status: "review",
      faces: { selfie: null, reference: null },
      warnings: [{ code: "SOMETHING_NEW", message: "" }],
    });
  });
});

describe("Didit's documented 403 (missing or invalid key, never 401)", () => {
  it("maps the documented body to vendor_misconfigured, quoting Didit", () => {
    const error = toDiditError(forbidden.status, copy(forbidden.body), new Headers());
    expect(error.code).toBe("vendor_misconfigured");
    expect(error.message).toContain(forbidden.body.detail);
  });

  it.each<[string, DiditSimulatorOptions, string]>([
    ["an unknown key", {}, "not-a-key"],
    ["a key the simulator no longer accepts", { apiKeys: ["another"] }, defaultDiditKey],
  ])("the simulator's real answer to %s is the documented 403, read as vendor_misconfigured", async (_, options, key) => {
    const sim = createDiditSimulator(options);
    const client = createDiditClient({
      apiKey: key,
      baseUrl: "https://didit.test",
      fetch: (input, init) => sim.api(new Request(input, init)),
    });
    const error = await client
      .compare({ userImage: photos.personA, refImage: photos.personA2 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "vendor_misconfigured",
      cause: { status: forbidden.status, body: forbidden.body },
    });
    expect(sim.stats()).toMatchObject({ faceMatchRequests: 1, creditsSpent: 0 });
  });
});

describe("the simulator against Didit's examples", () => {
  it("accepts the documented request and answers in the documented shape, echoing the fields", async () => {
    const { status, body } = await simulatorAnswer(defaultDiditKey);
    expect(status).toBe(200);
    expect(
      compareShape(
        body,
        examples.map((e) => e.body),
        optionalInExamples,
      ),
    ).toEqual({
      undocumented: [],
      missing: [],
    });
    expect(body.vendor_data).toBe(request.fields.vendor_data);
    expect(body.metadata).toEqual(JSON.parse(request.fields.metadata));
    expect(body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
  });

  it("answers a sandbox key with the promised fields only, in the documented types", async () => {
    const { sim, status, body } = await simulatorAnswer(defaultDiditSandboxKey);
    expect(status).toBe(200);
    const shape = compareShape(body, [promised.body]);
    expect(shape).toEqual({ undocumented: [], missing: [] });
    expect(
      compareShape(
        body,
        examples.map((e) => e.body),
      ).undocumented,
    ).toEqual([]);
    expect(body.face_match.status).toBe("Approved");
    expect(sim.stats()).toMatchObject({ creditsSpent: 0, sandboxAnswers: 1 });
  });

  it("FaceKit's client sends only documented form fields", async () => {
    const sim = createDiditSimulator();
    const sent: string[] = [];
    const client = createDiditClient({
      apiKey: defaultDiditKey,
      baseUrl: "https://didit.test",
      fetch: async (input, init) => {
        const req = new Request(input, init);
        sent.push(...(await req.clone().formData()).keys());
        return sim.api(req);
      },
    });
    await client.compare({
      userImage: photos.personA2,
      refImage: photos.personA,
      threshold: 30,
      rotateImage: false,
      saveApiRequest: true,
      vendorData: "user-123",
      metadata: { signup_id: "abc" },
    });
    const documented = [...Object.keys(request.files), ...Object.keys(request.fields)];
    expect(sent.sort()).toEqual(documented.sort());
  });
});
