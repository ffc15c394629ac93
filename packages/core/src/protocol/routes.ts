/**
 * The contract between FaceKit's browser packages and the developer's backend
 * (`createFaceKitHandler` from `@facekit/server`). Paths are relative to where the handler is
 * mounted, e.g. `/api/facekit`.
 */
import type { FaceMatchVerdict } from "./verisoul.ts";

/** Route paths, relative to the handler's mount point. */
export const routes = {
  /** POST, no body needed -> {@link FaceMatchSession}. */
  verisoulSession: "verisoul/session",
  /** POST {@link FaceMatchResultRequest} -> {@link FaceMatchResultResponse}. */
  verisoulResult: "verisoul/result",
} as const;

/**
 * A Verisoul session minted by your backend for one attempt. Use it once, before `expiresAt`.
 * `token` binds the session to the signed-in account; the backend checks it on every result call.
 */
export interface FaceMatchSession {
  sessionId: string;
  /** The hosted capture URL, built by the server with its configured `redirect_url` and `lng`. */
  url: string;
  /** Epoch milliseconds after which the session must not be opened. */
  expiresAt: number;
  /** Opaque, signed; send it back to the result route. */
  token: string;
}

/** Body of the result route. */
export interface FaceMatchResultRequest {
  token: string;
}

/** The verified outcome the backend reports for a session. */
export interface FaceMatchResult extends FaceMatchVerdict {
  /** 1:1 authentication against the signed-in account; present when the server enables it. */
  match?: boolean;
  /** Whether the face is now enrolled under the signed-in account; present when enrolment is on. */
  enrolled?: boolean;
}

/** Result route answer: still in progress, or done. Failures come as an error body. */
export type FaceMatchResultResponse =
  | { status: "pending" }
  | { status: "completed"; result: FaceMatchResult };
