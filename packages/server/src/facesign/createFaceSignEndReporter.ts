import type { FaceSignSessionObject } from "@facekit/core/protocol";
import { toFaceSignSessionStatus } from "@facekit/core/protocol";
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
  session?: FaceSignSessionObject;
  /** Reads the session from FaceSign: only when `onResult` must run and `session` is missing. */
  load: () => Promise<FaceSignSessionObject>;
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
 * session: the caller's fresh read, or one `GET /sessions/{id}` (nothing of it is stored).
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
      if ((await store.get(ended)) !== undefined) return true;
      if (await store.add(lease, "1", leaseMs)) break;
      if (check >= leaseChecks) return false;
      await sleep(100);
    }
    try {
      // A lease that expired after a report is won again: the mark says it is done.
      if ((await store.get(ended)) !== undefined) return true;
      const finished = session ?? (await load());
      const status = toFaceSignSessionStatus(finished.status);
      if (status === "complete" || status === "incomplete") {
        const accountId = finished.settings.clientReferenceId;
        await onResult({ accountId, sessionId, status, session: finished }, request);
      }
    } catch (error) {
      await store.delete(lease).catch(() => {}); // if even this fails, the lease expires
      throw error;
    }
    await store.set(ended, "1", endedTtlMs);
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
