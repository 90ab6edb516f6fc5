/**
 * The witness's decision, pure (in the manner of C2SP tlog-witness, https://c2sp.org/tlog-witness):
 * given what it last cosigned for a log and a new signed checkpoint with a consistency proof,
 * cosign or refuse with a reason. The caller keeps the state and does the I/O.
 */
import { bytesEqual, type Crypto } from '../crypto/crypto.ts';
import { type Checkpoint, openCheckpoint } from './checkpoint.ts';
import { cosign } from './cosignature.ts';
import { LedgerError } from './ledger-error.ts';
import { emptyTreeHash } from './merkle.ts';
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
 * Cosign `note` only when the log's signature holds, its size is not below the last cosigned,
 * and the proof shows it extends the last cosigned tree; `now` is the time to sign, in seconds.
 * `known` is undefined when this witness does not follow the log.
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
    const code = (e as LedgerError).code === 'checkpoint-wrong-origin' ? 'unknown-origin' : 'bad-signature';
    return { ok: false, code, message: (e as Error).message };
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
    // tlog-witness: from old size 0 the proof is empty, and an empty tree has one root.
    if (known.size === 0) {
      if (proof.length)
        throw new LedgerError('proof-not-empty', 'From the empty tree the proof must be empty.');
      if (checkpoint.size === 0 && !bytesEqual(checkpoint.root, emptyTreeHash(crypto.sha256)))
        throw new LedgerError('proof-root-mismatch', 'A tree of size 0 has the root SHA-256("").');
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
