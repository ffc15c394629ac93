import type { FaceSignSessionObject } from "@facekit/core/protocol";
import { toFaceSignSessionStatus, toFaceSignVerdict } from "@facekit/core/protocol";
import type { FaceKitStore } from "../store/types.ts";
import type { FaceSignConfig } from "./types.ts";

/** Waits `ms` (Web-standard: no `node:` import in the handler). */
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How long the store remembers that a session's end was reported (`facesign:ended:<id>`). */
const endedTtlMs = 7 * 24 * 60 * 60_000;
/** How long one `onResult` call holds a session (`facesign:lease:<id>`) before another may try. */
const leaseMs = 30_000;
/** Re-checks of the ended mark, 100 ms apart, while another call holds the lease. */
const leaseChecks = 10;

/** A finished session to report: FaceSign's session when the caller just read it, else `load`. */
interface FaceSignEnd {
  sessionId: string;
  /** A fresh read: the only way a session already reported is reported again (its verdict changed). */
  session?: FaceSignSessionObject;
  /** Reads the session from FaceSign: only when `onResult` must run and `session` is missing. */
  load: () => Promise<FaceSignSessionObject>;
}

/**
 * True when nothing is left to report: the mark holds the verdict outcome last reported (`1`:
 * written before verdicts existed), and a fresh read, if any, shows the same outcome.
 */
function isSettled(mark: string | undefined, session: FaceSignSessionObject | undefined): boolean {
  if (mark === undefined) return false;
  return mark === "1" || !session || toFaceSignVerdict(session).outcome === mark;
}

/**
 * Calls `facesign.onResult` once per finished session (see {@link createFaceSignEndReporter}):
 * true once reported (here or by another instance), false while another call is reporting it.
 */
export type FaceSignEndReporter = (end: FaceSignEnd, request: Request) => Promise<boolean>;

/**
 * Reports each finished session (`complete` or `incomplete`, seen by the status route, the refresh
 * route or a webhook, on any instance sharing `store`) to `onResult`, awaited before the route
 * answers, so the browser hears "complete" only once your backend has kept it. Once per session
 * across instances: a lease (`add` of `facesign:lease:<id>`, 30 s), `onResult`, then a mark
 * (`facesign:ended:<id>`, 7 days). If `onResult` throws, the lease is deleted and the next sighting
 * (any instance) calls it again. While another call holds the lease, this one re-checks the mark for
 * about 1 s, then answers false (the status route then says `inProgress`). `onResult` gets the whole
 * session and FaceKit's `verdict`: the caller's fresh read, or one `GET /sessions/{id}` (nothing of
 * it is stored). The mark keeps the verdict's outcome: a fresh read showing another one (a
 * `pending` verdict become final through a status poll or `analysis.deepfake`, or a late deepfake
 * verdict) is reported once more.
 * @example
 * const reportEnd = createFaceSignEndReporter(config.facesign.onResult, store);
 * await reportEnd({ sessionId, session, load }, request);
 */
export function createFaceSignEndReporter(
  onResult: FaceSignConfig["onResult"],
  store: FaceKitStore,
): FaceSignEndReporter {
  const inflight = new Map<string, Promise<boolean>>();

  async function report({ sessionId, session, load }: FaceSignEnd, request: Request) {
    if (!onResult) return true;
    const ended = `facesign:ended:${sessionId}`;
    const lease = `facesign:lease:${sessionId}`;
    for (let check = 0; ; check++) {
      if (isSettled(await store.get(ended), session)) return true;
      if (await store.add(lease, "1", leaseMs)) break;
      if (check >= leaseChecks) return false;
      await sleep(100);
    }
    let mark = "1";
    try {
      // A lease that expired after a report is won again: the mark says it is done.
      if (isSettled(await store.get(ended), session)) return true;
      const finished = session ?? (await load());
      const status = toFaceSignSessionStatus(finished.status);
      const accountId = finished.settings?.clientReferenceId;
      // A session without clientReferenceId was not made by FaceKit (e.g. from the dashboard).
      if ((status === "complete" || status === "incomplete") && accountId !== undefined) {
        const verdict = toFaceSignVerdict(finished);
        mark = verdict.outcome;
        await onResult({ accountId, sessionId, status, verdict, session: finished }, request);
      }
    } catch (error) {
      await store.delete(lease).catch(() => {}); // if even this fails, the lease expires
      throw error;
    }
    await store.set(ended, mark, endedTtlMs);
    await store.delete(lease);
    return true;
  }

  return (end, request) => {
    if (!onResult) return Promise.resolve(true);
    const running = inflight.get(end.sessionId);
    if (running) return running;
    const call = report(end, request).finally(() => inflight.delete(end.sessionId));
    inflight.set(end.sessionId, call);
    return call;
  };
}
