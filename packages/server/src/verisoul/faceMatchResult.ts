import {
  FaceKitError,
  type FaceMatchVerdict,
  toFaceMatchVerdict,
  type VerisoulVerifyFaceBody,
} from "@facekit/core/protocol";
import type { VerisoulClient } from "./types.ts";

/** Vendor answers that mean "the person is not done yet": the result route says pending. */
const waitingCodes = new Set(["session_not_started", "session_not_complete"]);

/** What one lookup found: the person is still capturing, or the server-side verdict. */
export type FaceMatchLookup =
  | { status: "pending" }
  | { status: "completed"; verdict: FaceMatchVerdict; body: VerisoulVerifyFaceBody };

/** What the server was asked to do besides verify-face. */
export interface ResultFeatures {
  authenticate: boolean;
  enroll: boolean;
}

/**
 * Enrols only what is safe and only once: a session already tied to this account counts as
 * enrolled, one tied to another account or not judged `"Real"` is not enrolled, and a lost race
 * with another server instance for the same session is settled by asking Verisoul who owns it now.
 */
async function enrollOnce(
  client: VerisoulClient,
  sessionId: string,
  accountId: string,
  body: VerisoulVerifyFaceBody,
): Promise<boolean> {
  const owner = body.metadata?.account_id;
  if (owner === accountId) return true;
  if (owner || body.decision !== "Real") return false;
  try {
    await client.enroll(sessionId, accountId);
    return true;
  } catch (error) {
    if (
      error instanceof FaceKitError &&
      error.vendorCode === "session_already_tied_to_an_account"
    ) {
      const now = await client.verifyFace(sessionId);
      return now.metadata?.account_id === accountId;
    }
    throw error;
  }
}

/**
 * Asks Verisoul for the verdict of one session on behalf of `accountId`: pending while the person
 * is still capturing, otherwise the server-side verdict (plus the verify-face body as received) with
 * `match` (1:1, when `authenticate`) and `enrolled` (when `enroll`; only a `"Real"` decision is
 * enrolled). Safe to call repeatedly. When both features are on, authentication runs first,
 * against faces enrolled before this session.
 * @example
 * const answer = await faceMatchResult(client, claims.sid, "user_42", { authenticate: false, enroll: true });
 */
export async function faceMatchResult(
  client: VerisoulClient,
  sessionId: string,
  accountId: string,
  features: ResultFeatures,
): Promise<FaceMatchLookup> {
  let body: VerisoulVerifyFaceBody;
  try {
    body = await client.verifyFace(sessionId);
  } catch (error) {
    if (error instanceof FaceKitError && error.vendorCode && waitingCodes.has(error.vendorCode)) {
      return { status: "pending" };
    }
    throw error;
  }
  const verdict = toFaceMatchVerdict(sessionId, body);
  // Verisoul links the face to every account it is enrolled under, the signed-in one included: in
  // 1:1 authentication the account's own earlier enrolment is always "linked". That is not another
  // person's account, so it is dropped here (and from the browser's count). Verisoul's own
  // decision and flags (e.g. `repeat_face`, "Suspicious") are passed on untouched: they are the
  // vendor's verdict, so authentication must be judged by `match`.
  verdict.accountsLinked = verdict.accountsLinked.filter((a) => a.accountId !== accountId);
  if (features.authenticate) {
    verdict.match = (await client.verifyIdentity(sessionId, accountId)).match;
  }
  if (features.enroll) {
    verdict.enrolled = await enrollOnce(client, sessionId, accountId, body);
  }
  return { status: "completed", verdict, body };
}
