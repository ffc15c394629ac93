/**
 * Contract tests from Verisoul's own examples (`contract/*.json`, copied from the shared vendor
 * notes): FaceKit's parsers must read them, and the simulator must accept the documented requests
 * and answer in the documented shapes. The fixtures are the reference: editing the simulator
 * cannot make these pass.
 */
import { FaceKitError, toFaceMatchVerdict } from "@facekit/core/protocol";
import { defaultVerisoulKey } from "@facekit/simulator";
import { createVerisoulSimHarness } from "@facekit/test-utils/server";
import type * as v from "valibot";
import { describe, expect, it } from "vitest";
import { compareShape } from "../internal/contractShape.ts";
import enroll200 from "./contract/enroll200.json" with { type: "json" };
import enroll400 from "./contract/enroll400.json" with { type: "json" };
import enrollRequest from "./contract/enrollRequest.json" with { type: "json" };
import session200 from "./contract/session200.json" with { type: "json" };
import groupsEnabled from "./contract/session400GroupsEnabled.json" with { type: "json" };
import sessionRequest from "./contract/sessionRequest.json" with { type: "json" };
import verifyFace200 from "./contract/verifyFace200.json" with { type: "json" };
import verifyFaceBooleans from "./contract/verifyFace200Booleans.json" with { type: "json" };
import verifyFace400 from "./contract/verifyFace400.json" with { type: "json" };
import verifyFaceRequest from "./contract/verifyFaceRequest.json" with { type: "json" };
import verifyIdentity200 from "./contract/verifyIdentity200.json" with { type: "json" };
import verifyIdentityRequest from "./contract/verifyIdentityRequest.json" with { type: "json" };
import { createVerisoulClient } from "./createVerisoulClient.ts";
import { toVerisoulError } from "./toVerisoulError.ts";
import {
  parseVendorBody,
  sessionBodySchema,
  verifyFaceBodySchema,
  verifyIdentityBodySchema,
} from "./verisoulSchemas.ts";

const copy = <T>(value: T): T => structuredClone(value);
/** `body` has the paths and JSON types of the examples: nothing invented, nothing missing. */
const expectDocumentedShape = (body: unknown, examples: unknown[]) =>
  expect(compareShape(body, examples)).toEqual({ undocumented: [], missing: [] });
const errorOf = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return e;
  }
};

describe("FaceKit's parsers on Verisoul's examples", () => {
  it.each([
    ["session 200", sessionBodySchema, session200],
    ["verify-face 200", verifyFaceBodySchema, verifyFace200],
    ["verify-face 200 with boolean signals", verifyFaceBodySchema, verifyFaceBooleans],
    ["verify-identity 200", verifyIdentityBodySchema, verifyIdentity200],
  ] as [
    string,
    v.GenericSchema,
    { body: unknown },
  ][])("reads the %s example and passes it through", (_, schema, example) => {
    expect(parseVendorBody(schema, copy(example.body), "/x")).toEqual(example.body);
  });

  it("turns the verify-face examples into FaceKit's verdict", () => {
    expect(toFaceMatchVerdict("s1", verifyFace200.body)).toEqual({
      sessionId: "s1",
      decision: "Suspicious",
      riskScore: 0.62,
      riskFlags: ["repeat_face", "vpn_detected"],
      accountsLinked: [{ accountId: "user-456", matchTypes: ["face", "ip_address"] }],
    });
    expect(toFaceMatchVerdict("s2", verifyFaceBooleans.body)).toMatchObject({
      decision: "Real",
      accountsLinked: [],
    });
  });

  it.each([
    ["verify-face 400", verifyFace400],
    ["enroll 400", enroll400],
    ["session 400", groupsEnabled],
  ])("keeps Verisoul's error string of the %s example", (_, example) => {
    const error = toVerisoulError(example.status, copy(example.body), new Headers());
    expect(error.vendorCode).toBe(example.body.error);
  });

  it("never fails on what it does not use, and reads an undocumented decision as Suspicious", () => {
    const body: Record<string, unknown> = copy(verifyFace200.body);
    delete body.metadata;
    delete body.session_data;
    body.decision = "Unsure";
    body.device_network_signals = "n/a";
    body.matches = { accounts_linked: [{ account_id: "user-9", match_types: ["voice"] }] };
    body.brand_new = [1, 2];
    const parsed = parseVendorBody(verifyFaceBodySchema, copy(body), "/liveness/verify-face");
    expect(parsed).toEqual(body);
    expect(toFaceMatchVerdict("s", parsed)).toMatchObject({
      decision: "Suspicious",
      accountsLinked: [{ accountId: "user-9", matchTypes: ["voice"] }],
    });
    expect(parseVendorBody(verifyFaceBodySchema, {}, "/liveness/verify-face")).toEqual({});
  });

  it.each([
    ["session_id", sessionBodySchema, session200],
    ["request_id", sessionBodySchema, session200],
    ["match", verifyIdentityBodySchema, verifyIdentity200],
  ] as [
    string,
    v.GenericSchema,
    { body: Record<string, unknown> },
  ][])("an answer without %s is a typed error naming the field", (field, schema, example) => {
    const body = copy(example.body);
    delete body[field];
    const error = errorOf(() => parseVendorBody(schema, body, "/x"));
    expect(error).toBeInstanceOf(FaceKitError);
    expect(error).toMatchObject({ code: "vendor_unavailable" });
    expect((error as Error).message).toContain(`"${field}"`);
  });
});

describe("the simulator against Verisoul's examples", () => {
  it("mints a session for the documented query and answers in the documented shape", async () => {
    const h = createVerisoulSimHarness();
    const url = new URL(`https://api.test${sessionRequest.path}`);
    for (const [k, value] of Object.entries(sessionRequest.query)) url.searchParams.set(k, value);
    const res = await h.sim.api(new Request(url, { headers: { "x-api-key": defaultVerisoulKey } }));
    expect(res.status).toBe(200);
    expectDocumentedShape(await res.json(), [session200.body]);
  });

  it.each([
    ["verify-face", verifyFaceRequest],
    ["verify-identity", verifyIdentityRequest],
    ["enroll", enrollRequest],
  ])("accepts the documented %s request (an unknown session is Verisoul's own 400 envelope)", async (_, example) => {
    const h = createVerisoulSimHarness();
    const res = await h.sim.api(
      new Request(`https://api.test${example.path}`, {
        method: example.method,
        headers: { "x-api-key": defaultVerisoulKey, "content-type": "application/json" },
        body: JSON.stringify(example.body),
      }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({ success: false, error: "session_not_found" });
    expectDocumentedShape(body, [verifyFace400.body]);
  });

  it("answers verify-face, verify-identity and enroll in the documented shapes", async () => {
    const h = createVerisoulSimHarness();
    const client = createVerisoulClient(h.options());
    const { sessionId } = await client.createSession({
      referringSessionId: sessionRequest.query.referring_session_id,
    });
    await h.complete(sessionId, "alice");
    const face = await client.verifyFace(sessionId);
    // The floats of the spec; the boolean variant is what FaceKit tolerates, not what it expects.
    expectDocumentedShape(face, [verifyFace200.body]);
    const post = (path: string, body: unknown) =>
      h.sim.api(
        new Request(`https://api.test${path}`, {
          method: "POST",
          headers: { "x-api-key": defaultVerisoulKey, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
      );
    const enrolled = await post("/liveness/enroll", {
      session_id: sessionId,
      account_id: "user-123",
    });
    expectDocumentedShape(await enrolled.json(), [enroll200.body]);
    const identity = await post("/liveness/verify-identity", {
      session_id: sessionId,
      account_id: "user-123",
    });
    expectDocumentedShape(await identity.json(), [verifyIdentity200.body]);
    const again = await post("/liveness/enroll", { session_id: sessionId, account_id: "x" });
    expect(await again.json()).toMatchObject({ error: enroll400.body.error });
  });
});
