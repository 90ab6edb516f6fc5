/**
 * C2SP signed-note keys: verifier keys `name+hash+base64(type || public key)`, private keys
 * `PRIVATE+KEY+name+hash+base64(type || seed)`, and the 4-byte key hash (key ID) that ties a
 * signature line to a key. https://c2sp.org/signed-note#verifier-keys
 */
import { type Crypto, fromBase64, toBase64, utf8 } from '../crypto/crypto.ts';
import { LedgerError } from './ledger-error.ts';

/** C2SP signed-note: the algorithm byte of an Ed25519 key; 0x04 is the cosignature/v1 variant. */
export const ALG_ED25519 = 0x01;
export const ALG_COSIGNATURE_V1 = 0x04;

/** A verifier: a named public key with its 4-byte key hash. */
export interface Verifier {
  name: string;
  keyHash: number;
  algorithm: number;
  publicKey: Uint8Array;
}

/** A signer: a verifier plus the private seed. Its seed is never printed or logged. */
export interface Signer extends Verifier {
  seed: Uint8Array;
}

/** A UTF-16 surrogate outside a pair: such a string has no UTF-8 form, so it cannot be signed. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** C2SP signed-note: "Key names MUST be non-empty and MUST NOT contain any Unicode spaces or plus". */
export function isKeyName(name: string): boolean {
  return (
    name.length > 0 && !/[+\p{White_Space}]/u.test(name) && !hasControl(name) && !LONE_SURROGATE.test(name)
  );
}

/** Whether a string holds an ASCII control character (below U+0020) other than newline. */
export function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x0a) return true;
  }
  return false;
}

/** Key hash: the first 4 bytes of SHA-256(name || "\n" || algorithm || public key), big-endian. */
export function keyHash(crypto: Crypto, name: string, algorithm: number, publicKey: Uint8Array): number {
  const nameBytes = utf8(`${name}\n`);
  const data = new Uint8Array(nameBytes.length + 1 + publicKey.length);
  data.set(nameBytes);
  data[nameBytes.length] = algorithm;
  data.set(publicKey, nameBytes.length + 1);
  const h = crypto.sha256(data);
  return ((h[0]! << 24) | (h[1]! << 16) | (h[2]! << 8) | h[3]!) >>> 0;
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

/** The verifier key text, `name+hash+base64(algorithm || public key)`. */
export function formatVerifierKey(v: Verifier): string {
  return `${v.name}+${hex8(v.keyHash)}+${toBase64(new Uint8Array([v.algorithm, ...v.publicKey]))}`;
}

function parseKeyParts(
  text: string,
  what: string,
): { name: string; hash: number; alg: number; key: Uint8Array } {
  const bad = (why: string): never => {
    throw new LedgerError('key-malformed', `The ${what} is malformed: ${why}.`);
  };
  // The key data is base64 and may itself hold '+': cut at the first two only.
  const first = text.indexOf('+');
  const second = text.indexOf('+', first + 1);
  if (first < 0 || second < 0) bad('expected name+hash+key');
  const [name, hash, data] = [text.slice(0, first), text.slice(first + 1, second), text.slice(second + 1)];
  if (!isKeyName(name)) bad('the name is empty or has "+" or white space');
  if (!/^[0-9a-f]{8}$/.test(hash)) bad('the key hash is not 8 lower-case hex digits');
  const raw = fromBase64(data);
  if (raw?.length !== 33) return bad('the key data is not base64 of 33 bytes');
  return { name, hash: Number.parseInt(hash, 16), alg: raw[0]!, key: raw.slice(1) };
}

/** Parses a verifier key of the Ed25519 or cosignature/v1 algorithm, checking its key hash. */
export function parseVerifierKey(crypto: Crypto, text: string): Verifier {
  const { name, hash, alg, key } = parseKeyParts(text, 'verifier key');
  if (alg !== ALG_ED25519 && alg !== ALG_COSIGNATURE_V1) {
    throw new LedgerError(
      'key-malformed',
      `The verifier key uses algorithm ${alg}; only Ed25519 (1) and cosignature/v1 (4) are known.`,
    );
  }
  if (keyHash(crypto, name, alg, key) !== hash) {
    throw new LedgerError('key-malformed', `The key hash of "${name}" does not match its key.`);
  }
  return { name, keyHash: hash, algorithm: alg, publicKey: key };
}

/** Parses a private key `PRIVATE+KEY+name+hash+base64(algorithm || seed)`. */
export function parseSignerKey(crypto: Crypto, text: string): Signer {
  if (!text.startsWith('PRIVATE+KEY+'))
    throw new LedgerError('key-malformed', 'A private key starts with PRIVATE+KEY+.');
  const { name, hash, alg, key } = parseKeyParts(text.slice('PRIVATE+KEY+'.length), 'private key');
  if (alg !== ALG_ED25519 && alg !== ALG_COSIGNATURE_V1)
    throw new LedgerError('key-malformed', `Unknown key algorithm ${alg}.`);
  const publicKey = crypto.ed25519PublicKey(key);
  if (keyHash(crypto, name, alg, publicKey) !== hash) {
    throw new LedgerError('key-malformed', `The key hash of private key "${name}" does not match its key.`);
  }
  return { name, keyHash: hash, algorithm: alg, publicKey, seed: key };
}

export function formatSignerKey(s: Signer): string {
  return `PRIVATE+KEY+${s.name}+${hex8(s.keyHash)}+${toBase64(new Uint8Array([s.algorithm, ...s.seed]))}`;
}

/** A new signer named `name` with a fresh random key. */
export function generateSigner(crypto: Crypto, name: string, algorithm = ALG_ED25519): Signer {
  if (!isKeyName(name))
    throw new LedgerError('key-malformed', `"${name}" cannot name a key: no "+", no spaces.`);
  const seed = crypto.randomBytes(32);
  const publicKey = crypto.ed25519PublicKey(seed);
  return { name, keyHash: keyHash(crypto, name, algorithm, publicKey), algorithm, publicKey, seed };
}

/** Go's note.GenerateKey: a fresh key as its private key text and its verifier key text. */
export function generateKey(
  crypto: Crypto,
  name: string,
  algorithm = ALG_ED25519,
): { signerKey: string; verifierKey: string } {
  const signer = generateSigner(crypto, name, algorithm);
  return { signerKey: formatSignerKey(signer), verifierKey: formatVerifierKey(signer) };
}
