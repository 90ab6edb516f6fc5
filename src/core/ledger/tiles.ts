import { storedHashIndex } from './tlog.ts';

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

/** Parses a tile path back to (level or 'entries', index, width); null when it is not one. */
export function parseTilePath(
  path: string,
): { level: number | 'entries'; index: number; width: number } | null {
  const m = /^tile\/(entries|\d{1,2})\/((?:x\d{3}\/)*\d{3})(?:\.p\/(\d{1,3}))?$/.exec(path);
  if (!m) return null;
  const index = Number(m[2]!.replaceAll('x', '').replaceAll('/', ''));
  const width = m[3] === undefined ? TILE_WIDTH : Number(m[3]);
  if (!Number.isSafeInteger(index) || width < 1 || width > TILE_WIDTH - (m[3] === undefined ? 0 : 1))
    return null;
  return { level: m[1] === 'entries' ? 'entries' : Number(m[1]), index, width };
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
