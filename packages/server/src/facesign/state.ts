import type { FaceKitStore } from "../store/types.ts";
import {
  createFaceSignEndReporter,
  type FaceSignEndReporter,
} from "./createFaceSignEndReporter.ts";
import {
  createFaceSignStatusCache,
  type FaceSignStatusCache,
} from "./createFaceSignStatusCache.ts";
import type { ResolvedFaceSign } from "./resolveFaceSign.ts";

/** What FaceSign's routes keep, all of it in the handler's store (see each part). */
export interface FaceSignState {
  store: FaceKitStore;
  statuses: FaceSignStatusCache;
  /** Hands a finished session to `onResult`, once across instances; a no-op without it. */
  reportEnd: FaceSignEndReporter;
}

/**
 * FaceSign's state of one handler, over the app's store.
 * @example
 * const state = createFaceSignState(app.store, facesign);
 */
export function createFaceSignState(
  store: FaceKitStore,
  facesign: ResolvedFaceSign,
): FaceSignState {
  return {
    store,
    statuses: createFaceSignStatusCache(store, facesign.expose),
    reportEnd: createFaceSignEndReporter(facesign.onResult, store),
  };
}
