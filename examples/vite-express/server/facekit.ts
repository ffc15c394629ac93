import type { FaceSignNode } from "@facekit/core/protocol";
import { createFaceKitHandler } from "@facekit/server";
import { currentUser, db } from "./app";

/** The FaceSign flow every session runs: a greeting, then a liveness check. Never from the browser. */
const faceSignFlow: FaceSignNode[] = [
  { id: "start", type: "start", outcome: "hello" },
  {
    id: "hello",
    type: "conversation",
    prompt: "Say: Hi, I will check that you are a real person.",
    outcomes: [{ id: "next", condition: "", targetNodeId: "live" }],
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

export const facekit = createFaceKitHandler({
  secret: process.env.FACEKIT_SECRET!, // >= 32 characters; signs session tokens and upload grants
  authorize: async (request) => {
    const user = await currentUser(request); // your session lookup (cookie, header...)
    return user ? { accountId: user.id } : null;
  },
  verisoul: {
    apiKey: process.env.VERISOUL_API_KEY!,
    environment: "sandbox",
    baseUrl: process.env.VERISOUL_BASE_URL, // unset: Verisoul's API; the simulator's in development
    appBaseUrl: process.env.VERISOUL_APP_BASE_URL, // unset: Verisoul's hosted page
    redirectUrl: `${process.env.APP_URL}/facekit/callback`, // a page that calls handleFaceKitCallback()
    enroll: true, // enrol the face under the account when the decision is "Real"
    // Verisoul's verdict, read from Verisoul by your server. Never from what the browser reports.
    onResult: async ({ accountId, sessionId, verdict }) => {
      await db.faceChecks.upsert({ sessionId, accountId, decision: verdict.decision });
    },
  },
  facesign: {
    apiKey: process.env.FACESIGN_API_KEY!,
    baseUrl: process.env.FACESIGN_BASE_URL, // unset: FaceSign's API
    session: { flow: faceSignFlow, langs: ["en"] },
    webhookSecret: process.env.FACESIGN_WEBHOOK_SECRET, // enables …/facesign/webhook
    onResult: async ({ accountId, sessionId, session }) => {
      const verified = session.report?.isVerified === true;
      await db.faceChecks.upsert({ sessionId, accountId, verified });
    },
  },
  didit: {
    apiKey: process.env.DIDIT_API_KEY!,
    baseUrl: process.env.DIDIT_BASE_URL, // unset: Didit's API
    threshold: 60, // a similarity strictly above it approves
    onResult: async ({ accountId, result }) => {
      const approved = result.status === "approved";
      await db.faceChecks.insert({ accountId, approved, score: result.score });
    },
  },
  // 5xx and vendor errors, for your logs: `message` and `cause` are for developers, never shown.
  onError: (error) => console.error("[facekit]", error.code, error.message, error.cause),
});
