import { type Crypto, fromBase64, toBase64 } from '../crypto/crypto.ts';
import { LedgerError } from './ledger-error.ts';
import { openNote, type Signer, signNote, type Verifier } from './signed-note.ts';

/** A C2SP tlog-checkpoint: the origin of the log, its size, its root hash, and extension lines. */
export interface Checkpoint {
  origin: string;
  size: number;
  root: Uint8Array;
  extensions: string[];
}

/** The checkpoint body: origin, decimal size and base64 root, one per line, then any extension lines. */
export function formatCheckpoint(c: Checkpoint): string {
  return [c.origin, String(c.size), toBase64(c.root), ...c.extensions].map((l) => `${l}\n`).join('');
}

/** Parses a checkpoint body strictly: any deviation from the format is an error. */
export function parseCheckpoint(text: string): Checkpoint {
  const bad = (why: string): never => {
    throw new LedgerError('checkpoint-malformed', `Malformed checkpoint: ${why}.`);
  };
  if (!text.endsWith('\n')) bad('it must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) bad('it needs an origin, a size and a root hash');
  const [origin, size, root, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin.length === 0) bad('the origin line is empty');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(size) || !Number.isSafeInteger(Number(size)))
    bad('the size is not a decimal number');
  const hash = fromBase64(root);
  if (!hash || hash.length !== 32) bad('the root is not base64 of 32 bytes');
  if (extensions.some((e) => e.length === 0)) bad('an extension line is empty');
  return { origin, size: Number(size), root: hash!, extensions };
}

/** Signs a checkpoint as a note with the log's key. */
export function signCheckpoint(crypto: Crypto, c: Checkpoint, logKey: Signer): string {
  return signNote(crypto, formatCheckpoint(c), [logKey]);
}

/**
 * Opens a signed checkpoint: the log's signature must verify and the origin must be the log's.
 * Returns the checkpoint and the note's other signatures (witness cosignatures) unverified.
 */
export function openCheckpoint(crypto: Crypto, note: string, logKey: Verifier, origin: string) {
  const opened = openNote(crypto, note, [logKey]);
  const checkpoint = parseCheckpoint(opened.text);
  if (checkpoint.origin !== origin) {
    throw new LedgerError(
      'checkpoint-malformed',
      `The checkpoint is for "${checkpoint.origin}", not "${origin}".`,
    );
  }
  return { checkpoint, text: opened.text, others: opened.unverified };
}
