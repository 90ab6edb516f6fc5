import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vectorsDir } from '../../../test/helpers/vectors.ts';
import { nodeCrypto as crypto } from '../../platform/node-crypto.ts';
import { LedgerError } from './ledger-error.ts';
import {
  formatSignerKey,
  formatVerifierKey,
  generateSigner,
  openNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  splitNote,
} from './signed-note.ts';

const vector = JSON.parse(readFileSync(join(vectorsDir(), 'signed-note.json'), 'utf8')).ed25519 as {
  vkey: string;
  skey: string;
  text: string;
  signatureLine: string;
};

describe('signed note, against the golang.org/x/mod/sumdb/note vector', () => {
  it('parses the verifier and the private key, and they belong together', () => {
    const v = parseVerifierKey(crypto, vector.vkey);
    const s = parseSignerKey(crypto, vector.skey);
    expect(v.name).toBe('PeterNeumann');
    expect(v.keyHash).toBe(0xc74f20a3);
    expect(s.publicKey).toEqual(v.publicKey);
    expect(formatVerifierKey(v)).toBe(vector.vkey);
    expect(formatSignerKey(s)).toBe(vector.skey);
  });

  it('signs the text to exactly the published signature line', () => {
    const note = signNote(crypto, vector.text, [parseSignerKey(crypto, vector.skey)]);
    expect(note).toBe(`${vector.text}\n${vector.signatureLine}\n`);
  });

  it('opens the published note with the verifier key', () => {
    const opened = openNote(crypto, `${vector.text}\n${vector.signatureLine}\n`, [
      parseVerifierKey(crypto, vector.vkey),
    ]);
    expect(opened.text).toBe(vector.text);
    expect(opened.verified.map((v) => v.name)).toEqual(['PeterNeumann']);
  });
});

describe('signed note, refusals', () => {
  const signer = generateSigner(crypto, 'truce.example/operator');
  const note = signNote(crypto, 'hello\n', [signer]);

  it('refuses a changed text, an unknown key, and malformed notes', () => {
    expect(() => openNote(crypto, note.replace('hello', 'jello'), [signer])).toThrow(/not valid/);
    const other = generateSigner(crypto, 'someone-else');
    expect(() => openNote(crypto, note, [other])).toThrow(
      expect.objectContaining({ code: 'note-unknown-key' }),
    );
    for (const bad of [
      'hello\n',
      'hello\n\nnot a signature\n',
      'hello\n\n\u2014 x AAAA\n',
      'hel\u0007lo\n\n',
    ]) {
      expect(() => openNote(crypto, bad, [signer])).toThrow(LedgerError);
    }
    expect(() => signNote(crypto, 'no newline', [signer])).toThrow(/end with a newline/);
  });

  it('keeps signatures by unknown keys apart', () => {
    const other = generateSigner(crypto, 'witness');
    const both = signNote(crypto, 'hello\n', [signer, other]);
    const opened = openNote(crypto, both, [signer]);
    expect(opened.unverified.map((s) => s.name)).toEqual(['witness']);
    expect(splitNote(both).signatures).toHaveLength(2);
  });

  it('refuses a key whose hash does not match, or a bad name', () => {
    const v = formatVerifierKey(signer).replace(/\+[0-9a-f]{8}\+/, '+00000000+');
    expect(() => parseVerifierKey(crypto, v)).toThrow(/does not match/);
    expect(() => generateSigner(crypto, 'has space')).toThrow(LedgerError);
  });
});
