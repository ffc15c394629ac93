/**
 * `@facekit/test-utils/core`: doubles of the browser around core's flows (never of the flows),
 * stand-ins for the developer's backend routes, and one harness per flow. Vitest only (uses `vi`).
 * @example
 * import { completed, setupFaceMatch, tick } from "@facekit/test-utils/core";
 * vi.useFakeTimers();
 * const t = setupFaceMatch({ script: [completed()] });
 * t.flow.open();
 * await t.mint();
 * await tick(2000);
 */
export { createBus } from "./createBus.ts";
export { createFakeCamera } from "./createFakeCamera.ts";
export { createFakeMediaWindow } from "./createFakeMediaWindow.ts";
export { createFakeObjectUrls } from "./createFakeObjectUrls.ts";
export { createFakePrepare, fakePrepare } from "./createFakePrepare.ts";
export {
  appOrigin,
  createFakeWindow,
  type FakeWindow,
  type FakeWindowOptions,
} from "./createFakeWindow.ts";
export { createFakeXhr, type FakeAnswer, type FakeUpload } from "./createFakeXhr.ts";
export { deferred } from "./deferred.ts";
export { FakePopup } from "./FakePopup.ts";
export {
  completed,
  envelope,
  makeFaceMatchSession,
  scriptedResults,
  verisoulOrigin,
} from "./faceMatchFixtures.ts";
export { facesignOrigin, makeFaceSignSession, makeFaceSignSummary } from "./faceSignFixtures.ts";
export { recordEvents } from "./recordEvents.ts";
export { jpeg, makeSelfieCompareResult } from "./selfieCompareFixtures.ts";
export { setupFaceMatch } from "./setupFaceMatch.ts";
export { setupFaceSign } from "./setupFaceSign.ts";
export { setupSelfieCompare } from "./setupSelfieCompare.ts";
export { flushMicrotasks, tick } from "./tick.ts";
