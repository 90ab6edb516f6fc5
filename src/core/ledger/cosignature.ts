import { type Crypto, utf8 } from '../crypto/crypto.ts';
import { LedgerError } from './ledger-error.ts';
import {
  ALG_COSIGNATURE_V1,
  formatSignatureLine,
  type NoteSignature,
  type Signer,
  type Verifier,
} from './signed-note.ts';

/** C2SP tlog-cosignature: what a witness signs, "cosignature/v1", the time, then the checkpoint body. */
export function cosignedMessage(checkpointText: string, time: number): Uint8Array {
  return utf8(`cosignature/v1\ntime ${time}\n${checkpointText}`);
}

/** A witness's cosignature line on a checkpoint: keyhash || 8-byte big-endian time || signature. */
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

/** Verifies one cosignature on a checkpoint body; returns the time it was made (seconds since 1970). */
export function verifyCosignature(
  crypto: Crypto,
  witness: Verifier,
  checkpointText: string,
  sig: NoteSignature,
): number {
  if (
    sig.name !== witness.name ||
    sig.keyHash !== witness.keyHash ||
    witness.algorithm !== ALG_COSIGNATURE_V1
  ) {
    throw new LedgerError('note-unknown-key', `The cosignature is not by witness "${witness.name}".`);
  }
  if (sig.bytes.length !== 72)
    throw new LedgerError('note-malformed', 'A cosignature/v1 is 8 bytes of time and 64 of signature.');
  const time = Number(new DataView(sig.bytes.buffer, sig.bytes.byteOffset).getBigUint64(0));
  if (!crypto.ed25519Verify(witness.publicKey, cosignedMessage(checkpointText, time), sig.bytes.slice(8))) {
    throw new LedgerError('note-bad-signature', `The cosignature of witness "${witness.name}" is not valid.`);
  }
  return time;
}
