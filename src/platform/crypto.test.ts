import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Crypto, fromBase64, fromHex, toBase64, toHex, utf8 } from '../core/crypto/crypto.ts';
import { nobleCrypto } from '../core/crypto/noble-crypto.ts';
import { hmacSha256, nodeCrypto, randomBytes } from './node-crypto.ts';

// RFC 8032 §7.1, test 1 (empty message).
const SEED = fromHex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
const PUBLIC = fromHex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
const SIG = fromHex(
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
);

const MESSAGE = utf8('truce');
const P = 2n ** 255n - 19n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
function le32(n: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++, n >>= 8n) out[i] = Number(n & 255n);
  return out;
}
const sig = (r: Uint8Array, s: Uint8Array) => new Uint8Array([...r, ...s]);
const IDENTITY = le32(1n); // the neutral point (0, 1): small order
const ORDER_TWO = le32(P - 1n); // (0, -1): small order
const ZERO = le32(0n);

/**
 * Signatures where Ed25519 implementations are known to differ ("Taming the many EdDSAs",
 * Chalkias et al. 2020). The browser and the server must agree on every one, or they would
 * disagree about which events and checkpoints are valid.
 */
const EDGE_CASES: [string, Uint8Array, Uint8Array][] = [
  [
    'S + L (non-canonical S, malleated)',
    PUBLIC,
    (() => {
      const good = nodeCrypto.ed25519Sign(SEED, MESSAGE);
      let s = 0n;
      for (let i = 31; i >= 0; i--) s = (s << 8n) | BigInt(good[32 + i]!);
      return sig(good.slice(0, 32), le32(s + L));
    })(),
  ],
  ['a small-order key (the neutral point) with R = neutral, S = 0', IDENTITY, sig(IDENTITY, ZERO)],
  ['a small-order key (0, -1) with R = (0, -1), S = 0', ORDER_TWO, sig(ORDER_TWO, ZERO)],
  ['a non-canonical key encoding (y = p + 1)', le32(P + 1n), sig(IDENTITY, ZERO)],
  ['a non-canonical R encoding (y = p + 1)', IDENTITY, sig(le32(P + 1n), ZERO)],
];

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

  it('SHA-256 of the empty string, HMAC with a key longer than a block (RFC 4231 test case 6)', () => {
    expect(toHex(c.sha256(new Uint8Array()))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    const key = new Uint8Array(131).fill(0xaa);
    expect(toHex(c.hmacSha256(key, utf8('Test Using Larger Than Block-Size Key - Hash Key First')))).toBe(
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    );
  });

  it('Ed25519 (RFC 8032 test 2, one-byte message)', () => {
    const seed = fromHex('4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb');
    const pub = fromHex('3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c');
    const sig = fromHex(
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
    );
    expect(c.ed25519PublicKey(seed)).toEqual(pub);
    expect(c.ed25519Sign(seed, new Uint8Array([0x72]))).toEqual(sig);
    expect(c.ed25519Verify(pub, new Uint8Array([0x72]), sig)).toBe(true);
  });

  it.each(EDGE_CASES)('Ed25519 refuses %s (strict RFC 8032, as on the server)', (_, key, sig) => {
    expect(c.ed25519Verify(key, MESSAGE, sig)).toBe(false);
  });

  it('refuses seeds that are not 32 bytes', () => {
    expect(() => c.ed25519PublicKey(new Uint8Array(31))).toThrow(/32 bytes/);
    expect(() => c.ed25519Sign(new Uint8Array(33), MESSAGE)).toThrow(/32 bytes/);
  });

  it('random bytes have the length asked for', () => {
    expect(c.randomBytes(32)).toHaveLength(32);
  });
});

describe("the server's own HMAC and random bytes", () => {
  it("HMAC-SHA-256 equals node:crypto's createHmac for keys shorter than, equal to and longer than a block (fast-check)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 600 }), (key, msg) => {
        const expected = new Uint8Array(createHmac('sha256', key).update(msg).digest());
        expect(hmacSha256(key, msg)).toEqual(expected);
      }),
      { numRuns: 300, seed: 20261207 },
    );
    for (const n of [0, 1, 63, 64, 65, 128]) {
      const key = new Uint8Array(n).fill(0xaa);
      expect(hmacSha256(key, utf8('x'))).toEqual(
        new Uint8Array(createHmac('sha256', key).update('x').digest()),
      );
    }
  });

  it("hands out each pooled random byte once, across the pool's refills, and large requests whole", () => {
    const seen = new Set<string>();
    // 40 KiB of 32-byte salts: ten fillings of the pool; two equal salts would mean bytes reused.
    for (let i = 0; i < 1280; i++) {
      const salt = randomBytes(32);
      expect(salt).toHaveLength(32);
      seen.add(toHex(salt));
    }
    expect(seen.size).toBe(1280);
    const odd = [randomBytes(1), randomBytes(255), randomBytes(256), randomBytes(257), randomBytes(10_000)];
    expect(odd.map((b) => b.length)).toEqual([1, 255, 256, 257, 10_000]);
    // Each is its own memory: changing one changes no other, nor what comes next.
    const a = randomBytes(16);
    const copy = a.slice();
    randomBytes(16).fill(0);
    expect(a).toEqual(copy);
    expect(odd[4]!.some((b) => b !== 0)).toBe(true);
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
          expect(nodeCrypto.hmacSha256(seed, msg)).toEqual(nobleCrypto.hmacSha256(seed, msg));
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
    // Stray bits in the last character before one "=" (canonical: YWI=, "ab").
    expect(fromBase64('YWJ=')).toBeNull();
    expect(fromBase64('YWI=')).toEqual(new Uint8Array([0x61, 0x62]));
  });

  // fromBase64 reads a text in one pass; it accepts exactly what the strict pattern and Node's
  // decoder accept, and gives the same bytes: texts near valid base64, spoiled here and there.
  it('accepts exactly the strict canonical base64 texts, whatever the spoiling', () => {
    const strict = (text: string): Uint8Array | null => {
      if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return null;
      const bytes = new Uint8Array(Buffer.from(text, 'base64'));
      return Buffer.from(bytes).toString('base64') === text ? bytes : null;
    };
    const spoil = fc.constantFrom('=', '==', '-', '_', ' ', 'A', 'é', '\u0000', '/', '+');
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 70 }),
        fc.array(fc.tuple(fc.nat(), spoil, fc.boolean()), { maxLength: 3 }),
        (b, edits) => {
          let text = toBase64(b);
          for (const [at, c, insert] of edits) {
            const i = text.length === 0 ? 0 : at % text.length;
            text = text.slice(0, i) + c + text.slice(insert ? i : i + 1);
          }
          expect(fromBase64(text)).toEqual(strict(text));
        },
      ),
      { seed: 14, numRuns: 3000 },
    );
    for (const text of ['', '====', 'A===', 'AA==', 'AAA=', 'AB==', 'AAB=', '=AAA', 'AA=A', 'AAAA====']) {
      expect(fromBase64(text)).toEqual(strict(text));
    }
  });
});
