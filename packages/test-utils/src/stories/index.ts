/**
 * `@facekit/test-utils/stories`: what the `*.stories.tsx` files share: the provider decorator,
 * drivers of the live simulators behind Storybook (one file per vendor), and an in-memory Didit
 * backend for stories that need none. Runs in the browser without Vitest (imports no `vi`).
 * @example
 * import { setStoryScenario, withStoryProvider } from "@facekit/test-utils/stories";
 * const meta = { decorators: [withStoryProvider] } satisfies Meta<typeof FaceMatchButton>;
 * export const Default: Story = { beforeEach: () => setStoryScenario() };
 */
export { makeSelfieCompareResult } from "../core/selfieCompareFixtures.ts";
export { diditPhoto, setDiditScenario } from "./diditStorySimulator.ts";
export {
  answerFaceSign,
  mintFinishedFaceSignSession,
  mintForeignFaceSignSession,
  mintStaleFaceSignSession,
  patchFaceSignScenario,
  setFaceSignScenario,
} from "./faceSignStorySimulator.ts";
export { type StoryDiditScenario, storyDidit } from "./storyDidit.ts";
export { tableDefault } from "./tableDefault.ts";
export {
  finishCapture,
  finishCaptureByRedirect,
  mintTamperedFaceMatchSession,
  patchStoryScenario,
  setStoryScenario,
  whenCaptureOpen,
} from "./verisoulStorySimulator.ts";
export {
  type StoryPhotosParameters,
  storyPortrait,
  withStoryPhotos,
} from "./withStoryPhotos.tsx";
export { storyBackends, storyMessages, withStoryProvider } from "./withStoryProvider.tsx";
