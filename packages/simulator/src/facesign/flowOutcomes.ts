import type { FaceSignNode } from "@facekit/core/protocol";

/** One way out of a node: what the hosted page's button says and where it leads. */
export interface FlowOutcome {
  /** Outcome name (`livenessDetected`), a conversation condition, or `next`. */
  label: string;
  targetNodeId: string;
}

function fromValue(label: string, value: unknown, into: FlowOutcome[]): void {
  if (typeof value === "string") {
    into.push({ label, targetNodeId: value });
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const target = (item as { targetNodeId?: unknown } | null)?.targetNodeId;
      const condition = (item as { condition?: unknown } | null)?.condition;
      const fallback = value.length === 1 ? label : `${label} ${i + 1}`;
      const name = typeof condition === "string" && condition !== "" ? condition : fallback;
      if (typeof target === "string") into.push({ label: name, targetNodeId: target });
    }
  } else if (typeof value === "object" && value !== null) {
    for (const [key, inner] of Object.entries(value)) fromValue(key, inner, into);
  }
}

/**
 * Every outcome a node declares, whatever its shape: `outcome: "id"`, `outcomes: { name: "id" }`
 * or `outcomes: [{ condition, targetNodeId }]` (conversation, data_validation).
 * @example
 * flowOutcomes({ id: "l", type: "liveness_detection", outcomes: { livenessDetected: "end" } });
 * // [{ label: "livenessDetected", targetNodeId: "end" }]
 */
export function flowOutcomes(node: FaceSignNode): FlowOutcome[] {
  const found: FlowOutcome[] = [];
  if (node.outcome !== undefined) fromValue("next", node.outcome, found);
  if (node.outcomes !== undefined) fromValue("next", node.outcomes, found);
  return found;
}

/** Outcome names that mean the person was not verified. */
export const failingOutcomes: ReadonlySet<string> = new Set([
  "deepfakeDetected",
  "noFace",
  "captureUnavailable",
  "inconclusive",
  "notPassed",
  "cancelled",
  "canceled",
  "error",
  "noMatch",
  "imageUnavailable",
  "userCancelled",
  "scanTimeout",
  "delivery_failed",
  "failed_unverified",
  "permissionsDenied",
]);
