import { describe, expect, it } from 'vitest';
import { nodeCrypto as crypto } from '../../platform/node-crypto.ts';
import { commitToRecord, verifyCommitment } from './commitment.ts';

describe('salted commitments to person records', () => {
  const record = { names: { ar: 'سَلمى', he: 'סַלמה', en: 'Salma' }, age: 19 };

  it('verify with the salt and the same record, and not otherwise', () => {
    const { commitment, salt } = commitToRecord(crypto, record);
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyCommitment(crypto, record, salt, commitment)).toBe(true);
    expect(verifyCommitment(crypto, { ...record, age: 20 }, salt, commitment)).toBe(false);
    expect(verifyCommitment(crypto, record, crypto.randomBytes(32), commitment)).toBe(false);
  });

  it('are the same for a name written in NFD or NFC (Arabic and Hebrew marks)', () => {
    const salt = crypto.randomBytes(32);
    const nfd = { names: { ar: record.names.ar.normalize('NFD'), he: record.names.he.normalize('NFD') } };
    const nfc = { names: { ar: record.names.ar.normalize('NFC'), he: record.names.he.normalize('NFC') } };
    expect(commitToRecord(crypto, nfd, salt).commitment).toBe(commitToRecord(crypto, nfc, salt).commitment);
  });

  it('differ for the same person under different salts', () => {
    expect(commitToRecord(crypto, record).commitment).not.toBe(commitToRecord(crypto, record).commitment);
  });
});
