import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { toHex } from '../../core/crypto/crypto.ts';
import {
  encodeEntryBundle,
  parseTilePath,
  TILE_WIDTH,
  tileHashIndexes,
  tileWidth,
} from '../../core/ledger/tiles.ts';
import type { LedgerStore } from '../../store/ledger-store.ts';
import type { ServerContext } from '../context.ts';
import type { Held, LogReads } from '../log-reads.ts';
import { HttpProblem } from '../problem.ts';
import { defineRoute } from '../route.ts';
import { LogId } from '../schemas.ts';

/** A full tile never changes; a partial one is replaced by wider ones as the log grows. */
export const FULL_TILE_CACHE = 'public, max-age=31536000, immutable';
export const PARTIAL_TILE_CACHE = 'public, max-age=10';
/** The media type of tiles and entry bundles. */
export const TILE_TYPE = 'application/octet-stream';

const TileParams = z.strictObject({
  id: LogId,
  '*': z.string().max(100).describe('`L/N[.p/W]` or `entries/N[.p/W]`, as C2SP tlog-tiles names them.'),
});

/** The bytes of a tile or entry bundle, or null when the log has not reached it yet. */
async function tileBytes(store: LedgerStore, logId: string, size: number, path: string) {
  const tile = parseTilePath(path);
  if (!tile) return null;
  if (tile.level === 'entries') {
    const have = Math.max(0, Math.min(TILE_WIDTH, size - tile.index * TILE_WIDTH));
    if (tile.width > have) return null;
    const start = tile.index * TILE_WIDTH;
    const entries = await store.rawEntries(logId, start, start + tile.width);
    return { full: tile.width === TILE_WIDTH, bytes: encodeEntryBundle(entries.map((e) => e.bytes)) };
  }
  if (tile.width > tileWidth(tile.level, tile.index, size)) return null;
  const hashes = await store.readHashes(logId, tileHashIndexes(tile.level, tile.index, tile.width));
  const bytes = new Uint8Array(hashes.length * 32);
  hashes.forEach((h, i) => {
    bytes.set(h, i * 32);
  });
  return { full: tile.width === TILE_WIDTH, bytes };
}

/** True when the path names a full tile or bundle (no `.p/W`): one that never changes once the log has it. */
function isFull(path: string): boolean {
  const tile = parseTilePath(path);
  return tile !== null && tile.width === TILE_WIDTH;
}

/** True when If-None-Match names this entity tag (weak comparison, RFC 9110 §13.1.2). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * GET /api/logs/:id/tile/*: C2SP tlog-tiles hash tiles and entry bundles, cacheable. Answered from
 * memory (log-reads.ts): a full tile or bundle for good, a partial one until the log changes.
 */
export const tileRoutes = ({ store, crypto }: ServerContext, reads: LogReads) => {
  const send = (
    request: { headers: Record<string, string | string[] | undefined> },
    reply: FastifyReply,
    tile: Held,
    cache: string,
  ) => {
    reply.header('etag', tile.etag!).header('cache-control', cache);
    const inm = request.headers['if-none-match'];
    if (matches(typeof inm === 'string' ? inm : undefined, tile.etag!)) return reply.code(304).send();
    return reply
      .type(TILE_TYPE)
      .send(Buffer.from(tile.bytes.buffer, tile.bytes.byteOffset, tile.bytes.byteLength));
  };
  /**
   * The tile at the log's current size with its ETag; null when the log has not reached it. A full
   * one is handed out for good (cached a year, kept in memory): only once what it was read from
   * is on the disk (an append is seen from its commit, before its flush, pg-wal-flush.ts), lest a
   * crash lose its events and the log take others at their indexes.
   */
  const read = async (logId: string, path: string): Promise<(Held & { full: boolean }) | null> => {
    const log = await reads.head(logId);
    const tile = await tileBytes(store, log.id, log.size, path);
    if (tile?.full) await store.ensureDurable(log.id, log.size);
    return tile && { bytes: tile.bytes, etag: `"${toHex(crypto.sha256(tile.bytes))}"`, full: tile.full };
  };
  return [
    defineRoute({
      method: 'GET',
      url: '/api/logs/:id/tile/*',
      operationId: 'getTile',
      tag: 'ledger',
      access: 'public',
      summary: 'A hash tile `tile/L/N[.p/W]` or an entry bundle `tile/entries/N[.p/W]` (C2SP tlog-tiles)',
      description:
        'Only tiles the log has at its current size exist. Full tiles are immutable; partial tiles are cached briefly. ' +
        'The ETag is the hex SHA-256 of the body; If-None-Match answers 304.',
      params: TileParams,
      responses: {
        200: {
          description: 'The tile.',
          contentType: 'application/octet-stream',
          headers: { ETag: 'SHA-256 of the body, hex, quoted.' },
        },
        304: { description: 'The client already has this tile.' },
      },
      problems: [404],
      async handler({ params, request, reply }) {
        const path = `tile/${params['*']}`;
        // A full tile once read exists for good: no need to ask whether the log has it.
        const known = reads.immutableKept(params.id, path);
        if (known) return send(request, reply, known, FULL_TILE_CACHE);
        const tile = isFull(path)
          ? await reads.immutableBytes(params.id, path, () => read(params.id, path))
          : await reads.currentBytes(params.id, path, () => read(params.id, path));
        if (!tile) {
          const log = await reads.head(params.id);
          throw new HttpProblem(
            404,
            'tile-not-found',
            `Log "${log.id}" has no ${path} at its size ${log.size}: tiles are tile/L/N[.p/W] or tile/entries/N[.p/W] within the tree.`,
          );
        }
        return send(request, reply, tile, isFull(path) ? FULL_TILE_CACHE : PARTIAL_TILE_CACHE);
      },
    }),
  ];
};
