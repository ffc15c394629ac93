/**
 * Type tests of core's public unions and its error class (run by the `types` Vitest project with
 * tsc). A `// @ts-expect-error` line is misuse that must not compile: if it ever compiles, tsc
 * reports the directive as unused and the test fails.
 */
import {
  FaceKitError,
  type FaceKitErrorCode,
  type FaceMatchEvent,
  type FaceMatchResult,
  type FaceMatchStatus,
  isFaceKitErrorCode,
  type SelfieCompareStatus,
} from "@facekit/core";
import { FaceKitError as ProtocolFaceKitError } from "@facekit/core/protocol";
import { describe, expectTypeOf, test } from "vitest";

const code = (value: FaceKitErrorCode) => value;

describe("FaceKitErrorCode", () => {
  test("is a closed union of these codes", () => {
    expectTypeOf<FaceKitErrorCode>().toEqualTypeOf<
      | "popup_blocked"
      | "session_expired"
      | "session_invalid"
      | "camera_denied"
      | "camera_unavailable"
      | "invalid_image"
      | "image_too_large"
      | "no_credits"
      | "scan_incomplete"
      | "liveness_failed"
      | "account_not_found"
      | "unauthorized"
      | "rate_limited"
      | "vendor_unavailable"
      | "vendor_misconfigured"
      | "store_unavailable"
      | "network"
      | "bad_request"
      | "not_found"
      | "misconfigured"
      | "internal"
    >();
    expectTypeOf<string>().not.toExtend<FaceKitErrorCode>();
  });

  test("rejects a made-up code", () => {
    code("rate_limited");
    // @ts-expect-error not a FaceKit error code
    code("made_up_code");
    // @ts-expect-error codes are snake_case, exactly
    code("RATE_LIMITED");
  });

  test("isFaceKitErrorCode narrows a string from the wire", () => {
    expectTypeOf(isFaceKitErrorCode).guards.toEqualTypeOf<FaceKitErrorCode>();
  });
});

describe("FaceKitError", () => {
  const error = new FaceKitError("rate_limited", "Too many attempts", {
    retryAfter: 30,
    cause: new Error("429"),
  });

  test("is an Error with a typed code, keeping the cause", () => {
    expectTypeOf(error).toExtend<Error>();
    expectTypeOf(error.code).toEqualTypeOf<FaceKitErrorCode>();
    expectTypeOf(error).toHaveProperty("cause");
    expectTypeOf(error.cause).toBeUnknown();
    expectTypeOf(error.retryAfter).toEqualTypeOf<number | undefined>();
    expectTypeOf(error.vendorCode).toEqualTypeOf<string | undefined>();
    expectTypeOf(error.status).toEqualTypeOf<number | undefined>();
  });

  test("takes only known codes, and its code cannot be reassigned", () => {
    // @ts-expect-error not a FaceKit error code
    expectTypeOf(new FaceKitError("teapot", "I'm a teapot")).toExtend<Error>();
    // @ts-expect-error `code` is readonly
    error.code = "internal";
  });

  test("is the same class from the root and from /protocol", () => {
    expectTypeOf(FaceKitError).toEqualTypeOf(ProtocolFaceKitError);
  });
});

describe("statuses", () => {
  test("FaceMatchStatus", () => {
    expectTypeOf<FaceMatchStatus>().toEqualTypeOf<
      "idle" | "preparing" | "open" | "verifying" | "completed" | "cancelled" | "failed"
    >();
  });

  test("SelfieCompareStatus", () => {
    expectTypeOf<SelfieCompareStatus>().toEqualTypeOf<
      "idle" | "preparing" | "ready" | "uploading" | "completed" | "cancelled" | "failed"
    >();
  });
});

describe("FaceMatchEvent", () => {
  test("has these stable event names", () => {
    expectTypeOf<FaceMatchEvent["type"]>().toEqualTypeOf<
      | "session_requested"
      | "session_ready"
      | "popup_opened"
      | "popup_blocked"
      | "popup_detached"
      | "redirect_started"
      | "callback_received"
      | "verifying"
      | "poll"
      | "completed"
      | "cancelled"
      | "failed"
    >();
  });

  test("narrows by type", () => {
    expectTypeOf<Extract<FaceMatchEvent, { type: "completed" }>>().toEqualTypeOf<{
      type: "completed";
      result: FaceMatchResult;
    }>();
    expectTypeOf<Extract<FaceMatchEvent, { type: "failed" }>>().toEqualTypeOf<{
      type: "failed";
      error: FaceKitError;
    }>();
    expectTypeOf<Extract<FaceMatchEvent, { type: "poll" }>>()
      .toHaveProperty("attempt")
      .toBeNumber();

    const track = (event: FaceMatchEvent) => {
      if (event.type === "completed") expectTypeOf(event.result).toEqualTypeOf<FaceMatchResult>();
      if (event.type === "failed") expectTypeOf(event.error.code).toEqualTypeOf<FaceKitErrorCode>();
      if (event.type === "cancelled") {
        // @ts-expect-error a cancel is not an error: it carries none
        expectTypeOf(event.error).toBeUnknown();
      }
    };
    expectTypeOf(track).parameter(0).toEqualTypeOf<FaceMatchEvent>();
  });
});
