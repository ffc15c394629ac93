import {
  FaceKitError,
  type FaceSignClientSecretBody,
  type FaceSignExposable,
  type FaceSignSessionBody,
  type FaceSignSessionObject,
  type FaceSignSummary,
  toFaceSignSummary,
} from "@facekit/core/protocol";
import type { FaceKitStore } from "../store/types.ts";

/** Waits `ms` (Web-standard: no `node:` import in the handler). */
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How long the store keeps a session's status (`facesign:status:<id>`). */
const statusTtlMs = 24 * 60 * 60_000;
/** Least time between two FaceSign lookups of one unfinished session by the status route. */
const statusLookupIntervalMs = 2_000;
/** Sessions whose secret (and media URLs) one process remembers (least recently used dropped). */
const memoryEntries = 1_000;
/** Summary fields that are media URLs: never stored, kept in process memory only. */
const mediaFields: readonly FaceSignExposable[] = ["videos", "screenshots", "media"];

/**
 * What the store keeps of a session (`facesign:status:<id>`, 24 h): no client secret, no media URL.
 * `secretCreatedAt`/`secretExpireAt` describe the newest secret FaceSign gave us, not the secret.
 */
interface StoredStatus {
  /** `settings.clientReferenceId`: the account the session was created for (none: not FaceKit's). */
  accountId?: string;
  status: FaceSignSessionObject["status"];
  finished: boolean;
  /** The browser's summary once finished, without `videos`/`screenshots`/`media`. */
  summary?: FaceSignSummary;
  fetchedAt: number;
  secretCreatedAt?: number;
  secretExpireAt?: number;
}

/** A session as the routes see it: the stored status plus what this process knows. */
interface FaceSignStatus extends StoredStatus {
  sessionId: string;
  /** The newest client secret this process has seen (memory only), if any. */
  clientSecret?: FaceSignClientSecretBody;
  /** FaceSign's whole session, when this call just read it (never stored). */
  session?: FaceSignSessionObject;
}

/** The handler's FaceSign statuses (see {@link createFaceSignStatusCache}). */
export interface FaceSignStatusCache {
  /** Records a session just read from FaceSign (session route, webhook, lookups). */
  put(known: FaceSignSessionBody): Promise<FaceSignStatus>;
  /** Records the secret the refresh route just got; the session's state keeps its age. */
  putSecret(sessionId: string, clientSecret: FaceSignClientSecretBody): Promise<void>;
  /** What the store (and this process) knows of a session, without asking FaceSign. */
  get(sessionId: string): Promise<FaceSignStatus | undefined>;
  /**
   * The session for the status route: a finished one from the store; an unfinished one from the
   * store when read less than 2 s ago; otherwise `lookup()`, at most once per 2 s per session
   * across instances (`facesign:lookup:<id>`). With `wantSecret`, a created session whose current
   * secret this process does not hold counts as stale. Failures are passed on and never kept.
   */
  read(
    sessionId: string,
    lookup: () => Promise<FaceSignSessionBody>,
    wantSecret?: boolean,
  ): Promise<FaceSignStatus>;
}

function isFinished(session: FaceSignSessionObject): boolean {
  return ["complete", "incomplete", "canceled"].includes(session.status);
}

/** The newer of two secrets, the incoming `b` on a tie (a late answer must not bring back a replaced one). */
const newer = (a: FaceSignClientSecretBody | undefined, b: FaceSignClientSecretBody) =>
  a && a.createdAt > b.createdAt ? a : b;

/** A bounded least-recently-used map of this process. */
function lru<V>() {
  const map = new Map<string, V>();
  return {
    get(key: string): V | undefined {
      const value = map.get(key);
      if (value !== undefined) {
        map.delete(key);
        map.set(key, value);
      }
      return value;
    },
    set(key: string, value: V): void {
      map.delete(key);
      map.set(key, value);
      for (const oldest of map.keys()) {
        if (map.size <= memoryEntries) break;
        map.delete(oldest);
      }
    },
  };
}

/**
 * The handler's memory of FaceSign sessions, in its {@link FaceKitStore}: what one instance learns
 * (from a webhook, a lookup, a mint) every instance sharing the store reports. The browser polls
 * the status route; this keeps those polls to at most one FaceSign `GET` per session every 2 s
 * across instances, and none once the session finished with a final verdict (a `pending` one,
 * e.g. while FaceSign's deepfake analysis runs, is asked again like a status) or a webhook just
 * told us its state.
 * Client secrets never go to the store: each process keeps the newest it saw, in memory; the store
 * keeps only the newest secret's creation and expiry times, so an instance can tell that the
 * secret it holds is outdated (or expired) and ask FaceSign (`GET /sessions/{id}` gives the
 * current one). Media URLs of exposed `videos`/`screenshots`/`media` are kept the same way, in
 * memory.
 * @example
 * const statuses = createFaceSignStatusCache(store, ["transcript"]);
 * const { status } = await statuses.read(id, () => client.getSession(id));
 */
export function createFaceSignStatusCache(
  store: FaceKitStore,
  expose: readonly FaceSignExposable[] = [],
  now = () => Date.now(),
): FaceSignStatusCache {
  const secrets = lru<FaceSignClientSecretBody>();
  const media = lru<Partial<FaceSignSummary>>();
  const inflight = new Map<string, Promise<FaceSignStatus>>();
  const storedExpose = expose.filter((field) => !mediaFields.includes(field));
  const mediaExpose = expose.filter((field) => mediaFields.includes(field));
  const key = (id: string) => `facesign:status:${id}`;

  async function readStored(id: string): Promise<StoredStatus | undefined> {
    const raw = await store.get(key(id));
    return raw === undefined ? undefined : (JSON.parse(raw) as StoredStatus);
  }

  function view(id: string, stored: StoredStatus, session?: FaceSignSessionObject): FaceSignStatus {
    const known: FaceSignStatus = { ...stored, sessionId: id, clientSecret: secrets.get(id) };
    if (known.summary && mediaExpose.length > 0) {
      known.summary = { ...known.summary, ...media.get(id) };
    }
    if (session) known.session = session;
    return known;
  }

  async function put({ session, clientSecret }: FaceSignSessionBody): Promise<FaceSignStatus> {
    const id = session.id;
    secrets.set(id, newer(secrets.get(id), clientSecret));
    const finished = isFinished(session);
    if (finished && mediaExpose.length > 0) {
      const summary: Partial<FaceSignSummary> = toFaceSignSummary(session, mediaExpose);
      const { videos, screenshots, media: current } = summary;
      media.set(id, { videos, screenshots, media: current });
    }
    const before = await readStored(id);
    const fresh: StoredStatus = {
      accountId: session.settings.clientReferenceId,
      status: session.status,
      finished,
      ...(finished && { summary: toFaceSignSummary(session, storedExpose) }),
      fetchedAt: now(),
      secretCreatedAt: clientSecret.createdAt,
      secretExpireAt: clientSecret.expireAt,
    };
    // Statuses only move forward: a late answer must not undo a finished session.
    const kept = before?.finished && !finished ? before : fresh;
    if ((before?.secretCreatedAt ?? 0) > (fresh.secretCreatedAt ?? 0)) {
      kept.secretCreatedAt = before?.secretCreatedAt;
      kept.secretExpireAt = before?.secretExpireAt;
    }
    await store.set(key(id), JSON.stringify(kept), statusTtlMs);
    return view(id, kept, kept === fresh ? session : undefined);
  }

  async function get(id: string): Promise<FaceSignStatus | undefined> {
    const stored = await readStored(id);
    return stored && view(id, stored);
  }

  function stale(known: FaceSignStatus, wantSecret: boolean): boolean {
    const due = now() - known.fetchedAt >= statusLookupIntervalMs;
    if (known.finished) {
      // A verdict still pending (deepfake analysis running) is asked for again, like a status.
      if (known.summary?.verdict === "pending" && due) return true;
      return mediaExpose.length > 0 && media.get(known.sessionId) === undefined;
    }
    if (due) return true;
    return (
      wantSecret &&
      known.status === "created" &&
      (known.clientSecret?.createdAt ?? -1) < (known.secretCreatedAt ?? 0)
    );
  }

  async function lookupOnce(
    id: string,
    known: FaceSignStatus | undefined,
    lookup: () => Promise<FaceSignSessionBody>,
  ): Promise<FaceSignStatus> {
    const throttle = `facesign:lookup:${id}`;
    if (!(await store.add(throttle, "1", statusLookupIntervalMs))) {
      if (known) return known; // another call just asked FaceSign: what we know will do
      for (let check = 0; check < 10; check++) {
        await sleep(100);
        const found = await get(id);
        if (found) return found;
      }
      throw new FaceKitError("rate_limited", "This FaceSign session was just looked up.", {
        retryAfter: Math.ceil(statusLookupIntervalMs / 1000),
      });
    }
    try {
      return await put(await lookup());
    } catch (error) {
      await store.delete(throttle).catch(() => {});
      throw error;
    }
  }

  return {
    put,
    get,
    async putSecret(id, clientSecret) {
      secrets.set(id, newer(secrets.get(id), clientSecret));
      const stored = await readStored(id);
      if (!stored || (stored.secretCreatedAt ?? 0) > clientSecret.createdAt) return;
      stored.secretCreatedAt = clientSecret.createdAt;
      stored.secretExpireAt = clientSecret.expireAt;
      await store.set(key(id), JSON.stringify(stored), statusTtlMs);
    },
    async read(id, lookup, wantSecret = false) {
      const known = await get(id);
      if (known && !stale(known, wantSecret)) return known;
      const running = inflight.get(id);
      if (running) return running;
      const promise = lookupOnce(id, known, lookup).finally(() => inflight.delete(id));
      inflight.set(id, promise);
      return promise;
    },
  };
}
