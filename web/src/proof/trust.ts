import { type Crypto, toHex } from '../../../src/core/crypto/crypto.ts';
import { keyId } from '../../../src/core/ledger/event-sign.ts';
import type { Verifier } from '../../../src/core/ledger/signed-note.ts';
import type { ShownKey } from './proof-result.ts';

/**
 * What a reader trusts about one log, fixed before any answer of the server is read: the
 * operator's verifier key (it signs the checkpoints and registers the actors), the witnesses'
 * cosignature/v1 keys, and how many of them must have cosigned a checkpoint.
 */
export interface TrustedLog {
  logId: string;
  origin: string;
  /** The operator's verifier key, C2SP signed-note text. */
  logKey: string;
  /** Witness verifier keys (cosignature/v1), C2SP signed-note text. */
  witnesses: string[];
  /** How many distinct pinned witnesses must have cosigned the checkpoint (0 to witnesses.length). */
  quorum: number;
}

/** The trust root of a build: the logs it can verify, by id. */
export interface TrustRoot {
  logs: Record<string, TrustedLog>;
}

/** A key's fingerprint: the first 128 bits of SHA-256 of its public key, hex in groups of four. */
export function fingerprint(crypto: Crypto, v: Verifier): string {
  return toHex(crypto.sha256(v.publicKey))
    .slice(0, 32)
    .replace(/(.{4})(?!$)/g, '$1 ');
}

export function shownKey(crypto: Crypto, v: Verifier): ShownKey {
  return { keyId: keyId(v), fingerprint: fingerprint(crypto, v) };
}
