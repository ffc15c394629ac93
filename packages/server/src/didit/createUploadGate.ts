import { FaceKitError } from "@facekit/core/protocol";

/** Seconds a refused upload is told to wait before trying again (`Retry-After`). */
const retryAfterSeconds = 5;

/**
 * One upload's place in the gate, with the memory its images are held in until Didit has answered.
 */
interface UploadSlot {
  /**
   * `size` bytes of this slot's memory, after what it already handed out: one array of
   * `bytesPerSlot` per slot, reused by the next upload (no new garbage per upload) and let go when
   * no upload is in flight. Throws past `bytesPerSlot` (the route never asks that much).
   */
  take(size: number): Uint8Array;
  /**
   * Lets go of the slot and its memory; calling it again does nothing. Only once nothing reads
   * what `take` gave any more (Didit's request is over): the next upload writes over it.
   */
  release(): void;
}

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
  enter(signal?: AbortSignal): Promise<UploadSlot>;
}

/**
 * The upload gate of one handler: at most `max` uploads at once, the others wait at most
 * `queueTimeoutMs`; each slot lends `bytesPerSlot` of memory.
 * @example
 * const gate = createUploadGate(4, 30_000, 2 * maxImageBytes);
 * const slot = await gate.enter(request.signal);
 * try { await readAndCompare(request, slot.take); } finally { slot.release(); }
 */
export function createUploadGate(
  max: number,
  queueTimeoutMs: number,
  bytesPerSlot: number,
): UploadGate {
  let held = 0;
  const waiting: (() => void)[] = [];
  // Memory of released slots, for the next upload. Dropped when the gate is idle: a burst of
  // uploads allocates `max` arrays, not one per upload (each would be garbage until V8 collects).
  const spare: Uint8Array[] = [];
  const slot = (): UploadSlot => {
    let open = true;
    let memory: Uint8Array | undefined;
    let used = 0;
    return {
      take(size) {
        memory ??= spare.pop() ?? new Uint8Array(bytesPerSlot);
        if (!open || used + size > memory.byteLength) {
          throw new RangeError(`An upload slot lends at most ${bytesPerSlot} bytes.`);
        }
        used += size;
        return memory.subarray(used - size, used);
      },
      release() {
        if (!open) return;
        open = false;
        if (memory) spare.push(memory);
        // The slot goes straight to the first waiter, so `held` stays the same.
        const next = waiting.shift();
        if (next) next();
        else if (--held === 0) spare.length = 0;
      },
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
