import type { FaceSignListBody, FaceSignSessionObject } from "@facekit/core/protocol";
import { jsonResponse } from "../internal/jsonResponse.ts";
import type { FaceSignContext } from "./createFaceSignContext.ts";
import { facesignError } from "./facesignError.ts";

type Sorter = (a: FaceSignSessionObject, b: FaceSignSessionObject) => number;

const sorters: Record<string, Sorter | undefined> = {
  createdAt: (a, b) => a.createdAt - b.createdAt,
  finishedAt: (a, b) => (a.finishedAt ?? 0) - (b.finishedAt ?? 0),
  status: (a, b) => a.status.localeCompare(b.status),
};

const invalid = (message: string) =>
  facesignError(400, "validation_error", message, "parameter_invalid");

function unixParam(q: URLSearchParams, name: string): number | null | undefined {
  const raw = q.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  return raw !== "" && Number.isFinite(value) ? value * 1000 : null;
}

/**
 * `GET /sessions`: filters (`status` one or repeated or comma-separated, `clientReferenceId`,
 * `fromDate`/`toDate` unix seconds), `sortBy`/`sortOrder` (default createdAt desc), `limit`
 * 1-100 (25), opaque `cursor` (the last id of the previous page), `includeTotal`.
 * @example
 * listSessionsRoute(ctx, new URL("http://api.test/sessions?limit=10&status=complete"));
 */
export function listSessionsRoute(ctx: FaceSignContext, url: URL): Response {
  const q = url.searchParams;
  const limit = q.has("limit") ? Number(q.get("limit")) : 25;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return invalid("limit must be an integer between 1 and 100");
  }
  const sort = sorters[q.get("sortBy") ?? "createdAt"];
  if (!sort) return invalid("sortBy must be one of createdAt, status, finishedAt");
  const order = q.get("sortOrder") ?? "desc";
  if (order !== "asc" && order !== "desc") return invalid("sortOrder must be asc or desc");
  const from = unixParam(q, "fromDate");
  const to = unixParam(q, "toDate");
  if (from === null || to === null) return invalid("fromDate and toDate must be unix timestamps");
  const statuses = q
    .getAll("status")
    .flatMap((s) => s.split(","))
    .filter(Boolean);
  const ref = q.get("clientReferenceId");

  const all = [...ctx.sessions.values()]
    .map((r) => r.session)
    .filter((s) => statuses.length === 0 || statuses.includes(s.status))
    .filter((s) => ref === null || s.settings.clientReferenceId === ref)
    .filter(
      (s) => (from === undefined || s.createdAt >= from) && (to === undefined || s.createdAt <= to),
    );
  // Stable: insertion order breaks ties, so equal timestamps still page deterministically.
  const sorted = all
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (order === "asc" ? 1 : -1) * (sort(a.s, b.s) || a.i - b.i))
    .map(({ s }) => s);
  const cursor = q.get("cursor");
  let start = 0;
  if (cursor) {
    const at = sorted.findIndex((s) => s.id === cursor);
    if (at < 0) return invalid("cursor is not valid");
    start = at + 1;
  }
  const page = sorted.slice(start, start + limit);
  const hasMore = start + limit < sorted.length;
  const last = page.at(-1);
  const body: FaceSignListBody = { sessions: structuredClone(page), hasMore };
  if (hasMore && last) body.nextCursor = last.id;
  if (q.get("includeTotal") === "true") body.totalCount = sorted.length;
  return jsonResponse(body);
}
