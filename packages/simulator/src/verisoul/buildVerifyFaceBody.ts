import type { VerisoulVerifyFaceBody } from "@facekit/core/protocol";
import { seededRandom } from "../internal/seededRandom.ts";
import type { VerisoulContext } from "./createVerisoulContext.ts";
import { deriveDecision, scoreRisk } from "./riskFlags.ts";
import { simulatedSessionData } from "./simulatedSessionData.ts";
import { simulatedDeviceNetworkSignals, simulatedReferringSignals } from "./simulatedSignals.ts";
import type { SimulatedSession } from "./types.ts";

/** Where photo/video URLs point when a session somehow never met the hosted app. */
const fallbackAppOrigin = "http://127.0.0.1:4011";

/**
 * Accounts other than the session's own under which the session's face is enrolled (1:N).
 * @example
 * linkedAccounts(ctx, session); // ["acct-1"] after acct-1 enrolled the same person
 */
function linkedAccounts(ctx: VerisoulContext, session: SimulatedSession): string[] {
  const ids = ctx.enrolments
    .filter((e) => e.face === session.face && e.accountId !== session.accountId)
    .map((e) => e.accountId);
  return [...new Set(ids)];
}

/**
 * The full 200 body of `POST /liveness/verify-face` for a verifiable session: every documented
 * field, numbers deterministic per session, decision and score consistent with the flags.
 * @example
 * const body = buildVerifyFaceBody(ctx, session, crypto.randomUUID());
 */
export function buildVerifyFaceBody(
  ctx: VerisoulContext,
  session: SimulatedSession,
  requestId: string,
): VerisoulVerifyFaceBody {
  const { scenario } = ctx;
  const rand = seededRandom(session.id);
  const linked = linkedAccounts(ctx, session);
  const flags = [
    ...new Set([...(linked.length > 0 ? ["repeat_face"] : []), ...scenario.riskFlags]),
  ];
  const decision = scenario.decision ?? deriveDecision(flags);
  const origin = session.appOrigin ?? fallbackAppOrigin;
  const riskScore = scoreRisk(flags, decision, rand());
  const deviceNetwork = simulatedDeviceNetworkSignals(flags, rand);
  const referring = simulatedReferringSignals(flags, rand);
  return {
    metadata: {
      project_id: ctx.projectId,
      session_id: session.id,
      request_id: requestId,
      account_id: session.accountId,
      referring_session_id: session.referringSessionId,
      timestamp: new Date(ctx.now()).toISOString(),
    },
    decision,
    risk_score: riskScore,
    risk_flags: flags,
    device_network_signals: deviceNetwork,
    // Documented as present only with a referring session.
    ...(session.referringSessionId === null ? {} : { referring_session_signals: referring }),
    photo_urls: { face: `${origin}/photos/${session.id}.jpg` },
    video_urls: [`${origin}/videos/${session.id}.webm`],
    session_data: simulatedSessionData(session, rand, flags),
    matches: {
      num_accounts_linked: linked.length,
      accounts_linked: linked.map((accountId) => ({
        account_id: accountId,
        match_types: ["face"],
      })),
    },
  };
}
