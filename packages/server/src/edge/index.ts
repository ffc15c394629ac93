/**
 * `@facekit/server` for edge and worker runtimes (the `edge-light`, `worker` and `workerd`
 * conditions): the same exports as `index.ts`, from a file the `browser` field leaves alone.
 * @example
 * import { createFaceKitHandler } from "@facekit/server"; // resolved here on the edge
 */
export * from "../api.ts";
