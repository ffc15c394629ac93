import type { FaceKitStore } from "./types.ts";

/**
 * One read of the store, so that a route about to spend a vendor call fails closed first: a store
 * that fails or times out rejects (`store_unavailable` for FaceKit's stores) and nothing is spent.
 * @example
 * await assertStoreReachable(app.store); // then create the vendor session
 */
export async function assertStoreReachable(store: FaceKitStore): Promise<void> {
  await store.get("health");
}
