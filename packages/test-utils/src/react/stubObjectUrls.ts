/**
 * Object URLs for jsdom (which has none): core's fake object URLs installed on `URL`.
 */
import { createFakeObjectUrls } from "../core/createFakeObjectUrls.ts";

/**
 * Stubs `URL.createObjectURL`/`revokeObjectURL` with {@link createFakeObjectUrls} (`blob:1`,
 * `blob:2`...); `live()` lists those not yet revoked. Undo with `restore()`.
 * @example
 * let urls: ReturnType<typeof stubObjectUrls>;
 * beforeEach(() => {
 *   urls = stubObjectUrls();
 * });
 * afterEach(() => urls.restore());
 */
export function stubObjectUrls() {
  const fake = createFakeObjectUrls();
  const saved = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  URL.createObjectURL = fake.createObjectURL;
  URL.revokeObjectURL = fake.revokeObjectURL;
  return {
    live: fake.live,
    restore() {
      URL.createObjectURL = saved.create;
      URL.revokeObjectURL = saved.revoke;
    },
  };
}
