/**
 * What an append's signature checks work out once and keep: each verifier key parsed once (by its
 * exact text), and each event's signature verified once per key (a plan made again when another
 * writer got there first does no Ed25519 work twice). A store keeps one for its lifetime.
 */
import type { Crypto } from '../crypto/crypto.ts';
import type { ParsedEvent } from './append-event.ts';
import type { SignatureChecks } from './check-event.ts';
import { verifyEventSignature } from './event-sign.ts';
import { parseVerifierKey, type Verifier } from './signed-note.ts';

/** Verifier keys kept at most; past that, all are dropped and parsed again as they come. */
const MAX_KEYS = 10_000;

export class AppendSignatures {
  private readonly crypto: Crypto;
  private readonly verifiers = new Map<string, Verifier>();
  /** Per event parsed, the key texts its signature was found to hold under. */
  private readonly held = new WeakMap<ParsedEvent, Set<string>>();

  constructor(crypto: Crypto) {
    this.crypto = crypto;
  }

  /**
   * The verifier of a key text, parsed once: what parseVerifierKey gives (and throws) for it. The
   * text is the whole key (name, key hash and public key), so a key kept is only ever the key of
   * that very text, whichever actor or log names it.
   */
  verifier(key: string): Verifier {
    let v = this.verifiers.get(key);
    if (!v) {
      v = parseVerifierKey(this.crypto, key);
      if (this.verifiers.size >= MAX_KEYS) this.verifiers.clear();
      this.verifiers.set(key, v);
    }
    return v;
  }

  /**
   * checkEvent's signature checks for the event `p`: its signature verified over `p.message` (the
   * envelope's canonical bytes, not made again), once per key that it holds under. A signature
   * that does not hold is not kept: it is verified, and refused, each time.
   */
  checksFor(p: ParsedEvent): SignatureChecks {
    return {
      verifier: (key) => this.verifier(key),
      signature: (signed, key, verifier) => {
        // Only p's own signature is kept (checkEvent asks of the event it is given).
        if (signed !== p.event) return verifyEventSignature(this.crypto, signed, verifier);
        if (this.held.get(p)?.has(key)) return;
        verifyEventSignature(this.crypto, signed, verifier, p.message);
        const held = this.held.get(p) ?? new Set<string>();
        held.add(key);
        this.held.set(p, held);
      },
    };
  }
}
