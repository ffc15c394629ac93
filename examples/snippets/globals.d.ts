/**
 * The names README code blocks leave to the reader (your session lookup, your database, your
 * logger...), declared for `scripts/check-snippets.mjs`. Everything FaceKit's own is imported in
 * the blocks themselves, from the packed packages.
 */
declare function currentUser(request: Request): Promise<{ id: string } | null>;
declare const db: {
  faceChecks: {
    upsert(row: Record<string, unknown>): Promise<void>;
    insert(row: Record<string, unknown>): Promise<void>;
  };
  user: { update(query: Record<string, unknown>): Promise<void> };
};
declare const log: { warn(error: unknown): void };
declare const app: import("express").Express;
declare function authorize(request: Request): Promise<{ accountId: string } | null>;
declare const config: import("@facekit/server").FaceKitServerConfig;
declare const faceSignFlow: import("@facekit/core/protocol").FaceSignNode[];
declare const photos: { enrolled(accountId: string): Promise<Uint8Array | null> };
