/**
 * Type tests of the server config's shared part (run by the `types` Vitest project with tsc). A
 * `// @ts-expect-error` line is misuse that must not compile: if it ever compiles, tsc reports the
 * directive as unused and the test fails.
 */
import type { AuthorizeResult, FaceKitServerConfig } from "@facekit/server";
import { describe, expectTypeOf, test } from "vitest";

const secret = "a-test-secret-of-at-least-32-characters";
const config = (value: FaceKitServerConfig) => value;

describe("FaceKitServerConfig", () => {
  test("requires secret and authorize", () => {
    expectTypeOf<FaceKitServerConfig>().toHaveProperty("secret").toEqualTypeOf<string>();
    config({ secret, authorize: () => null });
    // @ts-expect-error `secret` is required
    config({ authorize: () => null });
    // @ts-expect-error `authorize` is required
    config({ secret });
  });

  test("authorize gets the Request and may return null (401), sync or async", () => {
    type Authorize = FaceKitServerConfig["authorize"];
    expectTypeOf<Authorize>().parameter(0).toEqualTypeOf<Request>();
    expectTypeOf<null>().toExtend<ReturnType<Authorize>>();
    expectTypeOf<Promise<null>>().toExtend<ReturnType<Authorize>>();
    expectTypeOf<AuthorizeResult>().toExtend<ReturnType<Authorize>>();
    expectTypeOf<Promise<AuthorizeResult>>().toExtend<ReturnType<Authorize>>();

    config({ secret, authorize: async () => null });
    config({ secret, authorize: async (request) => ({ accountId: request.url }) });
  });

  test("authorize names the account, or refuses with null", () => {
    expectTypeOf<AuthorizeResult>().toHaveProperty("accountId").toEqualTypeOf<string>();
    // @ts-expect-error undefined is not a refusal: return null
    config({ secret, authorize: () => undefined });
    // @ts-expect-error a signed-in result needs its accountId
    config({ secret, authorize: async () => ({}) });
    // @ts-expect-error the account id is a string of yours
    config({ secret, authorize: () => ({ accountId: 42 }) });
  });
});
