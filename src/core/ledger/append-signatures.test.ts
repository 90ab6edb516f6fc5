import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../platform/node-crypto.ts';
import type { Crypto } from '../crypto/crypto.ts';
import { parseForAppend } from './append-event.ts';
import { AppendSignatures } from './append-signatures.ts';
import { canonicalBytes } from './canonical-json.ts';
import { signEvent } from './event-sign.ts';
import { formatVerifierKey, generateSigner, type Signer } from './signed-note.ts';

/** nodeCrypto, counting its Ed25519 verifications and SHA-256 hashes. */
function counting() {
  const count = { verify: 0, sha256: 0 };
  const crypto: Crypto = {
    ...nodeCrypto,
    ed25519Verify: (k, m, s) => {
      count.verify++;
      return nodeCrypto.ed25519Verify(k, m, s);
    },
    sha256: (d) => {
      count.sha256++;
      return nodeCrypto.sha256(d);
    },
  };
  return { crypto, count };
}

const signerOf = (name: string, fill: number): Signer =>
  generateSigner({ ...nodeCrypto, randomBytes: (n) => new Uint8Array(n).fill(fill) }, name);
const first = signerOf('party-a', 1);
/** The same actor's other key (a registration anew with another key). */
const second = signerOf('party-a', 2);

const event = (signer: Signer, text = 'Batch 1 is on its way.') =>
  parseForAppend(
    nodeCrypto,
    canonicalBytes(
      signEvent(
        nodeCrypto,
        {
          v: 1,
          log: 'truce.example/log/t',
          kind: 'statement',
          occurredAt: '2023-11-24T05:00:00Z',
          recordedAt: '2023-11-24T05:00:00Z',
          actor: 'party-a',
          body: { text },
        },
        signer,
      ),
    ),
  );

const refusal = (f: () => void) => {
  try {
    f();
    return undefined;
  } catch (e) {
    return { code: (e as { code?: string }).code, message: (e as Error).message };
  }
};

describe('AppendSignatures', () => {
  it('parses each key text once and gives back that key only', () => {
    const { crypto, count } = counting();
    const signatures = new AppendSignatures(crypto);
    const a = signatures.verifier(formatVerifierKey(first));
    const hashes = count.sha256;
    expect(hashes).toBe(1);
    expect(signatures.verifier(formatVerifierKey(first))).toBe(a);
    expect(count.sha256).toBe(hashes);
    const b = signatures.verifier(formatVerifierKey(second));
    expect(b).not.toBe(a);
    expect(b.publicKey).toEqual(second.publicKey);
    expect(a.publicKey).toEqual(first.publicKey);
  });

  it('refuses a malformed key as parseVerifierKey does, and keeps nothing of it', () => {
    const signatures = new AppendSignatures(nodeCrypto);
    const text = formatVerifierKey(first).replace(/\+[0-9a-f]{8}\+/, '+00000000+');
    expect(refusal(() => signatures.verifier(text))).toMatchObject({ code: 'key-malformed' });
    expect(refusal(() => signatures.verifier(text))).toMatchObject({ code: 'key-malformed' });
  });

  it("verifies an event's signature once under a key, over the event's own bytes", () => {
    const { crypto, count } = counting();
    const signatures = new AppendSignatures(crypto);
    const p = event(first);
    const key = formatVerifierKey(first);
    for (let k = 0; k < 3; k++) {
      const checks = signatures.checksFor(p);
      checks.signature(p.event, key, checks.verifier(key));
    }
    expect(count.verify).toBe(1);
    // The same event parsed again is another event to the memo: verified again.
    const again = event(first);
    const checks = signatures.checksFor(again);
    checks.signature(again.event, key, checks.verifier(key));
    expect(count.verify).toBe(2);
  });

  it('never answers for another key: an event that held under one key is refused under the other', () => {
    const signatures = new AppendSignatures(nodeCrypto);
    const p = event(first);
    const checks = signatures.checksFor(p);
    checks.signature(p.event, formatVerifierKey(first), checks.verifier(formatVerifierKey(first)));
    const other = formatVerifierKey(second);
    expect(refusal(() => checks.signature(p.event, other, checks.verifier(other)))).toEqual({
      code: 'event-bad-signature',
      message: `The event is signed with key party-a+${first.keyHash.toString(16).padStart(8, '0')}, not with party-a+${second.keyHash.toString(16).padStart(8, '0')} of actor "party-a".`,
    });
  });

  it('keeps nothing of a signature that does not hold: verified and refused each time', () => {
    const { crypto, count } = counting();
    const signatures = new AppendSignatures(crypto);
    const p = event(first);
    const forged = { ...p, event: { ...p.event, signature: event(first, 'other').event.signature } };
    const key = formatVerifierKey(first);
    const checks = signatures.checksFor(forged);
    for (let k = 0; k < 2; k++)
      expect(refusal(() => checks.signature(forged.event, key, checks.verifier(key)))).toEqual({
        code: 'event-bad-signature',
        message: 'The signature of actor "party-a" on this event is not valid.',
      });
    expect(count.verify).toBe(2);
  });

  it('checks another signed event than the one it was made for in full, and keeps nothing of it', () => {
    const { crypto, count } = counting();
    const signatures = new AppendSignatures(crypto);
    const p = event(first);
    const q = event(first, 'another');
    const key = formatVerifierKey(first);
    const checks = signatures.checksFor(p);
    checks.signature(q.event, key, checks.verifier(key));
    checks.signature(q.event, key, checks.verifier(key));
    checks.signature(p.event, key, checks.verifier(key));
    checks.signature(p.event, key, checks.verifier(key));
    expect(count.verify).toBe(3);
  });
});
