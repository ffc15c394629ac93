/**
 * JSON responses shared by every simulated vendor API. Bodies are always JSON with the right
 * content type and `Cache-Control: no-store`, like a real API answering per-request data.
 */
import { readLimitedText } from "./readLimitedText.ts";

/**
 * A JSON `Response`.
 * @example
 * return jsonResponse({ request_id, session_id });
 * return jsonResponse({ request_id, success: false, error: "session_not_found" }, 400);
 */
export function jsonResponse(body: unknown, status = 200, headers?: HeadersInit): Response {
  const res = new Response(JSON.stringify(body), { status, headers });
  res.headers.set("content-type", "application/json; charset=utf-8");
  res.headers.set("cache-control", "no-store");
  return res;
}

/** Flat error body (`{ message, statusCode }`), the shape vendors use outside their own envelope. */
interface FlatErrorBody {
  message: string;
  statusCode: number;
}

/**
 * A flat JSON error, e.g. the 401 for a missing API key.
 * @example
 * return flatError(401, "Unauthorized"); // {"message":"Unauthorized","statusCode":401}
 */
export function flatError(status: number, message: string, headers?: HeadersInit): Response {
  const body: FlatErrorBody = { message, statusCode: status };
  return jsonResponse(body, status, headers);
}

/**
 * Reads a JSON object body. Answers `null` when the body is not valid JSON or not an object, so
 * the caller can turn that into a 400 instead of throwing.
 * @example
 * const body = await readJsonObject(req);
 * if (!body) return flatError(400, "Body must be a JSON object");
 */
export async function readJsonObject(req: Request): Promise<Record<string, unknown> | null> {
  const text = await readLimitedText(req);
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  return value as Record<string, unknown>;
}
