import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LedgerError } from './ledger-error.ts';
import { verifyConsistency, verifyInclusion } from './merkle-verify.ts';
import {
  decodeEntryBundle,
  encodeEntryBundle,
  entriesPath,
  hashFromTile,
  parseTilePath,
  type Tile,
  tileForStoredIndex,
  tileHashIndexes,
  tileHashReader,
  tilePath,
  tilesFor,
  tileWidth,
} from './tiles.ts';
import {
  inclusionPlan,
  leafHash,
  proveConsistency,
  proveInclusion,
  storedHashes,
  storedHashIndex,
  treeHash,
} from './tlog.ts';

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
    // Each tile has one path: a leading x000 group, a padded width or level is another name for it.
    const others = ['tile/0/x000/001', 'tile/0/001.p/05', 'tile/00/001', 'tile/entries/x000/x001/002'];
    for (const bad of [
      'tile/0/1',
      'tile/0/001.p/256',
      'tile/0/001.p/0',
      'tile/a/001',
      '../etc/passwd',
      ...others,
    ]) {
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

/** A log served as tiles: the tile bytes are the stored hashes of tree level 8·L, concatenated. */
async function tiledLog(size: number) {
  const stored: Uint8Array[] = [];
  const read = (ix: number[]) => ix.map((i) => stored[i]!);
  for (let i = 0; i < size; i++)
    stored.push(
      ...(await storedHashes(sha256, i, leafHash(sha256, new Uint8Array([i & 255, i >> 8, i >> 16])), read)),
    );
  const fetched: string[] = [];
  const serve = (tiles: Tile[]) =>
    tiles.map((t) => {
      fetched.push(tilePath(t.level, t.index, t.width));
      const hashes = read(tileHashIndexes(t.level, t.index, t.width));
      const out = new Uint8Array(32 * hashes.length);
      for (const [i, h] of hashes.entries()) out.set(h, 32 * i);
      return out;
    });
  return { read, serve, fetched };
}

describe('reading the tree from tiles', () => {
  it('finds the tile and the span of hashes behind each stored hash', () => {
    expect(tileForStoredIndex(storedHashIndex(0, 300), 1000)).toEqual({
      tile: { level: 0, index: 1, width: 256 },
      start: 44,
      end: 45,
    });
    // Level 3 node 100 covers level-0 nodes 800..807: tile 0/3, positions 32..39 (partial: 1000 - 768).
    expect(tileForStoredIndex(storedHashIndex(3, 100), 1000)).toEqual({
      tile: { level: 0, index: 3, width: 232 },
      start: 32,
      end: 40,
    });
    expect(tileForStoredIndex(storedHashIndex(9, 1), 1024)).toEqual({
      tile: { level: 1, index: 0, width: 4 },
      start: 2,
      end: 4,
    });
    expect(() => tileForStoredIndex(storedHashIndex(0, 1000), 1000)).toThrow(/not in a tree of size 1000/);
  });

  it('every proof and tree hash read from tiles equals the one read from storage, and verifies', async () => {
    const size = 70_000; // three tile levels: 70000 entries, 273 level-1 hashes, 1 level-2 hash
    const { read, serve, fetched } = await tiledLog(size);
    const tiles = tileHashReader(sha256, size, serve);
    const root = await treeHash(sha256, size, read);
    expect(await treeHash(sha256, size, tiles)).toEqual(root);
    for (const i of [0, 255, 256, 65_535, 65_536, 69_999]) {
      const proof = await proveInclusion(sha256, i, size, tiles);
      expect(proof).toEqual(await proveInclusion(sha256, i, size, read));
      verifyInclusion(sha256, i, size, read([storedHashIndex(0, i)])[0]!, proof, root);
    }
    for (const m of [1, 300, 65_536, 69_000]) {
      const proof = await proveConsistency(sha256, m, size, tiles);
      verifyConsistency(sha256, m, size, proof, await treeHash(sha256, m, read), root);
    }
    expect(fetched).toContain('tile/2/000.p/1');
    expect(fetched).toContain('tile/0/273.p/112');
  });

  it('an inclusion proof in 70,000 entries needs at most one tile per level and side', () => {
    const tiles = tilesFor(inclusionPlan(12_345, 70_000).indexes, 70_000);
    expect(tiles.length).toBeLessThanOrEqual(6);
  });

  it('refuses a tile of the wrong length', () => {
    const tile = { level: 0, index: 0, width: 4 };
    let code = '';
    try {
      hashFromTile(sha256, tile, new Uint8Array(100), 0, 4);
    } catch (e) {
      code = (e as LedgerError).code;
    }
    expect(code).toBe('proof-bad-hash-size');
  });
});
