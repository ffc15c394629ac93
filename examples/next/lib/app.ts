/**
 * Stand-ins for what a real app already has: its session lookup and its database. The FaceKit
 * code in `facekit.ts` is the README's, word for word, around these two names.
 */

/** The signed-in user: here the `user` cookie (tests set one per test), else one demo user. */
export async function currentUser(request: Request): Promise<{ id: string } | null> {
  const cookie = request.headers.get("cookie") ?? "";
  const id = /(?:^|;\s*)user=([\w-]{1,64})/.exec(cookie)?.[1];
  return { id: id ?? "example-user" };
}

type FaceCheck = Record<string, unknown> & { accountId: string };
const faceChecks: FaceCheck[] = [];

/** An in-memory table of face checks, written only from the vendors' answers (`onResult`). */
export const db = {
  faceChecks: {
    async upsert(row: FaceCheck & { sessionId: string }): Promise<void> {
      const at = faceChecks.findIndex((check) => check.sessionId === row.sessionId);
      if (at === -1) faceChecks.push(row);
      else faceChecks[at] = row;
    },
    async insert(row: FaceCheck): Promise<void> {
      faceChecks.push(row);
    },
  },
};
