/** Text read as UTF-8, or where it stops being UTF-8 (a Latin-1 é, a cut character…). */
export type Utf8Result =
  | { ok: true; text: string }
  | { ok: false; line: number; column: number; byte: number; offset: number };

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Length of the valid UTF-8 sequence at `i`, or 0 when the bytes there are not UTF-8. */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const c = bytes[i + k];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * Decodes UTF-8 strictly: bytes that are not UTF-8 are never turned into replacement characters;
 * the answer says where the first of them is (line and column from 1, in characters).
 */
export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  try {
    return { ok: true, text: fatal.decode(bytes) };
  } catch {
    let i = 0;
    let line = 1;
    let lineStart = 0;
    for (;;) {
      const n = sequenceAt(bytes, i);
      if (n === 0) break;
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
      i += n;
    }
    const column = [...fatal.decode(bytes.subarray(lineStart, i))].length + 1;
    return { ok: false, line, column, byte: bytes[i]!, offset: i };
  }
}

/** What to tell a person about the first byte that is not UTF-8. */
export function notUtf8Message(r: { byte: number }): string {
  const hex = r.byte.toString(16).toUpperCase().padStart(2, '0');
  return `byte 0x${hex} is not UTF-8 text (a Latin-1 or Windows-1252 file?); save it as UTF-8 and try again`;
}
