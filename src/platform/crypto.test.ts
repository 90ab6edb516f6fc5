import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Crypto, fromBase64, fromHex, toBase64, toHex, utf8 } from '../core/crypto/crypto.ts';
import { nobleCrypto } from '../core/crypto/noble-crypto.ts';
import { nodeCrypto } from './node-crypto.ts';

// RFC 8032 §7.1, test 1 (empty message).
const SEED = fromHex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
const PUBLIC = fromHex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
const SIG = fromHex(
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
);

describe.each([
  ['node:crypto', nodeCrypto],
  ['@noble', nobleCrypto],
] as [string, Crypto][])('%s', (_, c) => {
  it('SHA-256 of "abc" (FIPS 180-2)', () => {
    expect(toHex(c.sha256(utf8('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('HMAC-SHA-256 (RFC 4231 test case 2)', () => {
    expect(toHex(c.hmacSha256(utf8('Jefe'), utf8('what do ya want for nothing?')))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('Ed25519 (RFC 8032 test 1)', () => {
    expect(c.ed25519PublicKey(SEED)).toEqual(PUBLIC);
    expect(c.ed25519Sign(SEED, new Uint8Array())).toEqual(SIG);
    expect(c.ed25519Verify(PUBLIC, new Uint8Array(), SIG)).toBe(true);
    const bad = SIG.slice();
    bad[0]! ^= 1;
    expect(c.ed25519Verify(PUBLIC, new Uint8Array(), bad)).toBe(false);
    expect(c.ed25519Verify(PUBLIC.slice(1), new Uint8Array(), SIG)).toBe(false);
  });

  it('random bytes have the length asked for', () => {
    expect(c.randomBytes(32)).toHaveLength(32);
  });
});

describe('the two implementations agree', () => {
  it('on hashes and signatures of random messages (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 300 }),
        (seed, msg) => {
          expect(nodeCrypto.sha256(msg)).toEqual(nobleCrypto.sha256(msg));
          const sig = nodeCrypto.ed25519Sign(seed, msg);
          expect(nobleCrypto.ed25519Sign(seed, msg)).toEqual(sig);
          expect(nobleCrypto.ed25519Verify(nodeCrypto.ed25519PublicKey(seed), msg, sig)).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('base64 and hex', () => {
  it('round-trip and refuse malformed input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (b) => {
        expect(fromBase64(toBase64(b))).toEqual(b);
        expect(toBase64(b)).toBe(Buffer.from(b).toString('base64'));
        expect(fromHex(toHex(b))).toEqual(b);
      }),
    );
    expect(fromBase64('abc')).toBeNull();
    expect(fromBase64('ab c=')).toBeNull();
    expect(fromBase64('YR==')).toBeNull();
  });
});
