import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeOf } from '../../../test/helpers/code-of.ts';
import { vectorsDir } from '../../../test/helpers/vectors.ts';
import { nodeCrypto as crypto, nodeCrypto } from '../../platform/node-crypto.ts';
import type { Crypto } from '../crypto/crypto.ts';
import { nobleCrypto } from '../crypto/noble-crypto.ts';
import { LedgerError } from './ledger-error.ts';
import {
  formatSignerKey,
  formatVerifierKey,
  generateKey,
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

describe.each([
  ['node:crypto', nodeCrypto],
  ['@noble', nobleCrypto],
] as [string, Crypto][])('the Go note vector with %s', (_, c) => {
  it('gives the same signature line and opens', () => {
    const signed = signNote(c, vector.text, [parseSignerKey(c, vector.skey)]);
    expect(signed.slice(vector.text.length + 1)).toBe(`${vector.signatureLine}\n`);
    expect(openNote(c, signed, [parseVerifierKey(c, vector.vkey)]).text).toBe(vector.text);
  });
});

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

  it('says which check failed, with a code', () => {
    const other = generateSigner(crypto, 'truce.example/operator'); // same name, other key and key ID
    expect(codeOf(() => openNote(crypto, note, [other]))).toBe('note-unknown-key');
    const forged = signNote(crypto, 'hello\n', [{ ...other, keyHash: signer.keyHash }]);
    expect(codeOf(() => openNote(crypto, forged, [signer]))).toBe('note-bad-signature');
    expect(codeOf(() => openNote(crypto, 'hello\n\n', [signer]))).toBe('note-malformed');
    expect(codeOf(() => openNote(crypto, `hello\n${note.slice(5)}`, [signer]))).toBe('note-bad-signature');
    expect(codeOf(() => openNote(crypto, note.replace('\u2014', '-'), [signer]))).toBe('note-malformed');
    expect(codeOf(() => openNote(crypto, note.slice(0, -1), [signer]))).toBe('note-malformed');
    expect(codeOf(() => openNote(crypto, note.replace('\n\n', '\n'), [signer]))).toBe('note-malformed');
    expect(codeOf(() => signNote(crypto, 'a\tb\n', [signer]))).toBe('note-malformed');
    expect(codeOf(() => signNote(crypto, 'lone \ud800\n', [signer]))).toBe('note-malformed');
  });

  it('takes text with empty lines and any non-control Unicode, as Go does', () => {
    for (const text of [
      'a\n\nb\n',
      'x\n\n',
      'DEL \u007f and NEL \u0085 are not ASCII controls\n',
      'سلام שלום\n',
    ]) {
      expect(openNote(crypto, signNote(crypto, text, [signer]), [signer]).text).toBe(text);
    }
  });

  it('accepts at least 16 signatures and refuses more than 100', () => {
    const many = Array.from({ length: 16 }, (_, i) => generateSigner(crypto, `w${i}`));
    expect(openNote(crypto, signNote(crypto, 'hi\n', [signer, ...many]), [signer]).unverified).toHaveLength(
      16,
    );
    const line = note.slice('hello\n\n'.length);
    expect(codeOf(() => openNote(crypto, `hello\n\n${line.repeat(101)}`, [signer]))).toBe('note-malformed');
  });

  it('generates keys as text that parses back to a working pair (Go note.GenerateKey)', () => {
    const { signerKey, verifierKey } = generateKey(crypto, 'witness.example/w1');
    expect(signerKey).toMatch(/^PRIVATE\+KEY\+witness\.example\/w1\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
    expect(verifierKey).toMatch(/^witness\.example\/w1\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
    const signed = signNote(crypto, 'x\n', [parseSignerKey(crypto, signerKey)]);
    expect(openNote(crypto, signed, [parseVerifierKey(crypto, verifierKey)]).verified).toHaveLength(1);
  });

  it('refuses key names with spaces of any script, plus, or control characters', () => {
    for (const name of ['', 'a b', 'a+b', 'a\u00a0b', 'a\u0085b', 'a\u3000b', 'a\u0001b']) {
      expect(codeOf(() => generateSigner(crypto, name))).toBe('key-malformed');
    }
  });

  it('refuses a key whose hash does not match, or a bad name', () => {
    const v = formatVerifierKey(signer).replace(/\+[0-9a-f]{8}\+/, '+00000000+');
    expect(() => parseVerifierKey(crypto, v)).toThrow(/does not match/);
    expect(() => generateSigner(crypto, 'has space')).toThrow(LedgerError);
  });
});
