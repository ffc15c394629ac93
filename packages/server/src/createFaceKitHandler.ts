import { createFaceKitServer } from "./createFaceKitServer.ts";
import type { FaceKitServerConfig } from "./types.ts";

/**
 * The request handler alone: `createFaceKitServer(config).handle`. Mount it wherever your
 * framework takes a `Request -> Response` function; it routes by path suffix, so any prefix works.
 * @example
 * // app/api/facekit/[...path]/route.ts (Next.js)
 * export const POST = createFaceKitHandler({
 *   secret: process.env.FACEKIT_SECRET!,
 *   authorize: (request) => getAccount(request),
 *   verisoul: { apiKey: process.env.VERISOUL_API_KEY!, redirectUrl: "https://app.example.com/cb" },
 * });
 */
export function createFaceKitHandler(
  config: FaceKitServerConfig,
): (request: Request) => Promise<Response> {
  return createFaceKitServer(config).handle;
}
