import type { FaceSignClientSecretBody, FaceSignSessionObject } from "@facekit/core/protocol";

/** Sessions one server instance remembers (least recently used dropped first). */
const maxEntries = 1_000;

/** Least time between two FaceSign lookups of one unfinished session by the status route. */
const statusLookupIntervalMs = 2_000;

/** A session as FaceSign last described it, with its current client secret. */
interface KnownFaceSignSession {
  session: FaceSignSessionObject;
  clientSecret: FaceSignClientSecretBody;
}

interface Entry extends KnownFaceSignSession {
  fetchedAt: number;
}

/** Per-instance memory of FaceSign sessions (see {@link createFaceSignStatusCache}). */
export interface FaceSignStatusCache {
  /** Records a session just read from FaceSign (session route, webhook, lookups). */
  put(known: KnownFaceSignSession): void;
  /** Records the secret the refresh route just got; the session's state keeps its age. */
  putSecret(sessionId: string, clientSecret: FaceSignClientSecretBody): void;
  /**
   * The session for the status route: a finished one from memory; an unfinished one from memory
   * when read less than {@link statusLookupIntervalMs} ago; otherwise `lookup()` (concurrent
   * callers share one lookup). Failures are passed on and never kept.
   */
  read(
    sessionId: string,
    lookup: () => Promise<KnownFaceSignSession>,
  ): Promise<KnownFaceSignSession>;
}

function isFinished(session: FaceSignSessionObject): boolean {
  return ["complete", "incomplete", "canceled"].includes(session.status);
}

/** The newer of two secrets, the incoming `b` on a tie (a late answer must not bring back a replaced one). */
const newer = (a: FaceSignClientSecretBody, b: FaceSignClientSecretBody) =>
  b.createdAt >= a.createdAt ? b : a;

/**
 * One per server instance (nothing shared between instances or kept across restarts). The
 * browser polls the status route; this keeps those polls to at most one FaceSign `GET` per
 * session every 2 s, and none once the session finished or a webhook just told us its state.
 * It also knows each session's current secret, so the status route can tell the browser that
 * the secret it holds has been replaced or has expired.
 * @example
 * const statuses = createFaceSignStatusCache();
 * const { session } = await statuses.read(id, () => client.getSession(id));
 */
export function createFaceSignStatusCache(now = () => Date.now()): FaceSignStatusCache {
  const entries = new Map<string, Entry>();
  const inflight = new Map<string, Promise<KnownFaceSignSession>>();

  function touch(id: string): Entry | undefined {
    const entry = entries.get(id);
    if (entry) {
      entries.delete(id);
      entries.set(id, entry); // most recently used last
    }
    return entry;
  }

  function put({ session, clientSecret }: KnownFaceSignSession): void {
    const known = entries.get(session.id);
    const secret = known ? newer(known.clientSecret, clientSecret) : clientSecret;
    // Statuses only move forward: a late answer must not undo a finished session.
    const kept = known && isFinished(known.session) && !isFinished(session) ? known : undefined;
    entries.delete(session.id);
    entries.set(session.id, {
      session: kept?.session ?? session,
      clientSecret: secret,
      fetchedAt: kept?.fetchedAt ?? now(),
    });
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries) break;
      entries.delete(oldest);
    }
  }

  return {
    put,
    putSecret(id, clientSecret) {
      const entry = touch(id);
      if (entry) entry.clientSecret = newer(entry.clientSecret, clientSecret);
    },
    read(id, lookup) {
      const entry = touch(id);
      if (
        entry &&
        (isFinished(entry.session) || now() - entry.fetchedAt < statusLookupIntervalMs)
      ) {
        return Promise.resolve(entry);
      }
      const running = inflight.get(id);
      if (running) return running;
      const promise = lookup()
        .then((known) => {
          put(known);
          return entries.get(id) ?? known;
        })
        .finally(() => inflight.delete(id));
      inflight.set(id, promise);
      return promise;
    },
  };
}
