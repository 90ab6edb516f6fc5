import { describe, expect, it } from 'vitest';
import { codeOf } from '../../../test/helpers/code-of.ts';
import { nodeCrypto as crypto } from '../../platform/node-crypto.ts';
import { formatCheckpoint, openCheckpoint, parseCheckpoint, signCheckpoint } from './checkpoint.ts';
import { LedgerError } from './ledger-error.ts';
import { generateSigner } from './signed-note.ts';

const origin = 'truce.example/log/test';
const log = generateSigner(crypto, origin);
describe('checkpoint (C2SP tlog-checkpoint)', () => {
  it('formats and parses origin, size, root and extensions', () => {
    const c = { origin, size: 12, root: new Uint8Array(32).fill(9), extensions: ['ext one'] };
    const text = formatCheckpoint(c);
    expect(text).toBe(`${origin}\n12\nCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk=\next one\n`);
    expect(parseCheckpoint(text)).toEqual(c);
  });

  it('refuses malformed bodies', () => {
    for (const bad of [
      'x\n1\n',
      'x\n01\nAAAA\n',
      `x\n-1\n${'A'.repeat(43)}=\n`,
      'x\n1\nAAAA\n',
      `\n1\n${'A'.repeat(43)}=\n`,
      `x\n1\n${'A'.repeat(43)}=`,
      `x\n1\n${'A'.repeat(43)}=\n\n`,
      `x\n+1\n${'A'.repeat(43)}=\n`,
      `x\n 1\n${'A'.repeat(43)}=\n`,
      `x\n9007199254740992\n${'A'.repeat(43)}=\n`,
    ]) {
      expect(() => parseCheckpoint(bad)).toThrow(LedgerError);
    }
  });

  it('parses the example of the C2SP spec', () => {
    const text = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
    const c = parseCheckpoint(text);
    expect([c.origin, c.size, c.extensions]).toEqual(['example.com/behind-the-sofa', 20852163, []]);
    expect(formatCheckpoint(c)).toBe(text);
  });

  it('refuses to format what it would not parse', () => {
    const ok = { origin, size: 1, root: new Uint8Array(32), extensions: [] };
    for (const bad of [
      { ...ok, origin: '' },
      { ...ok, origin: 'a\nb' },
      { ...ok, size: -1 },
      { ...ok, size: 1.5 },
      { ...ok, size: 2 ** 53 },
      { ...ok, root: new Uint8Array(31) },
      { ...ok, extensions: [''] },
      { ...ok, extensions: ['a\nb'] },
    ]) {
      expect(codeOf(() => formatCheckpoint(bad))).toBe('checkpoint-malformed');
    }
  });

  it('is signed by the log key and opened only for its origin', () => {
    const note = signCheckpoint(crypto, { origin, size: 1, root: new Uint8Array(32), extensions: [] }, log);
    expect(openCheckpoint(crypto, note, log, origin).checkpoint.size).toBe(1);
    expect(() => openCheckpoint(crypto, note, log, 'other.example')).toThrow(/not "other.example"/);
    expect(codeOf(() => openCheckpoint(crypto, note, log, 'other.example'))).toBe('checkpoint-wrong-origin');
    const other = generateSigner(crypto, origin);
    expect(codeOf(() => openCheckpoint(crypto, note, other, origin))).toBe('note-unknown-key');
  });
});
