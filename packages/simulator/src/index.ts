/**
 * `@facekit/simulator`: faithful local fakes of the face-verification vendors (Verisoul today),
 * as Web-standard handlers with scenarios and fault injection. Node servers: `./node`.
 * @example
 * import { createVerisoulSimulator, defaultVerisoulKey } from "@facekit/simulator";
 * const sim = createVerisoulSimulator();
 */
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
