/**
 * `@facekit/test-utils/react`: stand-ins for the developer's backend routes of each vendor, as the
 * `fetch` (and `XMLHttpRequest`) a `<FaceKitProvider>` takes, and stubs of what jsdom lacks
 * (popups, cameras, object URLs). Vitest only (uses `vi`). Core's fakes are in `…/core`.
 * @example
 * import { createFakeVerisoulBackend, stubWindowOpen } from "@facekit/test-utils/react";
 * const popups = stubWindowOpen();
 * const backend = createFakeVerisoulBackend();
 * render(<FaceKitProvider endpoint="/api/facekit" fetch={backend.fetch}><FaceMatchButton /></FaceKitProvider>);
 */
export {
  approved,
  createFakeDiditBackend,
  declined,
  type ReceivedUpload,
} from "./createFakeDiditBackend.ts";
export { createFakeFaceSignBackend } from "./createFakeFaceSignBackend.ts";
export { createFakeVerisoulBackend } from "./createFakeVerisoulBackend.ts";
export { stubCamera } from "./stubCamera.ts";
export { stubObjectUrls } from "./stubObjectUrls.ts";
export { postFromPopup, stubWindowOpen } from "./stubWindowOpen.ts";
