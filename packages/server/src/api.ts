/**
 * Everything `@facekit/server` exports, in one list for its two entry files: `index.ts` (Node and
 * anything else) and `edge/index.ts` (edge and worker runtimes). The package's `browser` field
 * empties `index.ts`, and edge bundlers apply that field too, so the edge entry cannot re-export it.
 * @example
 * export * from "./api.ts";
 */
export { createFaceKitHandler } from "./createFaceKitHandler.ts";
export { createDiditClient } from "./didit/createDiditClient.ts";
export type {
  DiditClient,
  DiditClientOptions,
  DiditCompareInput,
  DiditConfig,
  SelfieCompareResultEvent,
} from "./didit/types.ts";
export { faceSignApiVersion } from "./facesign/callFaceSign.ts";
export { createFaceSignClient } from "./facesign/createFaceSignClient.ts";
export type {
  FaceSignClient,
  FaceSignClientOptions,
  FaceSignConfig,
  FaceSignListQuery,
  FaceSignResultEvent,
} from "./facesign/types.ts";
export type { FaceKitRations, RationLimit, RationRoute } from "./internal/createRation.ts";
export { createMemoryStore, type MemoryStoreOptions } from "./store/createMemoryStore.ts";
export type { FaceKitStore, StoreCount } from "./store/types.ts";
export type { AuthorizeResult, FaceKitHandler, FaceKitServerConfig } from "./types.ts";
export { createVerisoulClient } from "./verisoul/createVerisoulClient.ts";
export type {
  FaceMatchResultEvent,
  VerisoulClient,
  VerisoulClientOptions,
  VerisoulConfig,
} from "./verisoul/types.ts";
