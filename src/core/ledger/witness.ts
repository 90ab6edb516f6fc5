import type { Crypto } from '../crypto/crypto.ts';
import { bytesEqual } from '../crypto/crypto.ts';
import { type Checkpoint, openCheckpoint } from './checkpoint.ts';
import { cosign } from './cosignature.ts';
import { LedgerError } from './ledger-error.ts';
import { verifyConsistency } from './merkle-verify.ts';
import type { Signer, Verifier } from './signed-note.ts';

/** What a witness remembers of a log: its key, its origin, and the last checkpoint it cosigned. */
export interface WitnessedLog {
  origin: string;
  logKey: Verifier;
  size: number;
  root: Uint8Array;
}

export type WitnessDecision =
  | { ok: true; cosignature: string; state: WitnessedLog }
  | {
      ok: false;
      code: 'unknown-origin' | 'bad-signature' | 'older' | 'inconsistent';
      message: string;
      size?: number;
    };

/**
 * The witness's decision on a new checkpoint (C2SP tlog-witness): cosign it only when the log's
 * signature holds and a consistency proof shows it extends the last checkpoint cosigned.
 * Pure: the caller stores the returned state.
 */
export function witnessCheckpoint(
  crypto: Crypto,
  witness: Signer,
  known: WitnessedLog | undefined,
  note: string,
  proof: Uint8Array[],
  now: number,
): WitnessDecision {
  if (!known) return { ok: false, code: 'unknown-origin', message: 'This witness does not follow that log.' };
  let checkpoint: Checkpoint;
  let text: string;
  try {
    ({ checkpoint, text } = openCheckpoint(crypto, note, known.logKey, known.origin));
  } catch (e) {
    return { ok: false, code: 'bad-signature', message: (e as Error).message };
  }
  if (checkpoint.size < known.size) {
    return {
      ok: false,
      code: 'older',
      message: `The checkpoint (size ${checkpoint.size}) is older than the last cosigned (size ${known.size}).`,
      size: known.size,
    };
  }
  try {
    if (known.size === 0) {
      if (proof.length)
        throw new LedgerError('proof-not-empty', 'From the empty tree the proof must be empty.');
    } else verifyConsistency(crypto.sha256, known.size, checkpoint.size, proof, known.root, checkpoint.root);
  } catch (e) {
    return {
      ok: false,
      code: 'inconsistent',
      message: `Not consistent with the last cosigned checkpoint: ${(e as Error).message}`,
      size: known.size,
    };
  }
  if (checkpoint.size === known.size && !bytesEqual(checkpoint.root, known.root)) {
    return {
      ok: false,
      code: 'inconsistent',
      message: 'Same size, different root: the log has forked.',
      size: known.size,
    };
  }
  return {
    ok: true,
    cosignature: cosign(crypto, witness, text, now),
    state: { ...known, size: checkpoint.size, root: checkpoint.root },
  };
}
