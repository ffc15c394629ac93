/**
 * `@facekit/server`: the developer's backend side of FaceKit. Web-standard only (Request,
 * Response, fetch, WebCrypto), so it runs on Node 20+ and edge runtimes; the Node adapter is
 * `@facekit/server/node`.
 * @example
 * import { createFaceKitHandler } from "@facekit/server";
 * export const POST = createFaceKitHandler({ secret, authorize, verisoul: { apiKey, redirectUrl } });
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
