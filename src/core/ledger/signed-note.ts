import { bytesEqual, type Crypto, fromBase64, toBase64, utf8 } from '../crypto/crypto.ts';
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

export interface NoteSignature {
  name: string;
  keyHash: number;
  /** The signature bytes after the 4-byte key hash. */
  bytes: Uint8Array;
}

const MAX_SIGNATURES = 100;

/** A key name: non-empty, no '+', no whitespace or control characters (C2SP signed-note). */
export function isKeyName(name: string): boolean {
  return name.length > 0 && !/[+\s\p{Cc}]/u.test(name);
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
  crypto: Crypto,
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
  if (!raw || raw.length !== 33) bad('the key data is not base64 of 33 bytes');
  return { name, hash: Number.parseInt(hash, 16), alg: raw![0]!, key: raw!.slice(1) };
}

/** Parses a verifier key of the Ed25519 or cosignature/v1 algorithm, checking its key hash. */
export function parseVerifierKey(crypto: Crypto, text: string): Verifier {
  const { name, hash, alg, key } = parseKeyParts(crypto, text, 'verifier key');
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
  const { name, hash, alg, key } = parseKeyParts(crypto, text.slice('PRIVATE+KEY+'.length), 'private key');
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

/** A note's text must be UTF-8 lines without control characters, ending in a newline. */
function checkText(text: string): void {
  if (!text.endsWith('\n')) throw new LedgerError('note-malformed', 'A note text must end with a newline.');
  if (/[\p{Cc}](?<!\n)/u.test(text))
    throw new LedgerError('note-malformed', 'A note text may not hold control characters.');
}

/** The signature line `— name base64(keyhash || signature)`. */
export function formatSignatureLine(sig: NoteSignature): string {
  const body = new Uint8Array(4 + sig.bytes.length);
  new DataView(body.buffer).setUint32(0, sig.keyHash);
  body.set(sig.bytes, 4);
  return `\u2014 ${sig.name} ${toBase64(body)}\n`;
}

/** Signs `text` with each signer: the note is the text, a blank line, and one line per signature. */
export function signNote(crypto: Crypto, text: string, signers: Signer[]): string {
  checkText(text);
  const lines = signers.map((s) =>
    formatSignatureLine({ name: s.name, keyHash: s.keyHash, bytes: crypto.ed25519Sign(s.seed, utf8(text)) }),
  );
  return `${text}\n${lines.join('')}`;
}

/** Splits a signed note into its text and its signatures, without verifying anything. */
export function splitNote(note: string): { text: string; signatures: NoteSignature[] } {
  const at = note.lastIndexOf('\n\n');
  if (at < 0)
    throw new LedgerError('note-malformed', 'A signed note has its text, a blank line, then signatures.');
  const text = note.slice(0, at + 1);
  checkText(text);
  const block = note.slice(at + 2);
  if (!block.endsWith('\n'))
    throw new LedgerError('note-malformed', 'The signature block must end with a newline.');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES)
    throw new LedgerError('note-malformed', `A note may carry at most ${MAX_SIGNATURES} signatures.`);
  const signatures = lines.map((line) => {
    const m = /^\u2014 (\S+) (\S+)$/u.exec(line);
    const raw = m ? fromBase64(m[2]!) : null;
    if (!m || !raw || raw.length < 5 || !isKeyName(m[1]!)) {
      throw new LedgerError(
        'note-malformed',
        `Malformed signature line: ${JSON.stringify(line.slice(0, 80))}.`,
      );
    }
    return {
      name: m[1]!,
      keyHash: new DataView(raw.buffer, raw.byteOffset).getUint32(0),
      bytes: raw.slice(4),
    };
  });
  return { text, signatures };
}

/**
 * Opens a signed note (C2SP signed-note): every signature by a known Ed25519 verifier must be
 * valid, signatures by unknown keys are kept apart, and at least one known signature is required.
 */
export function openNote(
  crypto: Crypto,
  note: string,
  verifiers: Verifier[],
): { text: string; verified: Verifier[]; unverified: NoteSignature[] } {
  const { text, signatures } = splitNote(note);
  const verified: Verifier[] = [];
  const unverified: NoteSignature[] = [];
  for (const sig of signatures) {
    const v = verifiers.find(
      (k) => k.name === sig.name && k.keyHash === sig.keyHash && k.algorithm === ALG_ED25519,
    );
    if (!v) {
      unverified.push(sig);
      continue;
    }
    if (!crypto.ed25519Verify(v.publicKey, utf8(text), sig.bytes)) {
      throw new LedgerError(
        'note-bad-signature',
        `The signature of "${sig.name}" on this note is not valid.`,
      );
    }
    if (!verified.some((x) => bytesEqual(x.publicKey, v.publicKey))) verified.push(v);
  }
  if (verified.length === 0) {
    throw new LedgerError('note-unknown-key', 'No signature on this note is from a known key.');
  }
  return { text, verified, unverified };
}
