import { diditMaxImageBytes, sniffImageType } from "@facekit/core/protocol";
import { decodeImage } from "#decodeImage";
import type { RgbaImage } from "./resizeArea.ts";

/** File name extensions Didit lists for `user_image`/`ref_image`. */
const diditImageExtensions = ["tiff", "jpg", "jpeg", "png", "webp"] as const;

/** An accepted upload: its bytes, sniffed MIME type and decoded pixels. */
export interface UploadedImage {
  bytes: Uint8Array<ArrayBuffer>;
  type: string;
  image: RgbaImage;
}

/** Django's `FileExtensionValidator` wording (Didit checks the name's extension [C]). */
function badExtension(name: string): string | null {
  const dot = name.lastIndexOf(".");
  const ext = dot >= 0 ? name.slice(dot + 1).toLowerCase() : "";
  if ((diditImageExtensions as readonly string[]).includes(ext)) return null;
  return `File extension “${ext}” is not allowed. Allowed extensions are: ${diditImageExtensions.join(", ")}.`;
}

/**
 * Checks one image field as Didit documents (required, allowed extension, at most 5 MB).
 * Answers the file, or the field's messages (DRF wording [I]).
 * @example
 * const user = checkImageField(form.get("user_image"));
 * if (Array.isArray(user)) errors.user_image = user;
 */
export function checkImageField(value: FormDataEntryValue | null): File | string[] {
  if (value === null) return ["No file was submitted."];
  if (typeof value === "string") {
    return ["The submitted data was not a file. Check the encoding type on the form."];
  }
  if (!value.name) return ["No filename could be determined."];
  const extension = badExtension(value.name);
  if (extension) return [extension];
  if (value.size === 0) return ["The submitted file is empty."];
  if (value.size > diditMaxImageBytes) return ["File size must not exceed 5 MB."];
  return value;
}

/**
 * Decodes a checked upload by its content (whatever its name says). Answers the upload, or the
 * field's message when it is not a decodable JPEG, PNG, TIFF or WebP.
 * @example
 * const user = await decodeUpload(file);
 */
export async function decodeUpload(file: File): Promise<UploadedImage | string[]> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const image = await decodeImage(bytes);
  const type = sniffImageType(bytes.subarray(0, 12));
  if (!image || !type) {
    return [
      "Upload a valid image. The file you uploaded was either not an image or a corrupted image.",
    ];
  }
  return { bytes, type, image };
}
