import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decodeEntryBundle,
  encodeEntryBundle,
  entriesPath,
  parseTilePath,
  tileHashIndexes,
  tilePath,
  tileWidth,
} from './tiles.ts';
import { leafHash, storedHashes, treeHash } from './tlog.ts';

const sha256 = (d: Uint8Array) => new Uint8Array(createHash('sha256').update(d).digest());

describe('tile paths (C2SP tlog-tiles)', () => {
  it('encode the index in x-prefixed groups of three digits', () => {
    expect(tilePath(0, 1234067)).toBe('tile/0/x001/x234/067');
    expect(tilePath(1, 5, 17)).toBe('tile/1/005.p/17');
    expect(entriesPath(0, 3)).toBe('tile/entries/000.p/3');
    expect(entriesPath(1000)).toBe('tile/entries/x001/000');
  });

  it('parse back, and refuse what is not a tile path', () => {
    expect(parseTilePath('tile/0/x001/x234/067')).toEqual({ level: 0, index: 1234067, width: 256 });
    expect(parseTilePath('tile/entries/000.p/3')).toEqual({ level: 'entries', index: 0, width: 3 });
    for (const bad of ['tile/0/1', 'tile/0/001.p/256', 'tile/0/001.p/0', 'tile/a/001', '../etc/passwd']) {
      expect(parseTilePath(bad)).toBeNull();
    }
  });

  it('a level-1 tile holds the roots of 256-entry subtrees, so the tree hash follows from tiles', async () => {
    const stored: Uint8Array[] = [];
    const read = (ix: number[]) => ix.map((i) => stored[i]!);
    const size = 600;
    for (let i = 0; i < size; i++)
      stored.push(
        ...(await storedHashes(sha256, i, leafHash(sha256, new Uint8Array([i & 255, i >> 8])), read)),
      );
    expect(tileWidth(0, 2, size)).toBe(600 - 512);
    expect(tileWidth(1, 0, size)).toBe(2);
    const level1 = read(tileHashIndexes(1, 0, 2));
    expect(level1[0]).toEqual(await treeHash(sha256, 256, read));
    const right = await treeHash(sha256, 512, read);
    expect(sha256(new Uint8Array([1, ...level1[0]!, ...level1[1]!]))).toEqual(right);
  });

  it('entry bundles round-trip', () => {
    const entries = [new Uint8Array([1, 2, 3]), new Uint8Array(0), new Uint8Array(300).fill(7)];
    expect(decodeEntryBundle(encodeEntryBundle(entries))).toEqual(entries);
    expect(() => decodeEntryBundle(new Uint8Array([0, 5, 1]))).toThrow(/Truncated/);
  });
});
