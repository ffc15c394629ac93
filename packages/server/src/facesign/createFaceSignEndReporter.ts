import type { FaceSignSessionObject } from "@facekit/core/protocol";
import { toFaceSignSessionStatus } from "@facekit/core/protocol";
import type { FaceSignConfig } from "./types.ts";

/** Sessions whose end one instance remembers having reported (oldest forgotten first). */
const maxRemembered = 1_000;

/** Calls `facesign.onResult` once per finished session (see {@link createFaceSignEndReporter}). */
export type FaceSignEndReporter = (
  session: FaceSignSessionObject,
  request: Request,
) => Promise<void>;

/**
 * Reports each session that this instance sees finished (`complete` or `incomplete`, from the
 * status route, the refresh route or a webhook) to `onResult`, awaited before the route answers,
 * so the browser hears "complete" only once your backend has kept it. Concurrent sightings share
 * one call; a call that throws is retried at the next sighting. Per instance: another instance
 * (or a restart) may report the same session again, so make the write idempotent.
 * @example
 * const reportEnd = createFaceSignEndReporter(config.facesign.onResult);
 * await reportEnd(session, request);
 */
export function createFaceSignEndReporter(
  onResult: FaceSignConfig["onResult"],
): FaceSignEndReporter {
  const reported = new Set<string>();
  const inflight = new Map<string, Promise<void>>();
  return async (session, request) => {
    const status = toFaceSignSessionStatus(session.status);
    if (!onResult || (status !== "complete" && status !== "incomplete")) return;
    const { id } = session;
    if (reported.has(id)) return;
    const running = inflight.get(id);
    if (running) return running;
    const event = { accountId: session.settings.clientReferenceId, sessionId: id, status, session };
    const call = Promise.resolve()
      .then(() => onResult(event, request))
      .then(() => {
        reported.add(id);
        for (const oldest of reported) {
          if (reported.size <= maxRemembered) break;
          reported.delete(oldest);
        }
      })
      .finally(() => inflight.delete(id));
    inflight.set(id, call);
    return call;
  };
}
