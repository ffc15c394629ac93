/**
 * `@facekit/simulator`: faithful local fakes of the face-verification vendors (Verisoul, FaceSign,
 * Didit),
 * as Web-standard handlers with scenarios and fault injection. Node servers: `./node`.
 * @example
 * import { createVerisoulSimulator, defaultVerisoulKey } from "@facekit/simulator";
 * const sim = createVerisoulSimulator();
 */
export {
  createSimulatorClient,
  type FaceSignControlSession,
  type SimulatorApiUrls,
  type SimulatorClient,
} from "./control/createSimulatorClient.ts";
export {
  createVendorControl,
  SimulatorControlError,
  type VendorControl,
} from "./control/createVendorControl.ts";
export { defaultDiditKey, defaultDiditSandboxKey } from "./didit/createDiditContext.ts";
export { createDiditSimulator } from "./didit/createDiditSimulator.ts";
export type {
  DiditDecisionBody,
  DiditDecisionFaceMatch,
  DiditScenario,
  DiditSimulator,
  DiditSimulatorOptions,
  DiditStats,
  SimulatedCompareBody,
} from "./didit/types.ts";
export { defaultFaceSignKey } from "./facesign/createFaceSignContext.ts";
export { createFaceSignSimulator } from "./facesign/createFaceSignSimulator.ts";
export { sampleFaceSignFlow } from "./facesign/sampleFaceSignFlow.ts";
export { signFaceSignWebhook } from "./facesign/sendStatusWebhook.ts";
export type {
  FaceSignDeepfakeOutcome,
  FaceSignScenario,
  FaceSignSimulator,
  FaceSignSimulatorOptions,
  FaceSignStats,
} from "./facesign/types.ts";
export { defaultVerisoulKey } from "./verisoul/createVerisoulContext.ts";
export { createVerisoulSimulator } from "./verisoul/createVerisoulSimulator.ts";
export type {
  CaptureOutcome,
  Enrolment,
  SessionState,
  SimulatedSession,
  SimulateOutcome,
  VerisoulScenario,
  VerisoulSimulator,
  VerisoulSimulatorOptions,
  VerisoulStats,
} from "./verisoul/types.ts";
