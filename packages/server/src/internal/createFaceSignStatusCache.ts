import type { FaceSignSessionObject } from "@facekit/core/protocol";

/** Sessions one server instance remembers (least recently used dropped first). */
const maxEntries = 1_000;

/** Least time between two FaceSign lookups of one unfinished session by the status route. */
export const statusLookupIntervalMs = 2_000;

interface Entry {
  session: FaceSignSessionObject;
  fetchedAt: number;
}

/** Per-instance memory of FaceSign sessions (see {@link createFaceSignStatusCache}). */
export interface FaceSignStatusCache {
  /** The last known copy of a session, whatever its age (ownership never changes). */
  get(sessionId: string): FaceSignSessionObject | undefined;
  /** Records a session just read from FaceSign (session route, refresh, webhook). */
  put(session: FaceSignSessionObject): void;
  /**
   * The session for the status route: a finished one from memory; an unfinished one from memory
   * when read less than {@link statusLookupIntervalMs} ago; otherwise `lookup()` (concurrent
   * callers share one lookup). Failures are passed on and never kept.
   */
  read(
    sessionId: string,
    lookup: () => Promise<FaceSignSessionObject>,
  ): Promise<FaceSignSessionObject>;
}

function isFinished(session: FaceSignSessionObject): boolean {
  return ["complete", "incomplete", "canceled"].includes(session.status);
}

/**
 * One per server instance (nothing shared between instances or kept across restarts). The
 * browser polls the status route; this keeps those polls to at most one FaceSign `GET` per
 * session every 2 s, and none once the session finished or a webhook just told us its state.
 * @example
 * const statuses = createFaceSignStatusCache();
 * const session = await statuses.read(id, async () => (await client.getSession(id)).session);
 */
export function createFaceSignStatusCache(now = () => Date.now()): FaceSignStatusCache {
  const entries = new Map<string, Entry>();
  const inflight = new Map<string, Promise<FaceSignSessionObject>>();

  function touch(id: string): Entry | undefined {
    const entry = entries.get(id);
    if (entry) {
      entries.delete(id);
      entries.set(id, entry); // most recently used last
    }
    return entry;
  }

  function put(session: FaceSignSessionObject): void {
    const known = entries.get(session.id);
    // Statuses only move forward: a late answer must not undo a finished session.
    if (known && isFinished(known.session) && !isFinished(session)) return;
    entries.delete(session.id);
    entries.set(session.id, { session, fetchedAt: now() });
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries) break;
      entries.delete(oldest);
    }
  }

  return {
    get: (id) => touch(id)?.session,
    put,
    read(id, lookup) {
      const entry = touch(id);
      if (
        entry &&
        (isFinished(entry.session) || now() - entry.fetchedAt < statusLookupIntervalMs)
      ) {
        return Promise.resolve(entry.session);
      }
      const running = inflight.get(id);
      if (running) return running;
      const promise = lookup()
        .then((session) => {
          put(session);
          return entries.get(id)?.session ?? session;
        })
        .finally(() => inflight.delete(id));
      inflight.set(id, promise);
      return promise;
    },
  };
}
