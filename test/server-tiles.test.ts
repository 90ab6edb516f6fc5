import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCheckpoint } from '../src/core/ledger/checkpoint.ts';
import { verifyInclusion } from '../src/core/ledger/merkle-verify.ts';
import { parseVerifierKey } from '../src/core/ledger/signed-note.ts';
import { decodeEntryBundle, entriesPath, tileHashReader, tilePath } from '../src/core/ledger/tiles.ts';
import { leafHash, proveInclusion, treeHash } from '../src/core/ledger/tlog.ts';
import { FULL_TILE_CACHE, PARTIAL_TILE_CACHE } from '../src/server/routes/tiles.ts';
import { DIALECTS } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { json, serverFixture } from './server-fixture.ts';

const SIZE = 600;

describe.each(DIALECTS)('GET /api/logs/:id/tile/* (C2SP tlog-tiles) on %s', (dialect) => {
  let s: Awaited<ReturnType<typeof serverFixture>>;
  beforeAll(async () => {
    s = await serverFixture(dialect, { extra: SIZE - 5 });
  });
  afterAll(() => s.close());
  const get = (path: string, headers: Record<string, string> = {}) =>
    s.app.inject({ url: `/api/logs/test-log/${path}`, headers });

  it('a client holding only the log key verifies the tree from the served tiles and checkpoint', async () => {
    const note = (await get('checkpoint')).body;
    const { checkpoint } = openCheckpoint(
      crypto,
      note,
      parseVerifierKey(crypto, s.f.operatorKey),
      'truce.example/test-log',
    );
    expect(checkpoint.size).toBe(SIZE);
    const fetched: string[] = [];
    const read = tileHashReader(crypto.sha256, SIZE, async (tiles) =>
      Promise.all(
        tiles.map(async (t) => {
          const path = tilePath(t.level, t.index, t.width);
          fetched.push(path);
          const r = await get(path);
          expect(r.statusCode).toBe(200);
          return new Uint8Array(r.rawPayload);
        }),
      ),
    );
    expect(await treeHash(crypto.sha256, SIZE, read)).toEqual(checkpoint.root);
    expect(fetched).toEqual(['tile/1/000.p/2', 'tile/0/002.p/88']);
    // An inclusion proof for an entry of a full tile, from tiles alone, against the signed root.
    const entry = (await s.store.entries('test-log', 300, 301))[0]!;
    const proof = await proveInclusion(crypto.sha256, 300, SIZE, read);
    verifyInclusion(crypto.sha256, 300, SIZE, leafHash(crypto.sha256, entry.bytes), proof, checkpoint.root);
    expect(fetched).toContain('tile/0/001');
  });

  it('entry bundles hold the stored events, whose leaf hashes are in the level-0 tiles', async () => {
    const bundle = decodeEntryBundle(new Uint8Array((await get(entriesPath(2, 88))).rawPayload));
    expect(bundle).toHaveLength(88);
    const stored = await s.store.entries('test-log', 512, 600);
    expect(bundle.map((b) => new TextDecoder().decode(b))).toEqual(
      stored.map((e) => new TextDecoder().decode(e.bytes)),
    );
    const tile = new Uint8Array((await get(tilePath(0, 2, 88))).rawPayload);
    expect(tile.subarray(0, 32)).toEqual(leafHash(crypto.sha256, bundle[0]!));
    expect((await get(entriesPath(1))).headers['cache-control']).toBe(FULL_TILE_CACHE);
    expect(decodeEntryBundle(new Uint8Array((await get(entriesPath(2, 10))).rawPayload))).toEqual(
      bundle.slice(0, 10),
    );
  });

  it('full tiles are immutable, partial tiles cached briefly; the ETag is the SHA-256 of the body', async () => {
    const full = await get('tile/0/000');
    expect(full.headers['content-type']).toBe('application/octet-stream');
    expect(full.headers['cache-control']).toBe(FULL_TILE_CACHE);
    expect(full.rawPayload).toHaveLength(256 * 32);
    expect(full.headers.etag).toBe(`"${createHash('sha256').update(full.rawPayload).digest('hex')}"`);
    const partial = await get('tile/0/002.p/88');
    expect(partial.headers['cache-control']).toBe(PARTIAL_TILE_CACHE);
    expect(partial.rawPayload).toHaveLength(88 * 32);
    expect((await get('tile/0/002.p/40')).rawPayload).toEqual(partial.rawPayload.subarray(0, 40 * 32));
  });

  it('answers 304 when If-None-Match names the ETag (strong, weak or in a list)', async () => {
    const { etag } = (await get('tile/0/001')).headers as { etag: string };
    for (const inm of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const r = await get('tile/0/001', { 'if-none-match': inm });
      expect(r.statusCode).toBe(304);
      expect(r.body).toBe('');
      expect(r.headers.etag).toBe(etag);
      expect(r.headers['cache-control']).toBe(FULL_TILE_CACHE);
    }
    expect((await get('tile/0/001', { 'if-none-match': '"other"' })).statusCode).toBe(200);
  });

  it('serves only tiles the log has at its size; anything else is a 404 problem', async () => {
    for (const path of [
      'tile/0/002',
      'tile/0/002.p/89',
      'tile/0/003.p/1',
      'tile/1/000',
      'tile/2/000.p/1',
      'tile/entries/002',
      'tile/entries/002.p/89',
      'tile/0/2',
      'tile/0/000.p/256',
      'tile/0/000.p/0',
      'tile/x/000',
    ]) {
      const r = await get(path);
      expect([r.statusCode, json(r).code], path).toEqual([404, 'tile-not-found']);
    }
    const r = await s.app.inject({ url: '/api/logs/nope/tile/0/000' });
    expect([r.statusCode, json(r).code]).toEqual([404, 'log-not-found']);
  });
});
