/**
 * An in-memory stand-in for the developer's Didit routes, for stories that need no live backend:
 * `getGrant` and `compare` props for `<SelfieCompareUploader>`. The upload reports progress in
 * steps over `uploadMs` and honours its abort signal, as the real XHR upload does.
 */
import type {
  FaceKitError,
  SelfieCompareFlowOptions,
  SelfieCompareGrant,
  SelfieCompareResult,
} from "@facekit/core";
import { makeSelfieCompareResult } from "../core/selfieCompareFixtures.ts";

/**
 * How the stand-in answers.
 * @example
 * const scenario: StoryDiditScenario = { reference: "server", uploadMs: 10_000 };
 */
export interface StoryDiditScenario {
  reference?: SelfieCompareGrant["reference"];
  /** What the comparison answers. Default: approved ({@link makeSelfieCompareResult}). */
  result?: SelfieCompareResult;
  /** The first grant request fails with it. */
  grantError?: FaceKitError;
  /** The first upload fails with it; the next one succeeds. */
  uploadError?: FaceKitError;
  /** How long an upload takes. Default 600 ms. */
  uploadMs?: number;
}

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const id = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(id);
      reject(signal.reason);
    });
  });

/**
 * `getGrant` and `compare` for one story.
 * @example
 * export const Declined: Story = { args: storyDidit({ result: makeSelfieCompareResult("declined") }) };
 */
export function storyDidit(
  scenario: StoryDiditScenario = {},
): Pick<SelfieCompareFlowOptions, "getGrant" | "compare"> {
  let { grantError, uploadError } = scenario;
  let grants = 0;
  return {
    async getGrant(signal) {
      await wait(100, signal);
      const error = grantError;
      grantError = undefined;
      if (error) throw error;
      return {
        token: `story-grant-${++grants}`,
        expiresAt: Date.now() + 5 * 60_000,
        maxBytes: 5 * 1024 * 1024,
        types: ["image/jpeg", "image/png", "image/webp", "image/tiff"],
        reference: scenario.reference ?? "upload",
      };
    },
    async compare(_grant, _images, { signal = new AbortController().signal, onProgress }) {
      const steps = 50;
      for (let i = 1; i <= steps; i++) {
        await wait((scenario.uploadMs ?? 600) / steps, signal);
        onProgress?.(i / steps);
      }
      const error = uploadError;
      uploadError = undefined;
      if (error) throw error;
      return scenario.result ?? makeSelfieCompareResult("approved");
    },
  };
}
