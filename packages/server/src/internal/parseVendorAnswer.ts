import { FaceKitError } from "@facekit/core/protocol";
import * as v from "valibot";

/** Which answer is parsed, for the error message. */
interface VendorAnswerLabel {
  /** Vendor name, e.g. "Didit". */
  vendor: string;
  /** The call, e.g. "POST /v3/face-match/". */
  label: string;
}

/**
 * Reads a vendor's 2xx answer with a tolerant schema (only the fields FaceKit needs are checked;
 * everything else passes through). When a needed field is missing or unusable it throws
 * `vendor_unavailable` whose message names the field, e.g. `face_match.score`: an answer we
 * cannot read is the vendor failing, not the caller.
 * @example
 * const body = parseVendorAnswer(compareBodySchema, json, { vendor: "Didit", label: "POST /v3/face-match/" });
 */
export function parseVendorAnswer<const S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  { vendor, label }: VendorAnswerLabel,
): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const [issue] = result.issues;
  const field = (issue && v.getDotPath(issue)) || "(the body)";
  const got = issue?.received ?? "nothing";
  throw new FaceKitError(
    "vendor_unavailable",
    `${vendor} sent an answer FaceKit cannot use (${label}): field "${field}" is missing or invalid (expected ${issue?.expected ?? "a value"}, got ${got}).`,
    { cause: new v.ValiError(result.issues) },
  );
}
