/**
 * EXIF orientation (1-8) of a JPEG from its first bytes; 1 when there is none or the bytes are
 * not a well-formed JPEG header. Reads only IFD0's Orientation tag (0x0112), with bounds checks on
 * every read, because the bytes come from the user.
 * @example
 * readExifOrientation(new Uint8Array(await file.slice(0, 65536).arrayBuffer())); // 6
 */
export function readExifOrientation(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number, little = false) =>
    at + 2 <= view.byteLength ? view.getUint16(at, little) : -1;
  if (u16(0) !== 0xffd8) return 1;
  let at = 2;
  while (at + 4 <= view.byteLength) {
    if (view.getUint8(at) !== 0xff) return 1;
    const marker = view.getUint8(at + 1);
    // Start of scan: pixel data follows, no more metadata.
    if (marker === 0xda) return 1;
    const length = u16(at + 2);
    if (length < 2) return 1;
    if (marker === 0xe1 && u16(at + 4) === 0x4578 && u16(at + 6) === 0x6966 && u16(at + 8) === 0) {
      return tiffOrientation(view, at + 10, Math.min(view.byteLength, at + 2 + length));
    }
    at += 2 + length;
  }
  return 1;
}

/** Orientation from the TIFF structure inside an APP1 Exif segment (`start`..`end`). */
function tiffOrientation(view: DataView, start: number, end: number): number {
  const inside = (at: number, size: number) => at >= start && at + size <= end;
  if (!inside(start, 8)) return 1;
  const order = view.getUint16(start);
  if (order !== 0x4949 && order !== 0x4d4d) return 1;
  const little = order === 0x4949;
  const ifd = start + view.getUint32(start + 4, little);
  if (!inside(ifd, 2)) return 1;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (!inside(entry, 12)) return 1;
    if (view.getUint16(entry, little) === 0x0112) {
      const value = view.getUint16(entry + 8, little);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}
