import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signCheckpoint } from '../../../src/core/ledger/checkpoint.ts';
import { cosign } from '../../../src/core/ledger/cosignature.ts';
import { ALG_COSIGNATURE_V1, generateSigner } from '../../../src/core/ledger/note-keys.ts';
import { formatVerifierKey, splitNote } from '../../../src/core/ledger/signed-note.ts';
import { crypto, ledgerFixture } from '../../../test/helpers/ledger-fixture.ts';
import { trustRootOf } from '../../scripts/generate-trusted-keys.ts';
import { TRUSTED_KEYS } from './trusted-keys.ts';

describe('trusted keys pinned in the build', () => {
  it('are current: the keys of every log in examples/logs (run npx node web/scripts/generate-trusted-keys.ts)', () => {
    expect(TRUSTED_KEYS).toEqual(trustRootOf());
    expect(Object.keys(TRUSTED_KEYS.logs)).toContain('nov-2023-pause');
  });

  it('pin the registered witnesses, and as quorum those that cosigned the latest checkpoint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'truce-trust-'));
    try {
      const f = ledgerFixture('pinned');
      const [w1, w2, w3] = ['w-1', 'w-2', 'w-3'].map((n) => generateSigner(crypto, n, ALG_COSIGNATURE_V1));
      const reg = (w: typeof w1) =>
        f.event('operator', 'actor.registered', {
          actor: w!.name,
          name: w!.name,
          role: 'witness',
          key: formatVerifierKey(w!),
        });
      const events = [
        ...f.genesis(),
        reg(w1),
        reg(w2),
        reg(w3),
        f.event('operator', 'actor.revoked', { actor: 'w-3' }),
      ];
      const note = signCheckpoint(
        crypto,
        { origin: 'truce.example/pinned', size: events.length, root: new Uint8Array(32), extensions: [] },
        f.keys.operator!,
      );
      const text = splitNote(note).text;
      const cosignatures = [w1!, w3!].map((w) => ({
        witness: w.name,
        line: cosign(crypto, w, text, 1_700_000_000),
      }));
      mkdirSync(join(dir, 'pinned'));
      const write = (file: string, data: string) => writeFileSync(join(dir, 'pinned', file), data);
      write(
        'log.json',
        JSON.stringify({ id: 'pinned', origin: 'truce.example/pinned', logKey: f.operatorKey }),
      );
      write('events.jsonl', `${events.map((e) => new TextDecoder().decode(e)).join('\n')}\n`);
      write('checkpoints.json', JSON.stringify([{ size: events.length, note, cosignatures }]));
      expect(trustRootOf(dir)).toEqual({
        logs: {
          pinned: {
            logId: 'pinned',
            origin: 'truce.example/pinned',
            logKey: f.operatorKey,
            witnesses: [formatVerifierKey(w1!), formatVerifierKey(w2!)].sort(),
            // w-3 cosigned but was revoked; w-2 is pinned but did not cosign.
            quorum: 1,
          },
        },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
