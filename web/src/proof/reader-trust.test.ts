import { describe, expect, it } from 'vitest';
import { nobleCrypto as crypto } from '../../../src/core/crypto/noble-crypto.ts';
import {
  ALG_COSIGNATURE_V1,
  formatVerifierKey,
  generateSigner,
} from '../../../src/core/ledger/signed-note.ts';
import { parsePin, withPin } from './reader-trust.ts';
import { TRUSTED_KEYS } from './trusted-keys.ts';

describe('keys a reader pins in the browser', () => {
  const op = formatVerifierKey(generateSigner(crypto, 'operator'));
  const w1 = formatVerifierKey(generateSigner(crypto, 'w1', ALG_COSIGNATURE_V1));
  const input = { logId: 'x', origin: 'truce.example/log/x', logKey: op, witnesses: `${w1}\n`, quorum: '' };

  it('takes an Ed25519 log key and cosignature/v1 witness keys; the quorum defaults to every witness', () => {
    expect(parsePin(crypto, input)).toEqual({
      ok: true,
      log: { logId: 'x', origin: 'truce.example/log/x', logKey: op, witnesses: [w1], quorum: 1 },
    });
  });

  it('refuses a witness key as log key, a signing key as witness, a quorum out of reach, a garbled key', () => {
    expect(parsePin(crypto, { ...input, logKey: w1 })).toMatchObject({ ok: false });
    expect(parsePin(crypto, { ...input, witnesses: op })).toMatchObject({ ok: false });
    expect(parsePin(crypto, { ...input, quorum: '2' })).toMatchObject({ ok: false });
    expect(parsePin(crypto, { ...input, logKey: 'operator+00000000+AAAA' })).toMatchObject({ ok: false });
    expect(parsePin(crypto, { ...input, origin: ' ' })).toMatchObject({ ok: false });
  });

  it('never replaces the keys the build pins', () => {
    const demo = { ...input, logId: 'nov-2023-pause' };
    const pin = parsePin(crypto, demo);
    expect(pin.ok).toBe(true);
    if (!pin.ok) return;
    expect(withPin(TRUSTED_KEYS, pin.log)).toBe(TRUSTED_KEYS);
    const other = parsePin(crypto, input);
    if (!other.ok) throw new Error(other.error);
    expect(withPin(TRUSTED_KEYS, other.log).logs.x).toEqual(other.log);
  });
});
