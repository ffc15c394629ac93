import { FaceKitError } from "@facekit/core/protocol";

/**
 * Runs `fn` and answers the FaceKitError it rejects with; throws (failing the test) on success
 * or on any other rejection.
 * @example
 * expect((await failure(() => client.createSession())).code).toBe("rate_limited");
 */
export async function failure(fn: () => Promise<unknown>): Promise<FaceKitError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof FaceKitError) return error;
    throw new Error(`expected a FaceKitError, got ${String(error)}`);
  }
  throw new Error("expected a FaceKitError, got success");
}
