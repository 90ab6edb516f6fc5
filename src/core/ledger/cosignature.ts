/**
 * C2SP tlog-cosignature, the Ed25519 cosignature/v1 type (https://c2sp.org/tlog-cosignature):
 * a witness's statement that, at a time, this checkpoint is the largest consistent one it saw.
 */
import { type Crypto, utf8 } from '../crypto/crypto.ts';
import { LedgerError } from './ledger-error.ts';
import {
  ALG_COSIGNATURE_V1,
  formatSignatureLine,
  type NoteSignature,
  type Signer,
  type Verifier,
} from './signed-note.ts';

/** A timestamp "MUST NOT exceed 2^63 - 1"; here it must also be exact as a JavaScript number. */
function checkTime(time: number): void {
  if (!Number.isSafeInteger(time) || time < 0) {
    throw new LedgerError(
      'cosignature-malformed',
      `A cosignature time is whole seconds since 1970, from 0 to 2^53 - 1, not ${time}.`,
    );
  }
}

/**
 * "Ed25519 signed message": the line `cosignature/v1`, the line `time <POSIX seconds>`, then the
 * whole checkpoint body with its final newline and without signature lines.
 */
export function cosignedMessage(checkpointText: string, time: number): Uint8Array {
  checkTime(time);
  return utf8(`cosignature/v1\ntime ${time}\n${checkpointText}`);
}

/**
 * A witness's cosignature line on a checkpoint body: the key ID from type byte 0x04, then the
 * `timestamped_signature`, an 8-byte big-endian time and the 64-byte Ed25519 signature.
 */
export function cosign(crypto: Crypto, witness: Signer, checkpointText: string, time: number): string {
  if (witness.algorithm !== ALG_COSIGNATURE_V1) {
    throw new LedgerError(
      'key-malformed',
      `Witness key "${witness.name}" must be a cosignature/v1 key (algorithm 4).`,
    );
  }
  const sig = crypto.ed25519Sign(witness.seed, cosignedMessage(checkpointText, time));
  const bytes = new Uint8Array(8 + 64);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(time));
  bytes.set(sig, 8);
  return formatSignatureLine({ name: witness.name, keyHash: witness.keyHash, bytes });
}

/** Whether a signature line claims to be by this witness: same name, same key ID, type 0x04. */
export function isCosignatureBy(witness: Verifier, sig: NoteSignature): boolean {
  return (
    sig.name === witness.name && sig.keyHash === witness.keyHash && witness.algorithm === ALG_COSIGNATURE_V1
  );
}

/** Verifies one cosignature on a checkpoint body; returns the time it was made (seconds since 1970). */
export function verifyCosignature(
  crypto: Crypto,
  witness: Verifier,
  checkpointText: string,
  sig: NoteSignature,
): number {
  if (!isCosignatureBy(witness, sig)) {
    throw new LedgerError('note-unknown-key', `The cosignature is not by witness "${witness.name}".`);
  }
  if (sig.bytes.length !== 72) {
    throw new LedgerError(
      'cosignature-malformed',
      `A cosignature/v1 is 8 bytes of time and 64 of signature, not ${sig.bytes.length} bytes.`,
    );
  }
  const time = new DataView(sig.bytes.buffer, sig.bytes.byteOffset).getBigUint64(0);
  if (time > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new LedgerError('cosignature-malformed', `The cosignature time ${time} is beyond 2^53 - 1.`);
  }
  const message = cosignedMessage(checkpointText, Number(time));
  if (!crypto.ed25519Verify(witness.publicKey, message, sig.bytes.slice(8))) {
    throw new LedgerError('note-bad-signature', `The cosignature of witness "${witness.name}" is not valid.`);
  }
  return Number(time);
}
