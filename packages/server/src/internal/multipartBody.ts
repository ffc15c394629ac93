/** One field of a {@link multipartBody}: text, or a file of bytes already in memory. */
export type MultipartField =
  | { name: string; value: string }
  | { name: string; filename: string; type: string; bytes: Uint8Array };

/** A `multipart/form-data` body that streams from the bytes it was given, with its exact length. */
export interface MultipartBody {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  length: number;
}

const encoder = new TextEncoder();

/** Quotes a form name or file name as browsers do (`"` and line breaks escaped). */
const quote = (text: string) =>
  `"${text.replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/"/g, "%22")}"`;

/**
 * A multipart form whose file parts are sent from the caller's bytes as they are (no copy of an
 * image is made, unlike `FormData`, whose Blobs copy it), one piece each time the connection asks
 * for more, with its exact `content-length`, so a vendor that wants one gets it.
 * @example
 * const { body, contentType, length } = multipartBody([{ name: "user_image", filename: "selfie.jpg", type: "image/jpeg", bytes }]);
 */
export function multipartBody(fields: readonly MultipartField[]): MultipartBody {
  const boundary = `facekit${crypto.randomUUID().replace(/-/g, "")}`;
  const pieces: Uint8Array[] = [];
  for (const field of fields) {
    let head = `--${boundary}\r\ncontent-disposition: form-data; name=${quote(field.name)}`;
    if ("bytes" in field) {
      head += `; filename=${quote(field.filename)}\r\ncontent-type: ${field.type}`;
    }
    pieces.push(encoder.encode(`${head}\r\n\r\n`));
    pieces.push("bytes" in field ? field.bytes : encoder.encode(field.value));
    pieces.push(encoder.encode("\r\n"));
  }
  pieces.push(encoder.encode(`--${boundary}--\r\n`));
  let next = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const piece = pieces[next++];
        if (piece) controller.enqueue(piece);
        else controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  const length = pieces.reduce((total, bytes) => total + bytes.byteLength, 0);
  return { body, contentType: `multipart/form-data; boundary=${boundary}`, length };
}
