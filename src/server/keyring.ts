import { bytesEqual, type Crypto } from '../core/crypto/crypto.ts';
import { keyId } from '../core/ledger/event-sign.ts';
import {
  ALG_COSIGNATURE_V1,
  ALG_ED25519,
  parseVerifierKey,
  type Signer,
  type Verifier,
} from '../core/ledger/signed-note.ts';

/** What a held key is for, as the startup summary names it: never the key itself. */
export interface HeldKey {
  /** `name+hash`, as signatures name their signer. */
  id: string;
  kind: 'signing' | 'witness';
}

/**
 * The private keys this server holds (`truce serve --keys DIR`), matched to what they sign by
 * their verifier: a key equal to a log's `log_key` signs that log's checkpoints, one equal to a
 * registered actor's key is that actor's custodial key, and a cosignature/v1 key makes the server
 * a witness. Seeds stay inside: nothing here prints, logs or serialises them.
 */
export class Keyring {
  readonly #crypto: Crypto;
  readonly #signers = new Map<string, Signer>();

  constructor(crypto: Crypto, signers: readonly Signer[] = []) {
    this.#crypto = crypto;
    for (const s of signers) this.#signers.set(keyId(s), s);
  }

  /** How many distinct keys it holds. */
  get size(): number {
    return this.#signers.size;
  }

  /** The held key whose verifier is `verifierKey` (same name, hash, algorithm and public key). */
  signerFor(verifierKey: string, algorithm = ALG_ED25519): Signer | undefined {
    let wanted: Verifier;
    try {
      wanted = parseVerifierKey(this.#crypto, verifierKey);
    } catch {
      return undefined;
    }
    const held = this.#signers.get(keyId(wanted));
    if (!held || held.algorithm !== algorithm || wanted.algorithm !== algorithm) return undefined;
    return bytesEqual(held.publicKey, wanted.publicKey) ? held : undefined;
  }

  /** The witness keys (C2SP cosignature/v1) it holds; none means this server is no witness. */
  witnesses(): Signer[] {
    return [...this.#signers.values()].filter((s) => s.algorithm === ALG_COSIGNATURE_V1);
  }

  /** What it holds, by key id and kind, for a summary at startup. */
  describe(): HeldKey[] {
    return [...this.#signers.values()].map((s) => ({
      id: keyId(s),
      kind: s.algorithm === ALG_COSIGNATURE_V1 ? 'witness' : 'signing',
    }));
  }

  /** Never the seeds, should the keyring end up in a log line or a JSON body. */
  toJSON(): { keys: HeldKey[] } {
    return { keys: this.describe() };
  }
}
