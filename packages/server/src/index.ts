/**
 * `@facekit/server`: the developer's backend side of FaceKit. Web-standard only (Request,
 * Response, fetch, WebCrypto), so it runs on Node 20+ and edge runtimes; the Node adapter is
 * `@facekit/server/node`.
 * @example
 * import { createFaceKitHandler } from "@facekit/server";
 * const handler = createFaceKitHandler({ secret, authorize, verisoul: { apiKey, redirectUrl } });
 */
export { createDiditClient } from "./createDiditClient.ts";
export { createFaceKitHandler } from "./createFaceKitHandler.ts";
export { createFaceKitServer } from "./createFaceKitServer.ts";
export { createFaceSignClient } from "./createFaceSignClient.ts";
export { createVerisoulClient } from "./createVerisoulClient.ts";
export type {
  AuthorizeResult,
  DiditClient,
  DiditClientOptions,
  DiditConfig,
  DiditFaceMatchInput,
  FaceKitServer,
  FaceKitServerConfig,
  FaceMatchResultEvent,
  FaceSignClient,
  FaceSignClientOptions,
  FaceSignConfig,
  FaceSignListQuery,
  FaceSignResultEvent,
  SelfieCompareResultEvent,
  VerisoulClient,
  VerisoulClientOptions,
  VerisoulConfig,
} from "./types.ts";
