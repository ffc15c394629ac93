/**
 * Didit standalone face comparison wire types (FaceKit's selfie compare; as the vendor sends them)
 * and the one place they become FaceKit's browser result. Source: shared vendor notes
 * (docs.didit.me standalone-apis/face-match).
 */
import type { SelfieCompareResult } from "./routes.ts";

/** One detected face. `age`/`gender` are not always sent. */
export interface DiditFaceEntity {
  /** `[x1, y1, x2, y2]` in whole pixels. */
  bbox: [number, number, number, number];
  /** 0-1. */
  confidence: number;
  age?: number;
  gender?: "male" | "female";
}

/**
 * Faces found in one of the two images; `best_angle` is the rotation that found them. Only in
 * Didit's OpenAPI example, not promised by the endpoint document: read it as optional.
 */
export interface DiditImageReport {
  entities?: DiditFaceEntity[];
  best_angle?: number;
}

/** A Didit warning. `risk` is the stable code, e.g. `LOW_FACE_MATCH_SIMILARITY`. */
export interface DiditWarning {
  risk: string;
  log_type: "information" | "warning" | "error" | (string & {});
  short_description: string;
  long_description: string;
  additional_data: unknown;
  feature?: string;
}

/**
 * `POST /v3/face-match/` 200 body. Unknown statuses are tolerated as strings; fields beyond
 * these pass through untouched.
 */
export interface DiditCompareBody {
  request_id: string;
  face_match: {
    status: "Approved" | "Declined" | (string & {});
    /** 0-100; `null` (or `0` without `save_api_request`) when no face pair could be scored. */
    score: number | null;
    /** Not promised by the endpoint document (OpenAPI example only). */
    user_image?: DiditImageReport;
    /** Not promised by the endpoint document (OpenAPI example only). */
    ref_image?: DiditImageReport;
    warnings: DiditWarning[];
  };
  /** Echo of the `vendor_data` sent, or `null`; always sent by Didit, not needed by FaceKit. */
  vendor_data?: string | null;
  /** Echo of the `metadata` object sent, or `null`; always sent by Didit, not needed by FaceKit. */
  metadata?: Record<string, unknown> | null;
  /** ISO-8601 UTC with microseconds, e.g. `2026-06-12T01:04:42.763237+00:00`. */
  created_at: string;
}

/** Image types Didit accepts, by the MIME type FaceKit sniffs from the bytes. */
export const diditImageTypes = ["image/jpeg", "image/png", "image/webp", "image/tiff"] as const;

/** One of {@link diditImageTypes}. */
export type DiditImageType = (typeof diditImageTypes)[number];

/** Didit's per-file limit: 5 MB. */
export const diditMaxImageBytes = 5 * 1024 * 1024;

/**
 * The real type of an image from its first bytes (magic numbers), never from its name: JPEG, PNG,
 * WebP or TIFF, else `null`. Needs the first 12 bytes.
 * @example
 * sniffImageType(new Uint8Array(await file.slice(0, 12).arrayBuffer())); // "image/png"
 */
export function sniffImageType(head: Uint8Array): DiditImageType | null {
  const at = (offset: number, bytes: number[]) => bytes.every((b, i) => head[offset + i] === b);
  if (at(0, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return "image/webp";
  if (at(0, [0x49, 0x49, 0x2a, 0x00]) || at(0, [0x4d, 0x4d, 0x00, 0x2a])) return "image/tiff";
  return null;
}

const statuses: Record<string, SelfieCompareResult["status"]> = {
  Approved: "approved",
  Declined: "declined",
};

/**
 * The browser's view of a Didit answer: status in FaceKit's words (`review` for any status beyond
 * Approved/Declined), the score, each warning's code and short description, and face counts
 * (`null` when Didit did not list the faces). A fresh object, so nothing else of the vendor body
 * (bounding boxes, ages) reaches the browser.
 * @example
 * return Response.json(toSelfieCompareResult(await didit.compare(input)));
 */
export function toSelfieCompareResult(body: DiditCompareBody): SelfieCompareResult {
  const { face_match: m } = body;
  return {
    requestId: body.request_id,
    status: statuses[m.status] ?? "review",
    // Without `save_api_request` Didit says 0 for "no face pair could be scored": that is null.
    score: m.warnings.some((w) => w.risk === "NO_REFERENCE_IMAGE") ? null : m.score,
    warnings: m.warnings.map((w) => ({ code: w.risk, message: w.short_description })),
    faces: {
      selfie: m.user_image?.entities?.length ?? null,
      reference: m.ref_image?.entities?.length ?? null,
    },
  };
}
