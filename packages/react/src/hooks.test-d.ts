import type { FaceKitError, FaceSignSummary, SelfieCompareResult } from "@facekit/core";
import { describe, expectTypeOf, it } from "vitest";
import type { FaceMatchButtonProps } from "./FaceMatchButton.tsx";
import type { FaceSignEmbedProps } from "./FaceSignEmbed.tsx";
import type { SelfieCompareUploaderProps } from "./SelfieCompareUploader.tsx";
import type {
  faceMatchOptionKeys,
  UseFaceMatchOptions,
  UseFaceMatchResult,
} from "./useFaceMatch.ts";
import type { faceSignOptionKeys, UseFaceSignOptions, UseFaceSignResult } from "./useFaceSign.ts";
import type {
  selfieCompareOptionKeys,
  UseSelfieCompareOptions,
  UseSelfieCompareResult,
} from "./useSelfieCompare.ts";

describe("hook options as one group", () => {
  it("each component's key list names every option of its hook", () => {
    expectTypeOf<
      Exclude<keyof UseFaceMatchOptions, (typeof faceMatchOptionKeys)[number]>
    >().toEqualTypeOf<never>();
    expectTypeOf<
      Exclude<keyof UseFaceSignOptions, (typeof faceSignOptionKeys)[number]>
    >().toEqualTypeOf<never>();
    expectTypeOf<
      Exclude<keyof UseSelfieCompareOptions, (typeof selfieCompareOptionKeys)[number]>
    >().toEqualTypeOf<never>();
  });

  it("each component takes every option of its hook", () => {
    expectTypeOf<FaceMatchButtonProps>().toMatchTypeOf<UseFaceMatchOptions>();
    expectTypeOf<FaceSignEmbedProps>().toMatchTypeOf<UseFaceSignOptions>();
    expectTypeOf<SelfieCompareUploaderProps>().toMatchTypeOf<UseSelfieCompareOptions>();
  });
});

describe("one callback shape for the three hooks", () => {
  it("onComplete gets the vendor's result; onError a FaceKitError; onCancel nothing", () => {
    expectTypeOf<NonNullable<UseFaceSignOptions["onComplete"]>>().parameters.toEqualTypeOf<
      [FaceSignSummary | null]
    >();
    expectTypeOf<NonNullable<UseSelfieCompareOptions["onComplete"]>>().parameters.toEqualTypeOf<
      [SelfieCompareResult]
    >();
    expectTypeOf<NonNullable<UseFaceMatchOptions["onError"]>>().parameters.toEqualTypeOf<
      [FaceKitError]
    >();
    expectTypeOf<NonNullable<UseFaceSignOptions["onCancel"]>>().parameters.toEqualTypeOf<[]>();
  });

  it("every hook result can be opened (the uploader opens itself), cancelled and reset", () => {
    expectTypeOf<UseFaceMatchResult>().toHaveProperty("open");
    expectTypeOf<UseFaceSignResult>().toHaveProperty("open");
    expectTypeOf<UseFaceMatchResult>().toHaveProperty("reset");
    expectTypeOf<UseFaceSignResult>().toHaveProperty("reset");
    expectTypeOf<UseSelfieCompareResult>().toHaveProperty("reset");
    expectTypeOf<UseSelfieCompareResult>().toHaveProperty("cancel");
  });
});

describe("misuse that must not compile", () => {
  it("refuses the 0.1 names and options the client must not choose", () => {
    // @ts-expect-error: 0.1's `clientSecret` is now `session`
    const old: UseFaceSignOptions = { clientSecret: undefined };
    // @ts-expect-error: 0.1's `autoStart` is now `autoOpen`
    const start: UseFaceSignOptions = { autoStart: true };
    // @ts-expect-error: the decision threshold is the server's, never a prop
    const threshold: SelfieCompareUploaderProps = { threshold: 10 };
    // @ts-expect-error: `mode` is a closed union
    const mode: FaceMatchButtonProps = { mode: "iframe" };
    // @ts-expect-error: `prefetch` is a FaceMatchButton prop; the hook has `prefetch()` instead
    const prefetch: UseFaceMatchOptions = { prefetch: true };
    expectTypeOf([old, start, threshold, mode, prefetch]).toBeArray();
  });
});
