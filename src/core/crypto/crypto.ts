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

/** The value of each base64 character by its char code (the regular expression has checked the text). */
const B64_VALUE = new Uint8Array(128);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;

/** Strict standard base64 (padding required, no whitespace); null when malformed. */
export function fromBase64(text: string): Uint8Array | null {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  const value = (i: number) => (text.charCodeAt(i) === 61 ? 0 : B64_VALUE[text.charCodeAt(i)]!);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n = (value(i) << 18) | (value(i + 1) << 12) | (value(i + 2) << 6) | value(i + 3);
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  // Refuse non-canonical encodings: stray bits in the last character, which encoding again would clear.
  const last = text.length - pad - 1;
  if (pad === 2 && (value(last) & 15) !== 0) return null;
  if (pad === 1 && (value(last) & 3) !== 0) return null;
  return out;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
