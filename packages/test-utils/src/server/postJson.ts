/** Where the harnesses mount the handler, as an app would. */
export const testEndpoint = "https://shop.example/api/facekit";

/**
 * POSTs JSON (`{}` unless given) to `<testEndpoint>/<path>` through `handler`, as the browser
 * client does; `init` overrides any part of the request (headers, body, signal...).
 * @example
 * const response = await postJson(handler, "verisoul/result", { token });
 */
export function postJson(
  handler: (request: Request) => Promise<Response>,
  path: string,
  body: unknown = {},
  init: RequestInit = {},
): Promise<Response> {
  return handler(
    new Request(`${testEndpoint}/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      ...init,
    }),
  );
}
