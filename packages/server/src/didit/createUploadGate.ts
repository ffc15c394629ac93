import { FaceKitError } from "@facekit/core/protocol";

/** Seconds a refused upload is told to wait before trying again (`Retry-After`). */
const retryAfterSeconds = 5;

/** One upload's place in the gate: the memory its body is held in until Didit has answered. */
export interface UploadSlot {
  /** The bytes this upload was admitted with, a view of the gate's memory no other upload has. */
  memory: Uint8Array;
  /**
   * Gives the memory back; calling it again does nothing. Only once nothing reads `memory` any
   * more (Didit's request is over): the next upload writes over it.
   */
  release(): void;
}

/**
 * A per-process bound on the bytes of upload bodies being read, held and sent to Didit at once.
 * Memory is per process, so the bound is too: in process, not the shared store.
 */
export interface UploadGate {
  /**
   * Resolves with `size` bytes once they fit beside the uploads in flight (first come, first
   * served: a large upload is not overtaken by smaller ones behind it). Until then nothing reads
   * the body, so its bytes wait in the socket, not in memory. Refuses with 503
   * `vendor_unavailable` (and `retryAfter`) after `queueTimeoutMs`, and with `bad_request` when
   * `signal` aborts (the client left) while waiting.
   */
  enter(size: number, signal?: AbortSignal): Promise<UploadSlot>;
}

/** A free range of the gate's memory, `[start, end)`. */
interface Range {
  start: number;
  end: number;
}

/**
 * The upload gate of one handler: at most `bytes` of upload bodies at once, in one array allocated
 * when the first upload comes and let go when none is in flight (a burst of uploads reuses it
 * instead of allocating an array per upload, each garbage until V8 collects it). Uploads wait at
 * most `queueTimeoutMs`.
 * @example
 * const gate = createUploadGate(32 * 1024 * 1024, 30_000);
 * const slot = await gate.enter(bodySize, request.signal);
 * try { await readAndCompare(request, slot.memory); } finally { slot.release(); }
 */
export function createUploadGate(bytes: number, queueTimeoutMs: number): UploadGate {
  let memory: Uint8Array | undefined;
  let free: Range[] = [{ start: 0, end: bytes }];
  let held = 0;
  const waiting: { size: number; wake: () => void }[] = [];

  /** The first free range that fits `size`, taken; or null. */
  const place = (size: number): UploadSlot | null => {
    const range = free.find((r) => r.end - r.start >= size);
    if (!range) return null;
    const start = range.start;
    range.start += size;
    free = free.filter((r) => r.end > r.start);
    held++;
    memory ??= new Uint8Array(bytes);
    let open = true;
    return {
      memory: memory.subarray(start, start + size),
      release() {
        if (!open) return;
        open = false;
        free = merged([...free, { start, end: start + size }]);
        if (--held === 0) memory = undefined;
        admitWaiting();
      },
    };
  };
  /** First come, first served: wakes waiters in order while the first one fits. */
  const admitWaiting = () => {
    const fits = (size: number) => free.some((r) => r.end - r.start >= size);
    while (waiting[0] && fits(waiting[0].size)) waiting.shift()?.wake();
  };
  const cancelled = () => new FaceKitError("bad_request", "The upload was cancelled.");

  return {
    enter(size, signal) {
      if (size > bytes) return Promise.reject(tooLargeForGate(size, bytes));
      if (signal?.aborted) return Promise.reject(cancelled());
      const now = waiting.length === 0 ? place(size) : null;
      if (now) return Promise.resolve(now);
      return new Promise((resolve, reject) => {
        const waiter = {
          size,
          wake: () => {
            stop();
            resolve(place(size) as UploadSlot);
          },
        };
        const leave = (error: FaceKitError) => {
          const at = waiting.indexOf(waiter);
          if (at >= 0) waiting.splice(at, 1);
          stop();
          reject(error);
          admitWaiting(); // the next in line may fit where this one did not
        };
        const timer = setTimeout(() => leave(busy(bytes, queueTimeoutMs)), queueTimeoutMs);
        const onAbort = () => leave(cancelled());
        const stop = () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        waiting.push(waiter);
      });
    },
  };
}

/** `ranges` sorted by start, touching ones joined. */
function merged(ranges: Range[]): Range[] {
  const out: Range[] = [];
  for (const r of ranges.sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    if (last && last.end >= r.start) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** The person's words are `vendor_unavailable`'s ("not responding, try again later"). */
function busy(bytes: number, queueTimeoutMs: number): FaceKitError {
  return new FaceKitError(
    "vendor_unavailable",
    `FaceKit: this server already holds uploads near its ${bytes} bytes (didit.maxUploadBytesInFlight) and no room came free within ${queueTimeoutMs} ms (didit.uploadQueueTimeoutMs); nothing was sent to Didit.`,
    { retryAfter: retryAfterSeconds },
  );
}

function tooLargeForGate(size: number, bytes: number): FaceKitError {
  return new FaceKitError(
    "image_too_large",
    `FaceKit: this upload needs ${size} bytes, more than didit.maxUploadBytesInFlight (${bytes}); nothing was sent to Didit.`,
  );
}
