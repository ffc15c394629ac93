/**
 * A selfie compare flow wired to the fake media window and to stand-ins for the developer's two
 * Didit routes (our own contract, never Didit's): numbered grants and a controllable compare, plus
 * the stand-in `prepare` answering after `prepareMs`.
 */
import {
  createSelfieCompareFlow,
  type SelfieCompareFlowOptions,
  type SelfieCompareGrant,
  type SelfieCompareResult,
} from "@facekit/core";
import { vi } from "vitest";
import { createFakeMediaWindow } from "./createFakeMediaWindow.ts";
import { createFakePrepare } from "./createFakePrepare.ts";
import { deferred } from "./deferred.ts";
import { recordEvents } from "./recordEvents.ts";
import { makeSelfieCompareResult } from "./selfieCompareFixtures.ts";

/**
 * The flow (options override the wiring), its media window (`win`, `camera`, `liveUrls`), the
 * grant route (`getGrant`, grants `grant-1`, `grant-2`... saying `reference`), the compare route
 * (`compare`, settled by `answer()` or `refuse()`), `prepare` and the events.
 * @example
 * const t = setupSelfieCompare({ reference: "server" });
 * t.flow.open();
 * t.flow.setFile("selfie", jpeg());
 * t.flow.submit();
 * t.answer(makeSelfieCompareResult("declined"));
 */
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
  const prepare = vi.fn(createFakePrepare(prepareMs));
  const flow = createSelfieCompareFlow({
    window: media.win,
    getGrant,
    compare,
    prepare,
    ...rest,
  });
  const { events, types } = recordEvents(flow);
  return {
    ...media,
    flow,
    getGrant,
    compare,
    prepare,
    events,
    types,
    snap: () => flow.getSnapshot(),
    /** Resolves the pending compare with `result` (the next compare waits again). */
    answer(result = makeSelfieCompareResult()) {
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
