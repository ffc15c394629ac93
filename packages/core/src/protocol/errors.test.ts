import { describe, expect, it } from "vitest";
import {
  errorResponseStatus,
  errorStatus,
  FaceKitError,
  isFaceKitErrorCode,
  toErrorBody,
} from "./errors.ts";

describe("FaceKitError", () => {
  it("knows exactly the codes of the status table", () => {
    for (const code of Object.keys(errorStatus)) expect(isFaceKitErrorCode(code), code).toBe(true);
    for (const value of ["nope", "toString", "", 404, null, undefined]) {
      expect(isFaceKitErrorCode(value)).toBe(false);
    }
  });

  it("has a status only when given; a backend answers with the code's one otherwise", () => {
    const plain = new FaceKitError("rate_limited", "Slow down");
    expect(plain.status).toBeUndefined();
    expect(errorResponseStatus(plain)).toBe(429);
    const overridden = new FaceKitError("not_found", "Use POST", { status: 405 });
    expect(overridden.status).toBe(405);
    expect(errorResponseStatus(overridden)).toBe(405);
  });

  it("without a message, says its code (browser code sends none in production builds)", () => {
    const error = new FaceKitError("session_expired", undefined, { vendorCode: "gone" });
    expect(error.message).toBe("session_expired");
    expect(error).toMatchObject({ code: "session_expired", vendorCode: "gone" });
    expect("retryAfter" in error).toBe(false);
  });

  it("keeps the cause only when there is one", () => {
    expect("cause" in new FaceKitError("internal", "x")).toBe(false);
    expect(new FaceKitError("internal", "x", { cause: 1 }).cause).toBe(1);
  });

  it("becomes a body with retryAfter and vendorCode only when known", () => {
    expect(toErrorBody(new FaceKitError("unauthorized", "Sign in first."))).toEqual({
      error: { code: "unauthorized", message: "Sign in first." },
    });
    const limited = new FaceKitError("rate_limited", "Slow down", {
      retryAfter: 3,
      vendorCode: "too_many",
    });
    expect(toErrorBody(limited)).toEqual({
      error: { code: "rate_limited", message: "Slow down", retryAfter: 3, vendorCode: "too_many" },
    });
  });
});
