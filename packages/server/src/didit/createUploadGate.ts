import { FaceKitError } from "@facekit/core/protocol";

/** Seconds a refused upload is told to wait before trying again (`Retry-After`). */
const retryAfterSeconds = 5;

/** Lets go of a slot; calling it again does nothing. */
type ReleaseSlot = () => void;

/**
 * A per-process limit on the upload bodies being read, held and sent to Didit at once. Memory is
 * per process, so the limit is too: a plain in-process semaphore, not the shared store.
 */
export interface UploadGate {
  /**
   * Resolves with a slot once fewer than `max` uploads hold one (first come, first served). Until
   * then nothing reads the body, so its bytes wait in the socket, not in memory. Refuses with 503
   * `vendor_unavailable` (and `retryAfter`) after `queueTimeoutMs`, and with `bad_request` when
   * `signal` aborts (the client left) while waiting.
   */
  enter(signal?: AbortSignal): Promise<ReleaseSlot>;
}

/**
 * The upload gate of one handler: at most `max` uploads at once, the others wait at most
 * `queueTimeoutMs`.
 * @example
 * const gate = createUploadGate(4, 30_000);
 * const release = await gate.enter(request.signal);
 * try { await readAndCompare(request); } finally { release(); }
 */
export function createUploadGate(max: number, queueTimeoutMs: number): UploadGate {
  let held = 0;
  const waiting: (() => void)[] = [];
  const slot = (): ReleaseSlot => {
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      // The slot goes straight to the first waiter, so `held` stays the same.
      const next = waiting.shift();
      if (next) next();
      else held--;
    };
  };
  const cancelled = () => new FaceKitError("bad_request", "The upload was cancelled.");
  return {
    enter(signal) {
      if (signal?.aborted) return Promise.reject(cancelled());
      if (held < max) {
        held++;
        return Promise.resolve(slot());
      }
      return new Promise((resolve, reject) => {
        const leave = (error: FaceKitError) => {
          const at = waiting.indexOf(wake);
          if (at >= 0) waiting.splice(at, 1);
          stop();
          reject(error);
        };
        const wake = () => {
          stop();
          resolve(slot());
        };
        const timer = setTimeout(() => leave(busy(max, queueTimeoutMs)), queueTimeoutMs);
        const onAbort = () => leave(cancelled());
        const stop = () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        waiting.push(wake);
      });
    },
  };
}

/** The person's words are `vendor_unavailable`'s ("not responding, try again later"). */
function busy(max: number, queueTimeoutMs: number): FaceKitError {
  return new FaceKitError(
    "vendor_unavailable",
    `FaceKit: this server already reads ${max} uploads (didit.maxConcurrentUploads) and no slot came free within ${queueTimeoutMs} ms (didit.uploadQueueTimeoutMs); nothing was sent to Didit.`,
    { retryAfter: retryAfterSeconds },
  );
}
