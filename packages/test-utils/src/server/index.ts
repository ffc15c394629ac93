/**
 * `@facekit/test-utils/server`: harnesses of `@facekit/server`'s tests, each a FaceKit handler wired
 * to an in-process vendor simulator, with helpers that play the browser and the person; and
 * `startRedis()`, a throwaway `redis-server` for the Redis store's tests.
 * @example
 * import { createVerisoulHarness } from "@facekit/test-utils/server";
 * const t = createVerisoulHarness({ enroll: true });
 * const session = await t.mint();
 */
export { createDiditHarness, loadPhotos } from "./createDiditHarness.ts";
export {
  createFaceSignHarness,
  type HostedPage,
  testWebhookSecret,
  testWebhookUrl,
} from "./createFaceSignHarness.ts";
export { createVerisoulHarness, type VerisoulHarness } from "./createVerisoulHarness.ts";
export {
  createVerisoulSimHarness,
  simAppBaseUrl,
  testRedirectUrl,
  type VerisoulSimHarness,
} from "./createVerisoulSimHarness.ts";
export { failure } from "./failure.ts";
export { freePort } from "./freePort.ts";
export { postJson, testEndpoint } from "./postJson.ts";
export { signedWebhook } from "./signedWebhook.ts";
export { startRedis, type TestRedis } from "./startRedis.ts";
export { testSecret } from "./testSecret.ts";
