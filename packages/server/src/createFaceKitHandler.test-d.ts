/**
 * Type tests of the handler's shape (run by the `types` Vitest project with tsc): one factory,
 * whose result is the Web-standard handler itself and carries `mintFaceMatchSession`; each
 * vendor's `onResult` lives in its own block.
 */
import type { FaceMatchSession } from "@facekit/core/protocol";
import {
  createFaceKitHandler,
  type FaceKitHandler,
  type FaceKitServerConfig,
  type FaceMatchResultEvent,
} from "@facekit/server";
import { describe, expectTypeOf, test } from "vitest";

const secret = "a-test-secret-of-at-least-32-characters";
const authorize = () => null;
const config = (value: FaceKitServerConfig) => value;

describe("createFaceKitHandler", () => {
  test("returns a FaceKitHandler: a Request -> Response function, as frameworks take one", () => {
    expectTypeOf(createFaceKitHandler).returns.toEqualTypeOf<FaceKitHandler>();
    expectTypeOf<FaceKitHandler>().toExtend<(request: Request) => Promise<Response>>();
    expectTypeOf<FaceKitHandler>().parameters.toEqualTypeOf<[request: Request]>();
  });

  test("carries mintFaceMatchSession for server-side rendering", () => {
    type Mint = FaceKitHandler["mintFaceMatchSession"];
    expectTypeOf<Mint>().parameter(0).toEqualTypeOf<string>();
    expectTypeOf<Mint>().returns.toEqualTypeOf<Promise<FaceMatchSession>>();
    // @ts-expect-error there is no `handle` any more: the handler is the function
    ({}) as FaceKitHandler["handle"];
  });

  test("carries check(), the boot-time config check: no arguments, throws or returns nothing", () => {
    expectTypeOf<FaceKitHandler["check"]>().toEqualTypeOf<() => void>();
  });

  test("Verisoul's onResult sits in the verisoul block, like FaceSign's and Didit's", () => {
    const verisoul = { apiKey: "k", redirectUrl: "https://app.example/cb" };
    const onResult = ({ accountId }: FaceMatchResultEvent, request: Request) =>
      console.info(accountId, request.url);
    config({ secret, authorize, verisoul: { ...verisoul, onResult } });
    expectTypeOf<NonNullable<NonNullable<FaceKitServerConfig["verisoul"]>["onResult"]>>()
      .parameter(0)
      .toEqualTypeOf<FaceMatchResultEvent>();
    // @ts-expect-error not at the top level any more
    config({ secret, authorize, verisoul, onResult: () => {} });
    // @ts-expect-error Verisoul's API host is `baseUrl`, like FaceSign's and Didit's
    config({ secret, authorize, verisoul: { ...verisoul, apiBaseUrl: "https://x.test" } });
  });
});
