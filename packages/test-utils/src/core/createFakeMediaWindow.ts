/**
 * The browser around a selfie compare, for core flows (never a fake flow).
 */
import type { SelfieCompareWindow } from "@facekit/core";
import { createFakeCamera } from "./createFakeCamera.ts";
import { createFakeObjectUrls } from "./createFakeObjectUrls.ts";

/**
 * A secure-context window with `camera` and fake object URLs; `liveUrls()` lists the URLs not yet
 * revoked.
 * @example
 * const media = createFakeMediaWindow();
 * const flow = createSelfieCompareFlow({ window: media.win, getGrant, compare, prepare });
 * flow.destroy();
 * expect(media.liveUrls()).toEqual([]);
 */
export function createFakeMediaWindow(camera = createFakeCamera()) {
  const urls = createFakeObjectUrls();
  const win: SelfieCompareWindow = {
    URL: { createObjectURL: urls.createObjectURL, revokeObjectURL: urls.revokeObjectURL },
    navigator: { mediaDevices: camera.mediaDevices },
    isSecureContext: true,
  };
  return { win, camera, liveUrls: urls.live };
}
