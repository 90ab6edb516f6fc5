import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALG_COSIGNATURE_V1, formatVerifierKey, generateSigner } from '../core/ledger/signed-note.ts';
import { nodeCrypto as crypto } from '../platform/node-crypto.ts';
import { loadWitnessFollow } from './witness-follow.ts';

describe('loadWitnessFollow (--witness-follow FILE)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'truce-follow-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const logKey = formatVerifierKey(generateSigner(crypto, 'other.example/log'));

  it('reads the logs to follow, each an origin and an Ed25519 verifier key', async () => {
    const logs = [
      { origin: 'other.example/log', logKey },
      { origin: 'third.example/log', logKey: formatVerifierKey(generateSigner(crypto, 'third')) },
    ];
    expect(await loadWitnessFollow(crypto, file('ok.json', JSON.stringify(logs)))).toEqual(logs);
    expect(await loadWitnessFollow(crypto, file('empty.json', '[]'))).toEqual([]);
  });

  it('refuses a missing file, bad JSON, a bad or witness key, a repeated origin, naming the file', async () => {
    const witnessKey = formatVerifierKey(generateSigner(crypto, 'w', ALG_COSIGNATURE_V1));
    const cases: [string, string, RegExp][] = [
      ['syntax.json', '[{', /must be JSON/],
      ['shape.json', JSON.stringify([{ origin: 'a' }]), /must be JSON/],
      ['extra.json', JSON.stringify([{ origin: 'a', logKey, more: 1 }]), /must be JSON/],
      ['newline.json', JSON.stringify([{ origin: 'a\nb', logKey }]), /must be JSON/],
      ['badkey.json', JSON.stringify([{ origin: 'a', logKey: 'a+00000000+AAAA' }]), /entry 1: .*malformed/],
      ['witness.json', JSON.stringify([{ origin: 'a', logKey: witnessKey }]), /entry 1: .*not a witness key/],
      [
        'twice.json',
        JSON.stringify([
          { origin: 'a', logKey },
          { origin: 'a', logKey },
        ]),
        /listed twice/,
      ],
    ];
    for (const [name, text, message] of cases) {
      const path = file(name, text);
      const e = (await loadWitnessFollow(crypto, path).catch((x: unknown) => x)) as Error;
      expect(e, name).toBeInstanceOf(Error);
      expect(e.message, name).toMatch(message);
      expect(e.message, name).toContain(path);
    }
    const missing = (await loadWitnessFollow(crypto, join(dir, 'nope.json')).catch(
      (x: unknown) => x,
    )) as Error;
    expect(missing.message).toContain('Cannot read the witness follow list');
  });
});
