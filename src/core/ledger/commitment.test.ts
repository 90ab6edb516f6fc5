import { describe, expect, it } from 'vitest';
import { codeOf } from '../../../test/helpers/code-of.ts';
import { nodeCrypto as crypto } from '../../platform/node-crypto.ts';
import { fromHex, toHex } from '../crypto/crypto.ts';
import { commitmentBytes, commitToRecord, verifyCommitment } from './commitment.ts';

/** Names whose NFD and NFC forms are different strings (checked below, so the test is not empty). */
const NAMES = {
  // ALEF WITH HAMZA ABOVE (U+0623) and ALEF WITH MADDA ABOVE (U+0622) decompose in NFD.
  ar: '\u0623\u062d\u0645\u062f \u0622\u0645\u0646\u0629',
  // SHIN WITH DAGESH AND SHIN DOT, precomposed (U+FB2C): NFC and NFD both spell it out as three.
  he: '\ufb2c\u05b8\u05dc\u05d5\u05b9\u05dd',
  en: 'Jos\u00e9',
};

describe('salted commitments to person records', () => {
  const record = { names: NAMES, age: 19 };

  it('verify with the salt and the same record, and not otherwise', () => {
    const { commitment, salt } = commitToRecord(crypto, record);
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(salt).toHaveLength(32);
    expect(verifyCommitment(crypto, record, salt, commitment)).toBe(true);
    expect(verifyCommitment(crypto, { ...record, age: 20 }, salt, commitment)).toBe(false);
    expect(verifyCommitment(crypto, record, crypto.randomBytes(32), commitment)).toBe(false);
    expect(verifyCommitment(crypto, record, salt.slice(1), commitment)).toBe(false);
    expect(verifyCommitment(crypto, record, salt, commitment.toUpperCase())).toBe(false);
  });

  it('is HMAC-SHA-256 keyed with the salt over the canonical JSON', () => {
    const salt = new Uint8Array(32).fill(1);
    const expected = toHex(
      crypto.hmacSha256(salt, new TextEncoder().encode('{"age":19,"name":"Jos\u00e9"}')),
    );
    expect(commitToRecord(crypto, { name: 'Jose\u0301', age: 19 }, salt).commitment).toBe(expected);
  });

  it('is the same for names written in NFD or NFC (Arabic, Hebrew, Latin)', () => {
    const salt = crypto.randomBytes(32);
    for (const name of Object.values(NAMES)) {
      const [nfd, nfc] = [name.normalize('NFD'), name.normalize('NFC')];
      expect(new Set([name, nfd, nfc]).size).toBeGreaterThan(1); // the forms really differ
      const a = commitToRecord(crypto, { name }, salt).commitment;
      expect(commitToRecord(crypto, { name: nfd }, salt).commitment).toBe(a);
      expect(commitToRecord(crypto, { name: nfc }, salt).commitment).toBe(a);
    }
    const nfdRecord = {
      names: Object.fromEntries(Object.entries(NAMES).map(([k, v]) => [k, v.normalize('NFD')])),
    };
    expect(commitmentBytes(nfdRecord)).toEqual(commitmentBytes({ names: NAMES }));
  });

  it('differ for the same person under different salts', () => {
    expect(commitToRecord(crypto, record).commitment).not.toBe(commitToRecord(crypto, record).commitment);
  });

  it('refuse a salt that is not 32 bytes, and member names that collide in NFC', () => {
    expect(codeOf(() => commitToRecord(crypto, record, new Uint8Array(16)))).toBe('commitment-malformed');
    expect(codeOf(() => commitToRecord(crypto, { 'e\u0301': 1, '\u00e9': 2 }))).toBe('commitment-malformed');
    expect(fromHex(commitToRecord(crypto, record).commitment)).toHaveLength(32);
  });
});
