import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../platform/node-crypto.ts';
import { utf8 } from './crypto.ts';
import { rememberingVerify } from './remembered-verify.ts';

describe('rememberingVerify', () => {
  it('verifies each key, signature and message once, and never answers for another message', () => {
    let calls = 0;
    const counted = {
      ...nodeCrypto,
      ed25519Verify: (k: Uint8Array, m: Uint8Array, s: Uint8Array) => {
        calls++;
        return nodeCrypto.ed25519Verify(k, m, s);
      },
    };
    const crypto = rememberingVerify(counted);
    const seed = new Uint8Array(32).fill(7);
    const key = nodeCrypto.ed25519PublicKey(seed);
    const signature = nodeCrypto.ed25519Sign(seed, utf8('signed'));
    expect(crypto.ed25519Verify(key, utf8('signed'), signature)).toBe(true);
    expect(crypto.ed25519Verify(key, utf8('signed'), signature)).toBe(true);
    expect(calls).toBe(1);
    // The same signature over another message is checked, and refused.
    expect(crypto.ed25519Verify(key, utf8('forged'), signature)).toBe(false);
    expect(crypto.ed25519Verify(key, utf8('forged'), signature)).toBe(false);
    expect(calls).toBe(2);
  });
});
