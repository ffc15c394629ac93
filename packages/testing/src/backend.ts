/**
 * `@facekit/testing/backend`: a FaceKit backend in the test's own process (the simulated vendors
 * behind `createFaceKitHandler`), for React Testing Library in jsdom and Vitest's browser mode.
 * @example
 * import { createTestBackend } from "@facekit/testing/backend";
 */

export { createInProcessXhr } from "./backend/createInProcessXhr.ts";
export {
  createTestBackend,
  type TestBackend,
  type TestBackendOptions,
} from "./backend/createTestBackend.ts";
