import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cosign } from '../src/core/ledger/cosignature.ts';
import { ALG_COSIGNATURE_V1, generateSigner } from '../src/core/ledger/note-keys.ts';
import { verifyProofBundle } from '../src/core/ledger/proof-bundle.ts';
import { formatVerifierKey, parseVerifierKey, splitNote } from '../src/core/ledger/signed-note.ts';
import { EventPage, EventWithProof, LogSummary } from '../src/server/schemas.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { DIALECTS } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { json, serverFixture } from './server-fixture.ts';

const problemCode = (r: { statusCode: number; headers: Record<string, unknown>; body: string }) => {
  expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
  return [r.statusCode, json(r).code];
};

describe.each(DIALECTS)('log read routes on %s', (dialect) => {
  let s: Awaited<ReturnType<typeof serverFixture>>;
  const witness = generateSigner(crypto, 'witness-1', ALG_COSIGNATURE_V1);
  let line: string;
  beforeAll(async () => {
    s = await serverFixture(dialect, { extra: 5 });
    const note = (await s.store.latestCheckpoint('test-log'))!.note;
    line = cosign(crypto, witness, splitNote(note).text, 1_700_000_000);
    await s.store.addCosignature('test-log', 10, 'witness-1', line, '2023-11-24T00:00:00Z');
  });
  afterAll(() => s.close());
  const get = (url: string, headers: Record<string, string> = {}) => s.app.inject({ url, headers });

  it('GET /api/logs lists each log with its size and latest checkpoint size', async () => {
    const r = await get('/api/logs');
    expect(r.statusCode).toBe(200);
    const { logs } = json(r) as { logs: unknown[] };
    expect(logs.map((l) => LogSummary.parse(l))).toEqual([
      expect.objectContaining({
        id: 'test-log',
        origin: 'truce.example/test-log',
        size: 10,
        checkpointSize: 10,
      }),
    ]);
    expect(json(r).next).toBeNull();
  });

  it('GET /api/logs pages by id with from and limit', async () => {
    for (const id of ['a-log', 'b-log'])
      await s.store.createLog({
        id,
        origin: `truce.example/${id}`,
        logKey: s.f.operatorKey,
        createdAt: '2023-11-24T00:00:00Z',
      });
    const first = json(await get('/api/logs?limit=2')) as { logs: { id: string }[]; next: number | null };
    expect([first.logs.map((l) => l.id), first.next]).toEqual([['a-log', 'b-log'], 2]);
    const rest = json(await get('/api/logs?from=2&limit=2')) as {
      logs: { id: string }[];
      next: number | null;
    };
    expect([rest.logs.map((l) => l.id), rest.next]).toEqual([['test-log'], null]);
    expect(json(await get('/api/logs?limit=0')).code).toBe('request-invalid');
  });

  it('GET /api/logs/:id answers the log with its size as ETag; an unknown log is 404', async () => {
    const r = await get('/api/logs/test-log');
    expect(r.statusCode).toBe(200);
    expect(r.headers.etag).toBe('"10"');
    expect(LogSummary.parse(json(r)).logKey).toBe(s.f.operatorKey);
    expect(problemCode(await get('/api/logs/nope'))).toEqual([404, 'log-not-found']);
  });

  it('GET /api/logs/:id/checkpoint is the signed note with its cosignature lines, not cached', async () => {
    const r = await get('/api/logs/test-log/checkpoint');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.body).toBe(`${(await s.store.latestCheckpoint('test-log'))!.note}${line}`);
    expect(r.body.split('\n').slice(0, 2)).toEqual(['truce.example/test-log', '10']);
    expect(problemCode(await get('/api/logs/nope/checkpoint'))).toEqual([404, 'log-not-found']);
  });

  it('GET /api/logs/:id/events pages through the log with next', async () => {
    const seen: number[] = [];
    let url: string | null = '/api/logs/test-log/events?limit=4';
    while (url) {
      const page = EventPage.parse(json(await get(url)));
      seen.push(...page.events.map((e) => e.index));
      url = page.next === null ? null : `/api/logs/test-log/events?from=${page.next}&limit=4`;
    }
    expect(seen).toEqual([...Array(10).keys()]);
    const all = EventPage.parse(json(await get('/api/logs/test-log/events')));
    expect(all.events).toHaveLength(10);
    expect(all.next).toBeNull();
    expect(all.events[5]!.event.event.kind).toBe('statement');
    expect(EventPage.parse(json(await get('/api/logs/test-log/events?from=50'))).events).toEqual([]);
  });

  it('GET /api/logs/:id/events refuses bad paging (400) and unknown logs (404)', async () => {
    for (const q of ['limit=0', 'limit=1001', 'from=-1', 'from=x', 'limit=1.5', 'other=1']) {
      expect(problemCode(await get(`/api/logs/test-log/events?${q}`))).toEqual([400, 'request-invalid']);
    }
    expect(json(await get('/api/logs/test-log/events?limit=abc')).detail).toMatch(/limit/);
    expect(problemCode(await get('/api/logs/nope/events'))).toEqual([404, 'log-not-found']);
  });

  it('GET /api/logs/:id/events/:leafHash answers the event and a receipt that verifies offline', async () => {
    const [entry] = await s.store.entries('test-log', 7, 8);
    const r = await get(`/api/logs/test-log/events/${entry!.leafHash}`);
    expect(r.statusCode).toBe(200);
    const body = EventWithProof.parse(json(r));
    expect(body).toMatchObject({ index: 7, leafHash: entry!.leafHash, checkpointSize: 10 });
    const verified = verifyProofBundle(
      crypto,
      body.proof!,
      entry!.bytes,
      parseVerifierKey(crypto, s.f.operatorKey),
      'truce.example/test-log',
      { witnesses: [parseVerifierKey(crypto, formatVerifierKey(witness))], quorum: 1 },
    );
    expect(verified.index).toBe(7);
    expect(verified.cosigned).toEqual([{ witness: 'witness-1', time: 1_700_000_000 }]);
  });

  it('an event the latest checkpoint does not cover has no receipt yet', async () => {
    const [appended] = await s.store.append('test-log', [
      s.f.event('monitor', 'statement', { text: 'later' }),
    ]);
    const body = EventWithProof.parse(json(await get(`/api/logs/test-log/events/${appended!.leafHash}`)));
    expect(body).toMatchObject({ index: 10, proof: null, checkpointSize: null });
  });

  it('an unknown or malformed leaf hash is 404 or 400', async () => {
    expect(problemCode(await get(`/api/logs/test-log/events/${'0'.repeat(64)}`))).toEqual([
      404,
      'event-not-found',
    ]);
    expect(problemCode(await get('/api/logs/test-log/events/XYZ'))).toEqual([400, 'request-invalid']);
    expect(problemCode(await get(`/api/logs/nope/events/${'0'.repeat(64)}`))).toEqual([404, 'log-not-found']);
  });

  it('GET /api/logs/:id/events answers a page asked again from memory, and the new page once the log grows', async () => {
    const url = '/api/logs/test-log/events?from=8&limit=50';
    const before = EventPage.parse(json(await get(url)));
    const indexes = before.events.map((e) => e.index);
    expect(indexes[0]).toBe(8);
    expect(indexes.at(-1)).toBe(before.size - 1);
    // The app's own store reads the page: every LedgerStore's reads are counted.
    const reads = vi.spyOn(LedgerStore.prototype, 'entries');
    try {
      const again = await get(url);
      expect(EventPage.parse(json(again))).toEqual(before);
      expect(reads).not.toHaveBeenCalled();
      await s.store.append('test-log', [s.f.event('monitor', 'statement', { text: 'page grows' })]);
      const after = EventPage.parse(json(await get(url)));
      expect(reads).toHaveBeenCalledTimes(1);
      expect(after.events.map((e) => e.index)).toEqual([...indexes, before.size]);
      expect(after.size).toBe(before.size + 1);
      expect(after.events.slice(0, -1)).toEqual(before.events);
    } finally {
      reads.mockRestore();
    }
  });
});

describe.each(DIALECTS)('a log without a checkpoint on %s', (dialect) => {
  it('has no checkpoint to serve (404) and lists checkpointSize null', async () => {
    const s = await serverFixture(dialect, { checkpoint: false });
    try {
      const r = await s.app.inject({ url: '/api/logs/test-log/checkpoint' });
      expect(problemCode(r)).toEqual([404, 'checkpoint-not-found']);
      expect(json(r).detail).toMatch(/truce log checkpoint/);
      expect(json(await s.app.inject({ url: '/api/logs/test-log' })).checkpointSize).toBeNull();
    } finally {
      await s.close();
    }
  });
});
