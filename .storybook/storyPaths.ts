/**
 * The paths Storybook's live stories use, the same in `storybook dev` (`facekitStoryBackend.ts`)
 * and in the static build (`static/storyWorker.ts`). No imports: Storybook's config loads it.
 */

/** Where a story finds the simulators (GET, JSON). */
export const storyConfigPath = "/__facekit-story/config";
/** The page the hosted flow returns to. */
export const storyCallbackPath = "/__facekit-story/callback.html";
/** The simulator's test photos: `/__facekit-story/photos/personA`. */
export const storyPhotoFiles = {
  personA: "personA.jpg",
  personA2: "personA-2.jpg",
  personB: "personB.jpg",
  noFace: "noface.png",
} as const;
/** Where a story asks for one of {@link storyPhotoFiles}, by name. */
export const storyPhotoPath = /^\/__facekit-story\/photos\/(personA|personA2|personB|noFace)$/;
/** The static build's preview pings its service worker here, so it is not stopped as idle. */
export const storyKeepAlivePath = "/__facekit-story/alive";
/** The backend and its variants: `/api/facekit-login/...`. */
export const storyBackendPath = /^\/api\/facekit(-signed-out|-login|-bad-key|-offline)?\//;
/** FaceSign signs its webhooks to the story backend with it. */
export const storyWebhookSecret = "whsec_storybook_only";
/** The static build's service worker, next to `iframe.html`. */
export const storyWorkerFile = "facekit-story-worker.js";
