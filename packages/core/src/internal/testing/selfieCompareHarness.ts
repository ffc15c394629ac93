/**
 * A selfie compare flow wired to the fake media window and to stand-ins for the developer's two
 * Didit routes (our own contract, never Didit's): numbered grants and a controllable compare, plus
 * a stand-in `prepare` that refuses blobs typed `text/plain` and answers after `prepareMs`.
 */
import { vi } from "vitest";
import { createSelfieCompareFlow } from "../../createSelfieCompareFlow.ts";
import {
  FaceKitError,
  type SelfieCompareGrant,
  type SelfieCompareResult,
} from "../../protocol/index.ts";
import type { SelfieCompareEvent, SelfieCompareFlowOptions } from "../../types.ts";
import { createFakeMediaWindow } from "./fakeMedia.ts";
import { deferred } from "./fixtures.ts";

export function makeResult(
  status: SelfieCompareResult["status"] = "approved",
): SelfieCompareResult {
  return {
    requestId: "req-1",
    status,
    score: status === "approved" ? 92 : 12,
    warnings: status === "approved" ? [] : [{ code: "LOW_FACE_MATCH_SIMILARITY", message: "Low" }],
    faces: { selfie: 1, reference: 1 },
  };
}

export const jpeg = (name = "a") => new Blob([name], { type: "image/jpeg" });

export function setupSelfieCompare(
  options: Partial<SelfieCompareFlowOptions> & {
    reference?: SelfieCompareGrant["reference"];
    prepareMs?: number;
  } = {},
) {
  const { reference = "upload", prepareMs = 0, ...rest } = options;
  const media = createFakeMediaWindow();
  let grants = 0;
  const getGrant = vi.fn(
    async (_signal: AbortSignal): Promise<SelfieCompareGrant> => ({
      token: `grant-${++grants}`,
      expiresAt: Date.now() + 5 * 60_000,
      maxBytes: 1_000_000,
      types: ["image/jpeg"],
      reference,
    }),
  );
  let answer = deferred<SelfieCompareResult>();
  const compare = vi.fn<SelfieCompareFlowOptions["compare"]>(() => answer.promise);
  const prepare = vi.fn<NonNullable<SelfieCompareFlowOptions["prepare"]>>(
    (file, { signal }) =>
      new Promise((resolve, reject) => {
        setTimeout(() => {
          if (signal.aborted) reject(signal.reason);
          else if (file.type === "text/plain") {
            reject(new FaceKitError("invalid_image", "This file is not an image."));
          } else resolve({ blob: new Blob([file], { type: "image/jpeg" }) });
        }, prepareMs);
      }),
  );
  const flow = createSelfieCompareFlow({
    window: media.win,
    getGrant,
    compare,
    prepare,
    ...rest,
  });
  const events: SelfieCompareEvent[] = [];
  flow.on((e) => events.push(e));
  return {
    ...media,
    flow,
    getGrant,
    compare,
    prepare,
    events,
    types: () => events.map((e) => e.type),
    snap: () => flow.getSnapshot(),
    /** Resolves the pending compare with `result` (the next compare waits again). */
    answer(result = makeResult()) {
      answer.resolve(result);
      answer = deferred();
    },
    /** Rejects the pending compare with `error`. */
    refuse(error: unknown) {
      answer.reject(error);
      answer = deferred();
    },
  };
}
