import { describe, expect, it } from "vitest";
import { parseEnvelope, redirectErrorCode } from "./envelope.ts";

const ok = { facekit: 1, type: "verisoul:redirect", sessionId: "s1", success: true };

describe("parseEnvelope", () => {
  it("keeps exactly the envelope fields", () => {
    expect(parseEnvelope({ ...ok, extra: "dropped" })).toEqual(ok);
    const failed = { ...ok, success: false, errorMessage: "liveness_check_failed" };
    expect(parseEnvelope(failed)).toEqual(failed);
    expect(parseEnvelope({ ...ok, errorMessage: undefined })).toStrictEqual(ok);
  });

  it("refuses anything else", () => {
    for (const bad of [
      null,
      undefined,
      "text",
      1,
      [],
      Object.assign(() => {}, ok),
      { ...ok, facekit: 2 },
      { ...ok, type: "other" },
      { ...ok, sessionId: "" },
      { ...ok, sessionId: "x".repeat(201) },
      { ...ok, sessionId: 1 },
      { ...ok, success: "true" },
      { ...ok, errorMessage: 1 },
      { ...ok, errorMessage: null },
    ]) {
      expect(parseEnvelope(bad), JSON.stringify(bad)).toBeNull();
    }
    expect(parseEnvelope({ ...ok, sessionId: "x".repeat(200) })).not.toBeNull();
  });
});

describe("redirectErrorCode", () => {
  it("maps the documented error messages; anything else is scan_incomplete", () => {
    expect(redirectErrorCode("invalid_session_id")).toBe("session_expired");
    expect(redirectErrorCode("session_id_not_found")).toBe("session_invalid");
    expect(redirectErrorCode("failed_to_get_camera_permission")).toBe("camera_denied");
    expect(redirectErrorCode("failed_to_complete_face_scan")).toBe("scan_incomplete");
    expect(redirectErrorCode("liveness_check_failed")).toBe("liveness_failed");
    expect(redirectErrorCode("something_new")).toBe("scan_incomplete");
    expect(redirectErrorCode(undefined)).toBe("scan_incomplete");
    expect(redirectErrorCode("")).toBe("scan_incomplete");
  });

  it("never returns Object.prototype's members for a crafted error_message", () => {
    for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(redirectErrorCode(key)).toBe("scan_incomplete");
    }
  });
});
