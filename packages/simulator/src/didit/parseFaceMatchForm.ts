import { checkImageField, decodeUpload, type UploadedImage } from "./checkImageField.ts";
import type { FieldErrors } from "./diditError.ts";

/** A valid `POST /v3/face-match/` request, with Didit's defaults filled in. */
export interface FaceMatchInput {
  user: UploadedImage;
  ref: UploadedImage;
  /** 0-100, default 30. */
  threshold: number;
  /** Default false. */
  rotateImage: boolean;
  /** Default true. */
  saveApiRequest: boolean;
  vendorData: string | null;
  metadata: Record<string, unknown> | null;
}

/** The values Django REST framework's `BooleanField` accepts. */
const trueValues = ["t", "y", "yes", "true", "on", "1"];
const falseValues = ["f", "n", "no", "false", "off", "0"];

type Parsed<T> = { value: T } | { error: string };

function parseBoolean(raw: string, fallback: boolean): Parsed<boolean> {
  const v = raw.trim().toLowerCase();
  if (trueValues.includes(v)) return { value: true };
  if (falseValues.includes(v)) return { value: false };
  return raw === "" ? { value: fallback } : { error: "Must be a valid boolean." };
}

function parseThreshold(raw: string): Parsed<number> {
  if (!/^\s*-?\d+(\.0*)?\s*$/.test(raw)) return { error: "A valid integer is required." };
  const value = Number.parseInt(raw, 10);
  if (value < 0) return { error: "Ensure this value is greater than or equal to 0." };
  if (value > 100) return { error: "Ensure this value is less than or equal to 100." };
  return { value };
}

function parseMetadata(raw: string): Parsed<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { error: "Value must be valid JSON." };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { error: "Value must be a JSON object." };
  }
  return { value: value as Record<string, unknown> };
}

/**
 * Validates a face-match form as Didit documents it, reporting every bad field at once (DRF
 * style), then decodes the images. Unknown fields are ignored.
 * @example
 * const parsed = await parseFaceMatchForm(form);
 * if (!parsed.ok) return fieldErrors(parsed.errors);
 */
export async function parseFaceMatchForm(
  form: FormData,
): Promise<{ ok: true; input: FaceMatchInput } | { ok: false; errors: FieldErrors }> {
  const errors: FieldErrors = {};
  const text = <T>(name: string, parse: (raw: string) => Parsed<T>, fallback: T): T => {
    const raw = form.get(name);
    if (raw === null) return fallback;
    const parsed = typeof raw === "string" ? parse(raw) : { error: "Not a valid string." };
    if ("value" in parsed) return parsed.value;
    errors[name] = [parsed.error];
    return fallback;
  };
  const userFile = checkImageField(form.get("user_image"));
  const refFile = checkImageField(form.get("ref_image"));
  if (Array.isArray(userFile)) errors.user_image = userFile;
  if (Array.isArray(refFile)) errors.ref_image = refFile;
  const input = {
    threshold: text("face_match_score_decline_threshold", parseThreshold, 30),
    rotateImage: text("rotate_image", (raw) => parseBoolean(raw, false), false),
    saveApiRequest: text("save_api_request", (raw) => parseBoolean(raw, true), true),
    vendorData: text<string | null>("vendor_data", (raw) => ({ value: raw }), null),
    metadata: text<Record<string, unknown> | null>("metadata", parseMetadata, null),
  };
  if (Array.isArray(userFile) || Array.isArray(refFile) || Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  // Decoding is the expensive part: only once everything else is valid.
  const [user, ref] = [await decodeUpload(userFile), await decodeUpload(refFile)];
  if (Array.isArray(user)) errors.user_image = user;
  if (Array.isArray(ref)) errors.ref_image = ref;
  if (Array.isArray(user) || Array.isArray(ref)) return { ok: false, errors };
  return { ok: true, input: { ...input, user, ref } };
}
