import type { FaceSignNode } from "@facekit/core/protocol";
import type { FaceSignContext, FaceSignRecord } from "./createFaceSignContext.ts";
import { announceMedia, buildReport, nodeReport } from "./faceSignReport.ts";
import { flowOutcomes } from "./flowOutcomes.ts";
import { setStatus } from "./sessionLifecycle.ts";

const descriptions: Record<string, string> = {
  liveness_detection: "Liveness check: look at the camera and follow the avatar.",
  face_scan: "Face scan: hold your face inside the frame.",
  face_compare: "Comparing your face with the reference image.",
  recognition: "Recognising you against known faces.",
  document_scan: "Document scan: show your ID document to the camera.",
  enter_email: "Enter your email address.",
  two_factor_email: "Enter the code we sent to your email.",
  two_factor_sms: "Enter the code we sent by SMS.",
  data_validation: "Checking the data you provided.",
  permissions: "Allow camera and microphone access.",
};

/**
 * What the avatar says or the page shows for a node (a `Say:` prompt is spoken verbatim).
 * @example
 * nodeText({ id: "c", type: "conversation", prompt: "Say: Hello" }); // "Hello"
 */
export function nodeText(node: FaceSignNode): string {
  if (typeof node.prompt === "string" && node.prompt.trim() !== "") {
    return node.prompt.replace(/^Say:\s*/i, "");
  }
  return descriptions[node.type] ?? node.type;
}

/** The node the hosted page currently shows. */
export function currentNode(record: FaceSignRecord): FaceSignNode | undefined {
  return record.flow.find((n) => n.id === record.currentNodeId);
}

function say(ctx: FaceSignContext, record: FaceSignRecord, text: string, isAvatar: boolean) {
  const id = `msg_${record.transcript.length + 1}`;
  record.transcript.push({ id, createdAt: ctx.now(), text, isAvatar });
}

function finish(ctx: FaceSignContext, record: FaceSignRecord, reachedEnd: boolean): void {
  const final = record.session.settings.finalPhrase;
  if (reachedEnd && final) say(ctx, record, final, true);
  record.currentNodeId = null;
  record.session.report = buildReport(ctx, record, reachedEnd);
  setStatus(ctx, record, reachedEnd ? "complete" : "incomplete");
  announceMedia(ctx, record);
}

function enter(ctx: FaceSignContext, record: FaceSignRecord, nodeId: string): void {
  const node = record.flow.find((n) => n.id === nodeId);
  if (!node || node.type === "end") {
    finish(ctx, record, true);
    return;
  }
  record.currentNodeId = node.id;
  say(ctx, record, nodeText(node), true);
}

/**
 * Opens a `created` session: `inProgress`, then past the start node. Reopening an in-progress
 * session keeps its place.
 * @example
 * openFlow(ctx, record, "en");
 */
export function openFlow(ctx: FaceSignContext, record: FaceSignRecord, lang: string): void {
  if (record.session.status !== "created") return;
  record.lang = lang;
  setStatus(ctx, record, "inProgress");
  const initial = record.session.settings.initialPhrase;
  if (initial) say(ctx, record, initial, true);
  const start = record.flow.find((n) => n.type === "start");
  const next = start ? flowOutcomes(start)[0]?.targetNodeId : undefined;
  enter(ctx, record, next ?? "");
}

/**
 * Takes outcome number `index` of the current node. Answers false when there is no such outcome.
 * @example
 * chooseOutcome(ctx, record, 0);
 */
export function chooseOutcome(
  ctx: FaceSignContext,
  record: FaceSignRecord,
  index: number,
): boolean {
  const node = currentNode(record);
  const outcome = node ? flowOutcomes(node)[index] : undefined;
  if (!node || !outcome) return false;
  record.outcomesTaken.push(outcome.label);
  record.visits.push(nodeReport(ctx, node, outcome.label, outcome.targetNodeId));
  if (Array.isArray(node.outcomes)) say(ctx, record, `(${outcome.label})`, false);
  enter(ctx, record, outcome.targetNodeId);
  return true;
}

/**
 * The person left before an end node: `incomplete`.
 * @example
 * leaveFlow(ctx, record);
 */
export function leaveFlow(ctx: FaceSignContext, record: FaceSignRecord): void {
  finish(ctx, record, false);
}
