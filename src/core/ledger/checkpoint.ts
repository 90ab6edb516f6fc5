import { type Crypto, fromBase64, toBase64 } from '../crypto/crypto.ts';
import { LedgerError } from './ledger-error.ts';
import { type NoteSignature, openNote, type Signer, signNote, type Verifier } from './signed-note.ts';

/** A C2SP tlog-checkpoint: the origin of the log, its size, its root hash, and extension lines. */
export interface Checkpoint {
  origin: string;
  size: number;
  root: Uint8Array;
  extensions: string[];
}

const bad = (why: string): never => {
  throw new LedgerError('checkpoint-malformed', `Malformed checkpoint: ${why}.`);
};

/** A line of a note text: non-empty, no newline (signed-note refuses other control characters). */
const isLine = (l: string) => l.length > 0 && !l.includes('\n');

/**
 * The checkpoint body (C2SP tlog-checkpoint "Note text"): origin, decimal tree size and base64
 * root hash, one per line, then any extension lines. Refuses what parseCheckpoint would refuse.
 */
export function formatCheckpoint(c: Checkpoint): string {
  if (!isLine(c.origin)) bad('the origin must be one non-empty line');
  if (!Number.isSafeInteger(c.size) || c.size < 0) bad(`the size ${c.size} is not a whole number from 0`);
  if (c.root.length !== 32) bad(`the root hash is ${c.root.length} bytes, not 32`);
  if (!c.extensions.every(isLine)) bad('each extension line must be one non-empty line');
  return [c.origin, String(c.size), toBase64(c.root), ...c.extensions].map((l) => `${l}\n`).join('');
}

/** Parses a checkpoint body strictly: any deviation from the format is an error. */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) bad('it must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) bad('it needs an origin, a size and a root hash');
  const [origin, size, root, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin.length === 0) bad('the origin line is empty');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(size) || !Number.isSafeInteger(Number(size)))
    bad('the size is not a decimal number without leading zeros, below 2^53');
  const hash = fromBase64(root);
  if (hash?.length !== 32) return bad('the root is not base64 of 32 bytes');
  if (extensions.some((e) => e.length === 0)) bad('an extension line is empty');
  return { origin, size: Number(size), root: hash, extensions };
}

/** Signs a checkpoint as a note with the log's key. */
export function signCheckpoint(crypto: Crypto, c: Checkpoint, logKey: Signer): string {
  return signNote(crypto, formatCheckpoint(c), [logKey]);
}

/**
 * Opens a signed checkpoint: the log's signature must verify and the origin must be the log's.
 * Returns the checkpoint and the note's other signatures (witness cosignatures) unverified.
 */
export function openCheckpoint(
  crypto: Crypto,
  note: string,
  logKey: Verifier,
  origin: string,
): { checkpoint: Checkpoint; text: string; others: NoteSignature[] } {
  const opened = openNote(crypto, note, [logKey]);
  const checkpoint = parseCheckpoint(opened.text);
  if (checkpoint.origin !== origin) {
    throw new LedgerError(
      'checkpoint-wrong-origin',
      `The checkpoint is for the log "${checkpoint.origin}", not "${origin}": check which log it came from.`,
    );
  }
  return { checkpoint, text: opened.text, others: opened.unverified };
}
