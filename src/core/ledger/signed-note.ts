/**
 * C2SP signed-note (https://c2sp.org/signed-note): a text ending in a newline, a blank line,
 * and signature lines `— name base64(key ID || signature)`. Keys are in note-keys.ts.
 */
import { bytesEqual, type Crypto, fromBase64, toBase64, utf8 } from '../crypto/crypto.ts';
import { LedgerError } from './ledger-error.ts';
import {
  ALG_ED25519,
  hasControl,
  isKeyName,
  LONE_SURROGATE,
  type Signer,
  type Verifier,
} from './note-keys.ts';

export {
  ALG_COSIGNATURE_V1,
  ALG_ED25519,
  formatSignerKey,
  formatVerifierKey,
  generateKey,
  generateSigner,
  isKeyName,
  keyHash,
  parseSignerKey,
  parseVerifierKey,
  type Signer,
  type Verifier,
} from './note-keys.ts';

export interface NoteSignature {
  name: string;
  keyHash: number;
  /** The signature bytes after the 4-byte key hash. */
  bytes: Uint8Array;
}

/** Verifiers "MUST accept at least up to 16 signatures"; this one takes up to 100, as Go's does. */
const MAX_SIGNATURES = 100;

/**
 * C2SP signed-note: "Signed notes MUST be valid UTF-8 and MUST NOT contain any ASCII control
 * characters (those below U+0020) other than newline." A string is valid UTF-8 when it has no
 * lone surrogate.
 */
function checkChars(what: string, text: string): void {
  if (hasControl(text))
    throw new LedgerError('note-malformed', `${what} may not hold control characters other than newline.`);
  if (LONE_SURROGATE.test(text))
    throw new LedgerError('note-malformed', `${what} is not valid Unicode (a lone UTF-16 surrogate).`);
}

/** C2SP signed-note: "a text ending in newline (U+000A)". */
function checkText(text: string): void {
  if (!text.endsWith('\n')) throw new LedgerError('note-malformed', 'A note text must end with a newline.');
  checkChars('A note text', text);
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
  for (const s of signers)
    if (!isKeyName(s.name)) throw new LedgerError('key-malformed', `"${s.name}" cannot name a key.`);
  const lines = signers.map((s) =>
    formatSignatureLine({ name: s.name, keyHash: s.keyHash, bytes: crypto.ed25519Sign(s.seed, utf8(text)) }),
  );
  return `${text}\n${lines.join('')}`;
}

/** Splits a signed note into its text and its signatures, without verifying anything. */
export function splitNote(note: string): { text: string; signatures: NoteSignature[] } {
  checkChars('A signed note', note);
  // "the text is separated from the signatures by the last empty line in the note"
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
