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

/** How the stand-in answers. */
export interface StoryDiditScenario {
  reference?: SelfieCompareGrant["reference"];
  result?: SelfieCompareResult;
  /** The first grant request fails with it. */
  grantError?: FaceKitError;
  /** The first upload fails with it; the next one succeeds. */
  uploadError?: FaceKitError;
  /** How long an upload takes. Default 600 ms. */
  uploadMs?: number;
}

const storyApproved: SelfieCompareResult = {
  requestId: "story-1",
  status: "approved",
  score: 93,
  warnings: [],
  faces: { selfie: 1, reference: 1 },
};

export const storyDeclined: SelfieCompareResult = {
  requestId: "story-2",
  status: "declined",
  score: 11,
  warnings: [{ code: "LOW_FACE_MATCH_SIMILARITY", message: "The faces are not similar enough." }],
  faces: { selfie: 1, reference: 1 },
};

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const id = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(id);
      reject(signal.reason);
    });
  });

/** `getGrant` and `compare` for one story. */
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
      return scenario.result ?? storyApproved;
    },
  };
}
