/**
 * The cryptography the ledger needs, behind one small synchronous interface: node:crypto on the
 * server (fast), @noble in the browser. Keys are raw bytes: a 32-byte Ed25519 seed (private) and a
 * 32-byte public key.
 */
export interface Crypto {
  sha256(data: Uint8Array): Uint8Array;
  hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array;
  ed25519PublicKey(seed: Uint8Array): Uint8Array;
  ed25519Sign(seed: Uint8Array, message: Uint8Array): Uint8Array;
  ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
  randomBytes(n: number): Uint8Array;
}

/** Constant-time comparison of two byte strings. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Each byte's two hex digits. */
const HEX_DIGITS = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * The bytes in lower-case hex, as one flat string. Built by `+=` a piece at a time, a leaf hash was
 * a rope of 64 small strings (some 1.3 KB where 80 bytes do): a log's evaluator keeps one per
 * event, and a million of them filled the judging worker's heap.
 */
export function toHex(bytes: Uint8Array): string {
  const parts = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) parts[i] = HEX_DIGITS[bytes[i]!]!;
  return parts.join('');
}

export function fromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) throw new Error('not lower-case hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding, without relying on Buffer or btoa. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return out;
}

/** The value of each base64 character by its char code; -1 for every other code below 128. */
const B64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;

/** The value of the base64 character at `i` of `text`; -1 when it is none. */
function b64At(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 128 ? B64_VALUE[c]! : -1;
}

/**
 * Strict standard base64 (padding required, no whitespace); null when malformed. Read in one pass
 * (a signature in each event of a log is read so): every group of four characters is of the
 * alphabet, but for one or two `=` that end the text, and the bits the padding leaves over are zero.
 */
export function fromBase64(text: string): Uint8Array | null {
  const length = text.length;
  if (length % 4 !== 0) return null;
  const pad =
    length === 0 || text.charCodeAt(length - 1) !== 61 ? 0 : text.charCodeAt(length - 2) === 61 ? 2 : 1;
  const out = new Uint8Array((length / 4) * 3 - pad);
  const whole = pad === 0 ? length : length - 4;
  let o = 0;
  for (let i = 0; i < whole; i += 4) {
    const a = b64At(text, i);
    const b = b64At(text, i + 1);
    const c = b64At(text, i + 2);
    const d = b64At(text, i + 3);
    if ((a | b | c | d) < 0) return null;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  if (pad === 0) return out;
  // The last group: two characters and `==`, or three and `=`; the bits left over must be zero
  // (encoding again would clear them: a text with them set is not the canonical encoding).
  const a = b64At(text, whole);
  const b = b64At(text, whole + 1);
  if ((a | b) < 0) return null;
  if (pad === 2) {
    if ((b & 15) !== 0) return null;
    out[o] = (a << 2) | (b >> 4);
    return out;
  }
  const c = b64At(text, whole + 2);
  if (c < 0 || (c & 3) !== 0) return null;
  out[o++] = (a << 2) | (b >> 4);
  out[o] = ((b & 15) << 4) | (c >> 2);
  return out;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
