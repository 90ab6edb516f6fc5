import { describe, expect, it } from 'vitest';
import { nodeCrypto as crypto } from '../../platform/node-crypto.ts';
import { formatCheckpoint, openCheckpoint, parseCheckpoint, signCheckpoint } from './checkpoint.ts';
import { cosign, verifyCosignature } from './cosignature.ts';
import { LedgerError } from './ledger-error.ts';
import { ALG_COSIGNATURE_V1, generateSigner, splitNote } from './signed-note.ts';
import { leafHash, proveConsistency, storedHashes, treeHash } from './tlog.ts';
import { witnessCheckpoint } from './witness.ts';

const origin = 'truce.example/log/test';
const log = generateSigner(crypto, origin);
const witness = generateSigner(crypto, 'witness.example', ALG_COSIGNATURE_V1);

async function tree(n: number) {
  const stored: Uint8Array[] = [];
  const read = (ix: number[]) => ix.map((i) => stored[i]!);
  for (let i = 0; i < n; i++)
    stored.push(
      ...(await storedHashes(crypto.sha256, i, leafHash(crypto.sha256, new Uint8Array([i])), read)),
    );
  return read;
}

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
    ]) {
      expect(() => parseCheckpoint(bad)).toThrow(LedgerError);
    }
  });

  it('is signed by the log key and opened only for its origin', () => {
    const note = signCheckpoint(crypto, { origin, size: 1, root: new Uint8Array(32), extensions: [] }, log);
    expect(openCheckpoint(crypto, note, log, origin).checkpoint.size).toBe(1);
    expect(() => openCheckpoint(crypto, note, log, 'other.example')).toThrow(/not "other.example"/);
  });
});

describe('cosignature/v1 and the witness', () => {
  it('a cosignature verifies and binds the time', () => {
    const text = formatCheckpoint({ origin, size: 3, root: new Uint8Array(32), extensions: [] });
    const line = cosign(crypto, witness, text, 1_700_000_000);
    const sig = splitNote(`${text}\n${line}`).signatures[0]!;
    expect(verifyCosignature(crypto, witness, text, sig)).toBe(1_700_000_000);
    expect(() => verifyCosignature(crypto, witness, text.replace('3', '4'), sig)).toThrow(LedgerError);
  });

  it('cosigns a consistent checkpoint and refuses an inconsistent or older one', async () => {
    const read = await tree(10);
    const at = async (n: number) =>
      signCheckpoint(
        crypto,
        { origin, size: n, root: await treeHash(crypto.sha256, n, read), extensions: [] },
        log,
      );
    const known = { origin, logKey: log, size: 4, root: await treeHash(crypto.sha256, 4, read) };
    const ok = witnessCheckpoint(
      crypto,
      witness,
      known,
      await at(10),
      await proveConsistency(crypto.sha256, 4, 10, read),
      1,
    );
    expect(ok.ok && ok.state.size).toBe(10);

    const forked = await tree(10).then(async () => {
      const other: Uint8Array[] = [];
      const r = (ix: number[]) => ix.map((i) => other[i]!);
      for (let i = 0; i < 10; i++)
        other.push(
          ...(await storedHashes(
            crypto.sha256,
            i,
            leafHash(crypto.sha256, new Uint8Array([i === 2 ? 99 : i])),
            r,
          )),
        );
      return r;
    });
    const forkNote = signCheckpoint(
      crypto,
      { origin, size: 10, root: await treeHash(crypto.sha256, 10, forked), extensions: [] },
      log,
    );
    const refused = witnessCheckpoint(
      crypto,
      witness,
      known,
      forkNote,
      await proveConsistency(crypto.sha256, 4, 10, forked),
      1,
    );
    expect(refused).toMatchObject({ ok: false, code: 'inconsistent' });

    const older = witnessCheckpoint(crypto, witness, { ...known, size: 10 }, await at(4), [], 1);
    expect(older).toMatchObject({ ok: false, code: 'older', size: 10 });
    expect(witnessCheckpoint(crypto, witness, undefined, await at(4), [], 1)).toMatchObject({
      code: 'unknown-origin',
    });
  });
});
