/**
 * C2SP tlog-tiles (https://c2sp.org/tlog-tiles): the tree served as static files of 256 hashes.
 * Paths, which tiles a proof needs, and reading hashes back out of tile bytes.
 */
import { LedgerError } from './ledger-error.ts';
import { HASH_SIZE, type Hash, rangeHash, type Sha256 } from './merkle.ts';
import { type HashReader, splitStoredHashIndex, storedHashIndex } from './tlog.ts';

/** C2SP tlog-tiles: tiles are 2^8 = 256 hashes wide; level L holds tree level 8·L. */
export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;

/** A tile index N as path elements: groups of 3 digits, all but the last prefixed with x. */
export function tileIndexPath(n: number): string {
  const groups: string[] = [];
  do {
    groups.unshift(String(n % 1000).padStart(3, '0'));
    n = Math.floor(n / 1000);
  } while (n > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

/** `tile/<L>/<N>[.p/<W>]`: a full tile when width is 256, else a partial one. */
export function tilePath(level: number, index: number, width = TILE_WIDTH): string {
  return `tile/${level}/${tileIndexPath(index)}${width < TILE_WIDTH ? `.p/${width}` : ''}`;
}

/** `tile/entries/<N>[.p/<W>]`: the bundle of entries 256·N … 256·N + W − 1. */
export function entriesPath(index: number, width = TILE_WIDTH): string {
  return `tile/entries/${tileIndexPath(index)}${width < TILE_WIDTH ? `.p/${width}` : ''}`;
}

/** Parses a tile path back to (level or 'entries', index, width); null when it is not one in its canonical form. */
export function parseTilePath(
  path: string,
): { level: number | 'entries'; index: number; width: number } | null {
  const m = /^tile\/(entries|\d{1,2})\/((?:x\d{3}\/)*\d{3})(?:\.p\/(\d{1,3}))?$/.exec(path);
  if (!m) return null;
  const index = Number(m[2]!.replaceAll('x', '').replaceAll('/', ''));
  const width = m[3] === undefined ? TILE_WIDTH : Number(m[3]);
  if (!Number.isSafeInteger(index) || width < 1 || width > TILE_WIDTH - (m[3] === undefined ? 0 : 1))
    return null;
  const level = m[1] === 'entries' ? 'entries' : Number(m[1]);
  // One canonical form per tile: no x000 group in front, no leading zeros in L or W.
  const canonical = level === 'entries' ? entriesPath(index, width) : tilePath(level, index, width);
  if (canonical !== path) return null;
  return { level, index, width };
}

/** How many hashes of tile (level, index) a tree of `size` entries has: its width, 0 if none. */
export function tileWidth(level: number, index: number, size: number): number {
  const nodes = Math.floor(size / 2 ** (TILE_HEIGHT * level));
  return Math.max(0, Math.min(TILE_WIDTH, nodes - index * TILE_WIDTH));
}

/** Storage indexes of the hashes of a tile, in order: tree level 8·L, nodes 256·N … 256·N + W − 1. */
export function tileHashIndexes(level: number, index: number, width: number): number[] {
  return Array.from({ length: width }, (_, i) =>
    storedHashIndex(TILE_HEIGHT * level, index * TILE_WIDTH + i),
  );
}

/** An entry bundle: each entry as a big-endian uint16 length and its bytes. */
export function encodeEntryBundle(entries: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(entries.reduce((n, e) => n + 2 + e.length, 0));
  let at = 0;
  for (const e of entries) {
    if (e.length > 0xffff) throw new RangeError('An entry of a tlog-tiles bundle is at most 65535 bytes.');
    out[at] = e.length >> 8;
    out[at + 1] = e.length & 0xff;
    out.set(e, at + 2);
    at += 2 + e.length;
  }
  return out;
}

export function decodeEntryBundle(bundle: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bundle.length; ) {
    if (at + 2 > bundle.length) throw new RangeError('Truncated entry bundle.');
    const n = (bundle[at]! << 8) | bundle[at + 1]!;
    if (at + 2 + n > bundle.length) throw new RangeError('Truncated entry bundle.');
    out.push(bundle.slice(at + 2, at + 2 + n));
    at += 2 + n;
  }
  return out;
}

/** A hash tile: level L, index N and width W (1 to 256 hashes), as in `tile/<L>/<N>[.p/<W>]`. */
export interface Tile {
  level: number;
  index: number;
  width: number;
}

/**
 * The tile of a tree of `size` entries that holds stored hash `storedIndex`, and the hashes
 * [start, end) of that tile it is made of: a hash at tree level 8·L + k is the root of 2^k
 * consecutive hashes of a level-L tile (tlog.TileForIndex, with C2SP's fixed height 8).
 */
export function tileForStoredIndex(
  storedIndex: number,
  size: number,
): { tile: Tile; start: number; end: number } {
  const [level, n] = splitStoredHashIndex(storedIndex);
  const tileLevel = Math.floor(level / TILE_HEIGHT);
  const span = 2 ** (level % TILE_HEIGHT);
  const first = n * span;
  const index = Math.floor(first / TILE_WIDTH);
  const start = first - index * TILE_WIDTH;
  const width = tileWidth(tileLevel, index, size);
  if (start + span > width) {
    throw new LedgerError(
      'proof-index-out-of-range',
      `Stored hash ${storedIndex} (level ${level}, node ${n}) is not in a tree of size ${size}.`,
    );
  }
  return { tile: { level: tileLevel, index, width }, start, end: start + span };
}

/** The distinct tiles that hold the given stored hashes, in a tree of `size` entries. */
export function tilesFor(storedIndexes: number[], size: number): Tile[] {
  const tiles = new Map<string, Tile>();
  for (const i of storedIndexes) {
    const { tile } = tileForStoredIndex(i, size);
    tiles.set(tilePath(tile.level, tile.index, tile.width), tile);
  }
  return [...tiles.values()];
}

/** Stored hash `storedIndex` out of the bytes of its tile (tlog.HashFromTile). */
export function hashFromTile(
  sha256: Sha256,
  tile: Tile,
  data: Uint8Array,
  storedIndex: number,
  size: number,
): Hash {
  if (data.length !== tile.width * HASH_SIZE) {
    throw new LedgerError(
      'proof-bad-hash-size',
      `Tile ${tilePath(tile.level, tile.index, tile.width)} is ${data.length} bytes; it should be ${tile.width * HASH_SIZE}.`,
    );
  }
  const { start, end } = tileForStoredIndex(storedIndex, size);
  const at = (i: number) => data.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE);
  return end - start === 1 ? at(start).slice() : rangeHash(sha256, start, end, at);
}

/**
 * A HashReader over tiles fetched by `readTiles` (from a server, a folder, a cache). Tiles are
 * not trusted: a proof or tree hash built from them means something only once it is verified
 * against a signed checkpoint, which is what the verifiers do.
 */
export function tileHashReader(
  sha256: Sha256,
  size: number,
  readTiles: (tiles: Tile[]) => Promise<Uint8Array[]> | Uint8Array[],
): HashReader {
  return async (indexes) => {
    const tiles = tilesFor(indexes, size);
    const data = await readTiles(tiles);
    if (data.length !== tiles.length) {
      throw new LedgerError('proof-wrong-length', `Asked for ${tiles.length} tiles, got ${data.length}.`);
    }
    const byPath = new Map(tiles.map((t, i) => [tilePath(t.level, t.index, t.width), data[i]!]));
    return indexes.map((i) => {
      const { tile } = tileForStoredIndex(i, size);
      return hashFromTile(sha256, tile, byPath.get(tilePath(tile.level, tile.index, tile.width))!, i, size);
    });
  };
}
