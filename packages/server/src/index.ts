/**
 * `@facekit/server`: the developer's backend side of FaceKit. Web-standard only (Request,
 * Response, fetch, WebCrypto), so it runs on Node 20+ and edge runtimes; the Node adapter is
 * `@facekit/server/node`.
 * @example
 * import { createFaceKitHandler } from "@facekit/server";
 * export const POST = createFaceKitHandler({ secret, authorize, verisoul: { apiKey, redirectUrl } });
 */
export * from "./api.ts";
