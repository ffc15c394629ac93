import type { FaceSignNode, FaceSignSessionSettings } from "@facekit/core/protocol";
import { flowOutcomes } from "./flowOutcomes.ts";

/** Result of {@link validateSettings}. */
export type SettingsResult =
  | { ok: true; settings: FaceSignSessionSettings }
  | { ok: false; message: string; code: string };

const nodeTypes = new Set([
  "start",
  "end",
  "conversation",
  "liveness_detection",
  "face_scan",
  "face_compare",
  "recognition",
  "document_scan",
  "enter_email",
  "two_factor_email",
  "two_factor_sms",
  "data_validation",
  "permissions",
]);

const invalid = (message: string, code = "parameter_invalid"): SettingsResult => ({
  ok: false,
  message,
  code,
});

function checkFlow(flow: unknown): string | null {
  if (!Array.isArray(flow) || flow.length === 0) return "flow must be a non-empty array of nodes";
  const ids = new Set<string>();
  for (const [i, node] of flow.entries()) {
    const n = node as Partial<FaceSignNode> | null;
    if (typeof n !== "object" || n === null || typeof n.id !== "string" || n.id === "") {
      return `flow[${i}] must be an object with a non-empty string id`;
    }
    if (typeof n.type !== "string" || !nodeTypes.has(n.type)) {
      return `flow node "${n.id}" has an unknown type ${JSON.stringify(n.type)}`;
    }
    if (ids.has(n.id)) return `flow node id "${n.id}" is not unique`;
    ids.add(n.id);
  }
  const nodes = flow as FaceSignNode[];
  const starts = nodes.filter((n) => n.type === "start").length;
  if (starts !== 1) return `flow must have exactly one start node (found ${starts})`;
  if (!nodes.some((n) => n.type === "end")) return "flow must have at least one end node";
  for (const node of nodes) {
    if (node.type === "conversation" && typeof node.prompt !== "string") {
      return `conversation node "${node.id}" needs a prompt`;
    }
    const outcomes = flowOutcomes(node);
    if (node.type !== "end" && outcomes.length === 0) {
      return `flow node "${node.id}" has no outcome`;
    }
    for (const o of outcomes) {
      if (!ids.has(o.targetNodeId)) {
        return `flow node "${node.id}" outcome "${o.label}" points to unknown node "${o.targetNodeId}"`;
      }
    }
  }
  return null;
}

/**
 * Validates a `POST /sessions` body the way FaceSign documents: `clientReferenceId` optional (a
 * string when given), `flow` and/or the legacy `modules` (the reference example echoes both),
 * and a well-formed flow graph.
 * @example
 * const r = validateSettings(await readJsonObject(req));
 * if (!r.ok) return facesignError(400, "validation_error", r.message, r.code);
 */
export function validateSettings(body: Record<string, unknown> | null): SettingsResult {
  if (!body) return invalid("Request body must be a JSON object", "invalid_request_body");
  const ref = body.clientReferenceId;
  if (ref !== undefined && typeof ref !== "string") {
    return invalid("clientReferenceId must be a string");
  }
  const hasFlow = body.flow !== undefined;
  const hasModules = body.modules !== undefined;
  if (!hasFlow && !hasModules) return invalid("flow is required", "parameter_missing");
  if (hasModules && (!Array.isArray(body.modules) || body.modules.length === 0)) {
    return invalid("modules must be a non-empty array");
  }
  const problem = hasFlow ? checkFlow(body.flow) : null;
  if (problem) return invalid(problem, "invalid_flow");
  for (const key of ["langs"] as const) {
    const v = body[key];
    if (v !== undefined && !(Array.isArray(v) && v.every((x) => typeof x === "string"))) {
      return invalid(`${key} must be an array of strings`);
    }
  }
  if (body.defaultLang !== undefined && typeof body.defaultLang !== "string") {
    return invalid("defaultLang must be a string");
  }
  return { ok: true, settings: structuredClone(body) as unknown as FaceSignSessionSettings };
}
