/**
 * `@facekit/testing`: finish FaceKit's simulated vendor flows from Playwright the way a person
 * would, and run the simulators per test worker.
 * @example
 * import { completeVerisoulCapture, openVerisoulPopup, simulatorTest as test } from "@facekit/testing";
 */
export {
  choosePhoto,
  type FacePhoto,
  facePhotos,
  fakeCameraArgs,
  selfieCompareSlots,
} from "./choosePhoto.ts";
export {
  completeVerisoulCapture,
  openVerisoulPopup,
  type SimulatedFace,
  type VerisoulCaptureOptions,
} from "./completeVerisoulCapture.ts";
export {
  type SimulatorFixtures,
  type SimulatorWorkerFixtures,
  simulatorTest,
} from "./simulatorTest.ts";
export { type FaceSignChoice, walkFaceSignFlow } from "./walkFaceSignFlow.ts";
