/**
 * FaceKit's FaceSign readers against the vendor's documented examples (`./contract/`, outside
 * the simulator): a changed vendor example breaks a test here.
 */
import { readFileSync } from "node:fs";
import {
  FaceKitError,
  type FaceSignSessionObject,
  toFaceSignSummary,
  toFaceSignVerdict,
} from "@facekit/core/protocol";
import { describe, expect, it } from "vitest";
import {
  checkFaceSignBody,
  clientSecretSchema,
  faceSignEventSchema,
  listBodySchema,
  sessionBodySchema,
} from "./faceSignSchemas.ts";
import { toFaceSignError } from "./toFaceSignError.ts";

type Json = Record<string, unknown>;

const example = (name: string): Json =>
  JSON.parse(readFileSync(new URL(`./contract/${name}`, import.meta.url), "utf8"));

const sessionOf = (name: string) => (example(name) as { session: FaceSignSessionObject }).session;

describe("FaceSign contract: FaceKit's parsers take the documented answers", () => {
  for (const name of [
    "create-session.response.json",
    "get-session.complete-current.response.json",
    "get-session.complete-legacy.response.json",
    "get-session.deepfake-pending.response.json",
    "get-session.deepfake-manipulated.response.json",
  ]) {
    it(`{session, clientSecret}: ${name}, passed through untouched`, () => {
      const body = example(name);
      expect(checkFaceSignBody(sessionBodySchema, body, "GET /sessions/{id}")).toBe(body);
      expect(structuredClone(body)).toEqual(example(name));
    });
  }

  it("the list, although its dashboard session has no clientReferenceId", () => {
    const body = example("list-sessions.response.json") as { sessions: FaceSignSessionObject[] };
    expect(body.sessions[1]?.settings).not.toHaveProperty("clientReferenceId");
    expect(checkFaceSignBody(listBodySchema, body, "GET /sessions")).toBe(body);
  });

  it("a refreshed client secret", () => {
    const body = example("refresh-secret.response.json");
    expect(checkFaceSignBody(clientSecretSchema, body, "GET /sessions/{id}/refresh")).toBe(body);
  });

  it("every webhook example, the older session.finished included", () => {
    for (const name of [
      "webhook.session-status.json",
      "webhook.analysis-deepfake.json",
      "webhook.media-user-video.json",
      "webhook.session-finished.json",
    ]) {
      expect(() => checkFaceSignBody(faceSignEventSchema, example(name), name)).not.toThrow();
    }
  });

  it("fields FaceKit does not read never fail an answer; a needed one names itself", () => {
    const body = example("get-session.complete-current.response.json") as {
      session: Json & { settings: Json };
    };
    delete body.session.createdAt;
    delete body.session.report;
    delete body.session.settings.clientReferenceId;
    body.session.somethingNew = { nested: true };
    expect(() => checkFaceSignBody(sessionBodySchema, body, "GET /sessions/{id}")).not.toThrow();
    delete body.session.status;
    const error = (() => {
      try {
        checkFaceSignBody(sessionBodySchema, body, "GET /sessions/{id}");
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(FaceKitError);
    expect(error).toMatchObject({ code: "vendor_unavailable" });
    expect((error as Error).message).toBe(
      "FaceSign's answer to GET /sessions/{id} lacks a usable session.status.",
    );
  });

  it("maps the documented error bodies", () => {
    const headers = new Headers();
    expect(
      toFaceSignError(401, example("error.authentication.response.json"), headers),
    ).toMatchObject({
      code: "vendor_misconfigured",
      vendorCode: "invalid_api_key",
    });
    const invalid = toFaceSignError(400, example("error.validation.response.json"), headers);
    expect(invalid).toMatchObject({
      code: "vendor_misconfigured",
      vendorCode: "parameter_missing",
    });
    expect(invalid.message).toContain("flow is required");
    expect(toFaceSignError(404, example("error.not-found.response.json"), headers)).toMatchObject({
      code: "session_invalid",
      vendorCode: "not_found_error",
    });
  });
});

describe("FaceSign contract: the verdict from either report shape", () => {
  it("today's report: liveness and face-scan nodes passed, deepfake authentic", () => {
    const session = sessionOf("get-session.complete-current.response.json");
    expect(toFaceSignVerdict(session)).toEqual({
      outcome: "verified",
      basis: "nodes",
      deepfake: "authentic",
      livenessDetected: true,
    });
    expect(toFaceSignSummary(session)).toMatchObject({
      verdict: "verified",
      isVerified: true,
      livenessDetected: true,
    });
  });

  it("the older report: FaceSign's own isVerified", () => {
    const session = sessionOf("get-session.complete-legacy.response.json");
    expect(toFaceSignVerdict(session)).toMatchObject({ outcome: "verified", basis: "report" });
    expect(toFaceSignSummary(session)).toMatchObject({ isVerified: true, livenessDetected: true });
  });

  it("a deepfake analysis still running is not final; a manipulated one is not verified", () => {
    const pending = sessionOf("get-session.deepfake-pending.response.json");
    expect(toFaceSignVerdict(pending)).toMatchObject({ outcome: "pending", deepfake: "pending" });
    expect(toFaceSignSummary(pending)).toMatchObject({ verdict: "pending", isVerified: null });
    const manipulated = sessionOf("get-session.deepfake-manipulated.response.json");
    expect(toFaceSignVerdict(manipulated)).toMatchObject({
      outcome: "not_verified",
      basis: "deepfake",
    });
  });

  it("a dashboard session left incomplete is not verified", () => {
    const body = example("list-sessions.response.json") as { sessions: FaceSignSessionObject[] };
    const dashboard = body.sessions[1] as FaceSignSessionObject;
    expect(toFaceSignVerdict(dashboard)).toMatchObject({
      outcome: "not_verified",
      basis: "incomplete",
    });
  });
});
