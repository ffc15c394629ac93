import type { FaceSignNode } from "@facekit/core/protocol";

/**
 * A small valid FaceSign flow for tests, stories and demos: start -> conversation -> liveness
 * -> end (every liveness outcome ends the flow).
 * @example
 * import { sampleFaceSignFlow } from "@facekit/simulator";
 * await client.createSession({ clientReferenceId: "user-1", flow: sampleFaceSignFlow });
 */
export const sampleFaceSignFlow: FaceSignNode[] = [
  { id: "start", type: "start", outcome: "hello" },
  {
    id: "hello",
    type: "conversation",
    prompt: "Say: Hi, I am your simulated agent.",
    outcomes: [{ id: "o1", condition: "", targetNodeId: "live" }],
  },
  {
    id: "live",
    type: "liveness_detection",
    outcomes: {
      livenessDetected: "end",
      deepfakeDetected: "end",
      noFace: "end",
      inconclusive: "end",
    },
  },
  { id: "end", type: "end" },
];
