import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointLog } from '../src/cli/record-events.ts';
import { buildApp } from '../src/server/app.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { fakeClock } from './helpers/fake-clock.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { sseReader, until, untilAsync } from './helpers/sse.ts';
import { json, seedFixtureLog, serverFixture } from './server-fixture.ts';

describe.each(DIALECTS)('GET /api/logs/:id/stream on %s', (dialect) => {
  let s: Awaited<ReturnType<typeof serverFixture>>;
  let base: string;
  beforeAll(async () => {
    s = await serverFixture(dialect);
    base = await s.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => s.close());

  const append = (bytes: Uint8Array) => {
    const body = new TextDecoder().decode(bytes);
    return fetch(`${base}/api/logs/test-log/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...s.as(JSON.parse(body).event.actor) },
      body,
    });
  };

  it('announces each event appended after connecting, exactly once, in order', async () => {
    const before = s.f.event('monitor', 'statement', { text: 'before connecting' });
    expect((await append(before)).status).toBe(201);
    const controller = new AbortController();
    const r = await fetch(`${base}/api/logs/test-log/stream`, { signal: controller.signal });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('no-cache');
    const sse = sseReader(r.body!);
    const first = s.f.event('monitor', 'statement', { text: 'one' });
    const second = s.f.event('party-a', 'statement', { text: 'two' });
    const a1 = json({ body: await (await append(first)).text() });
    // The same event again is a duplicate (200): not news.
    expect((await append(first)).status).toBe(200);
    const a2 = json({ body: await (await append(second)).text() });
    const got = [await sse.next(), await sse.next()];
    expect(sse.comments).toContain('connected');
    expect(got).toEqual([
      {
        event: 'event',
        id: String(a1.index),
        data: JSON.stringify({ index: a1.index, leafHash: a1.leafHash, kind: 'statement' }),
      },
      {
        event: 'event',
        id: String(a2.index),
        data: JSON.stringify({ index: a2.index, leafHash: a2.leafHash, kind: 'statement' }),
      },
    ]);
    expect(a2.index).toBe((a1.index as number) + 1);
    // Nothing else arrives: a third append is the next message, not a repeat.
    const third = json({
      body: await (await append(s.f.event('monitor', 'statement', { text: 'three' }))).text(),
    });
    expect(JSON.parse((await sse.next())!.data)).toMatchObject({ index: third.index });
    controller.abort();
    await sse.cancel().catch(() => {});
  });

  /** Opens the log's stream, with Last-Event-ID if given; `stop` ends it. */
  const open = async (lastEventId?: string) => {
    const controller = new AbortController();
    const r = await fetch(`${base}/api/logs/test-log/stream`, {
      signal: controller.signal,
      headers: lastEventId === undefined ? {} : { 'last-event-id': lastEventId },
    });
    expect(r.status).toBe(200);
    const sse = sseReader(r.body!);
    return {
      sse,
      stop: async () => {
        controller.abort();
        await sse.cancel().catch(() => {});
      },
    };
  };
  const indexOf = (m: { data: string } | null) => JSON.parse(m!.data).index as number;

  it('with Last-Event-ID, resumes at the next event: those appended meanwhile first, then the new ones', async () => {
    const first = json({
      body: await (await append(s.f.event('monitor', 'statement', { text: 'seen' }))).text(),
    });
    const missed = [];
    for (const text of ['missed 1', 'missed 2'])
      missed.push(json({ body: await (await append(s.f.event('monitor', 'statement', { text }))).text() }));
    const { sse, stop } = await open(String(first.index));
    const later = json({
      body: await (await append(s.f.event('party-b', 'statement', { text: 'later' }))).text(),
    });
    const got = [await sse.next(), await sse.next(), await sse.next()];
    expect(got.map((m) => m!.id)).toEqual([missed[0]!.index, missed[1]!.index, later.index].map(String));
    expect(got.map(indexOf)).toEqual([missed[0]!.index, missed[1]!.index, later.index]);
    await stop();
  });

  it('a Last-Event-ID that is not an index is 400 problem+json', async () => {
    const r = await fetch(`${base}/api/logs/test-log/stream`, { headers: { 'last-event-id': 'abc' } });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { code: string }).code).toBe('request-invalid');
  });

  it('announces appends and checkpoints made by another process writing the same database', async () => {
    const { sse, stop } = await open();
    // Not through this server: the store, as the CLI (truce record, truce log checkpoint) uses it.
    const other = new LedgerStore(s.database, crypto);
    const [stored] = await other.append('test-log', [
      s.f.event('monitor', 'statement', { text: 'by the CLI' }),
    ]);
    const m = await sse.next();
    expect(m).toMatchObject({ event: 'event', id: String(stored!.index) });
    expect(JSON.parse(m!.data)).toEqual({
      index: stored!.index,
      leafHash: stored!.leafHash,
      kind: 'statement',
    });
    await checkpointLog(other, 'test-log', s.f.keys.operator!);
    expect(await sse.next()).toEqual({
      event: 'checkpoint',
      data: JSON.stringify({ size: stored!.index + 1 }),
    });
    await stop();
  });

  it('an unknown log is 404 problem+json, not a stream', async () => {
    const r = await fetch(`${base}/api/logs/nope/stream`);
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await r.json()) as { code: string }).code).toBe('log-not-found');
  });

  it('closing the server ends open streams instead of waiting for them', async () => {
    const r = await fetch(`${base}/api/logs/test-log/stream`);
    const sse = sseReader(r.body!);
    const ended = sse.next();
    await s.app.close();
    expect(await ended).toBeNull();
    expect(sse.comments).toContain('connected');
  });
});

describe.each(DIALECTS)('status messages on %s', (dialect) => {
  it('after new events, names each provision whose status changed, once', async () => {
    const database = await scratchDatabase(dialect);
    // A log that adopted the published agreement of the same id, by its hash.
    const { f, store, tokens } = await seedFixtureLog(database, 'nov-2023-pause');
    const text = readFileSync(new URL('../examples/agreements/nov-2023-pause.yaml', import.meta.url));
    const sha256 = createHash('sha256').update(text).digest('hex');
    await store.append(f.logId, [
      f.event('operator', 'agreement.adopted', { agreement: 'nov-2023-pause', version: 1, sha256 }),
    ]);
    // The server's clock is the fixture's: the events it appends are recorded now, to the server.
    const app = await buildApp({ database, crypto, now: f.now });
    try {
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const controller = new AbortController();
      const r = await fetch(`${base}/api/logs/${f.logId}/stream`, { signal: controller.signal });
      const sse = sseReader(r.body!);
      const before = (await (await app.inject({ url: `/api/logs/${f.logId}/status` })).json()) as {
        provisions: { provision: string; status: string; basis?: string }[];
      };
      const ceasefire = before.provisions.find((p) => p.provision === 'ceasefire')!;
      expect(ceasefire.status).not.toBe('disputed');
      const alleged = f.event('monitor', 'violation.alleged', {
        against: 'hamas',
        provision: 'ceasefire',
        description: 'Fire reported at a crossing.',
      });
      const post = await fetch(`${base}/api/logs/${f.logId}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.monitor}` },
        body: new TextDecoder().decode(alleged),
      });
      expect(post.status).toBe(201);
      expect((await sse.next())!.event).toBe('event');
      const status = await sse.next();
      expect(status!.event).toBe('status');
      const data = JSON.parse(status!.data) as { asOf: string; provisions: unknown[] };
      expect(data.asOf).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      // An allegation nobody answered is the alleging side's claim, not a dispute (TRUTH.md rule 4):
      // the ceasefire can no longer be said to have held, and nothing records that it did.
      // Before it, nothing alleged: no breach recorded. The status word stays; what it rests on changes.
      expect(ceasefire).toMatchObject({ status: 'unrecorded', basis: 'no-breach-recorded' });
      expect(data.provisions).toEqual([
        {
          provision: 'ceasefire',
          kind: 'cessation',
          status: 'unrecorded',
          previous: 'unrecorded',
          previousBasis: 'no-breach-recorded',
        },
      ]);
      // An event that changes no status sends none: the next message is that event's.
      const note = f.event('monitor', 'statement', { text: 'nothing changes' });
      await fetch(`${base}/api/logs/${f.logId}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.monitor}` },
        body: new TextDecoder().decode(note),
      });
      const again = f.event('monitor', 'statement', { text: 'still nothing' });
      await fetch(`${base}/api/logs/${f.logId}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.monitor}` },
        body: new TextDecoder().decode(again),
      });
      expect([(await sse.next())!.event, (await sse.next())!.event]).toEqual(['event', 'event']);
      controller.abort();
      await sse.cancel().catch(() => {});
    } finally {
      await app.close();
      await database.close();
    }
  });
  it('when a deadline passes with no event, names the provisions whose status changed then, as the status route judges them', async () => {
    const database = await scratchDatabase(dialect);
    const { f, store } = await seedFixtureLog(database, 'nov-2023-pause');
    const text = readFileSync(new URL('../examples/agreements/nov-2023-pause.yaml', import.meta.url));
    const sha256 = createHash('sha256').update(text).digest('hex');
    await store.append(f.logId, [
      f.event('operator', 'agreement.adopted', { agreement: 'nov-2023-pause', version: 1, sha256 }),
    ]);
    // The streams' clock moves only when the test moves it: no real time is waited for.
    const time = fakeClock(f.now());
    const app = await buildApp({ database, crypto, now: time.clock.now, streamClock: time.clock });
    try {
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const start = time.clock.now();
      const controller = new AbortController();
      const r = await fetch(`${base}/api/logs/${f.logId}/stream`, { signal: controller.signal });
      const sse = sseReader(r.body!);
      const next = sse.next();
      // Joined: the first evaluation, at the start, stands.
      await until(() => sse.comments.includes('connected'), 'the stream to open');
      // A day of the pause later, deadlines (a day's aid, its exchanges) have passed; nothing was appended.
      // An evaluation that ends after the clock passed the next deadline sets a timer already due:
      // the clock fires it when moved again, as a real timer would at once.
      let status: Awaited<typeof next> | undefined;
      void next.then((m) => {
        status = m;
      });
      time.advance(24 * 3_600_000);
      await until(
        () => {
          time.advance(0);
          return status !== undefined;
        },
        'a status message',
        60_000,
      );
      expect(status!.event).toBe('status');
      const data = JSON.parse(status!.data) as { asOf: string; provisions: Record<string, unknown>[] };
      const asOf = Date.parse(data.asOf);
      expect(asOf).toBeGreaterThan(start);
      expect(asOf).toBeLessThanOrEqual(start + 24 * 3_600_000);
      const at = async (ms: number) =>
        (
          (await (
            await app.inject({
              url: `/api/logs/${f.logId}/status?at=${encodeURIComponent(new Date(ms).toISOString())}`,
            })
          ).json()) as { provisions: { provision: string; kind: string; status: string; basis?: string }[] }
        ).provisions;
      const before = new Map((await at(start)).map((p) => [p.provision, p]));
      const expected = (await at(asOf))
        .filter(
          (p) => before.get(p.provision)?.status !== p.status || before.get(p.provision)?.basis !== p.basis,
        )
        .map((p) => ({
          provision: p.provision,
          kind: p.kind,
          status: p.status,
          ...(p.basis ? { basis: p.basis } : {}),
          previous: before.get(p.provision)?.status ?? null,
          ...(before.get(p.provision)?.basis ? { previousBasis: before.get(p.provision)!.basis } : {}),
        }));
      expect(expected.length).toBeGreaterThan(0);
      expect(data.provisions).toEqual(expected);
      controller.abort();
      await sse.cancel().catch(() => {});
    } finally {
      await app.close();
      await database.close();
    }
  }, 90_000);
});

describe('GET /api/logs/:id/stream when the LISTEN connection drops (postgres)', () => {
  it('connects again and sends what was appended meanwhile, read from the log', async () => {
    const s = await serverFixture('postgres');
    try {
      const base = await s.app.listen({ port: 0, host: '127.0.0.1' });
      const controller = new AbortController();
      const r = await fetch(`${base}/api/logs/test-log/stream`, { signal: controller.signal });
      const sse = sseReader(r.body!);
      const other = new LedgerStore(s.database, crypto);
      const [before] = await other.append('test-log', [
        s.f.event('monitor', 'statement', { text: 'before' }),
      ]);
      expect((await sse.next())!.id).toBe(String(before!.index));
      // The server's own LISTEN connection, ended as a restart or an administrator would.
      const listening = async () =>
        (
          await s.database.pool!.query(
            `select pid from pg_stat_activity
             where datname = current_database() and query = 'LISTEN truce_log' and pid <> pg_backend_pid()`,
          )
        ).rows.map((row) => row.pid as number);
      const [pid] = await listening();
      await s.database.pool!.query('select pg_terminate_backend($1)', [pid]);
      await untilAsync(async () => !(await listening()).includes(pid!), 'the old connection to be gone');
      // Appended by another process while nobody listens: no notification of it will ever come.
      const meanwhile = await other.append('test-log', [
        s.f.event('party-a', 'statement', { text: 'while disconnected' }),
        s.f.event('party-b', 'statement', { text: 'also while disconnected' }),
      ]);
      const got = [await sse.next(), await sse.next()];
      expect(got.map((m) => m!.id)).toEqual(meanwhile.map((m) => String(m.index)));
      const renewed = await listening();
      expect(renewed).toHaveLength(1);
      expect(renewed[0]).not.toBe(pid);
      const [after] = await other.append('test-log', [s.f.event('monitor', 'statement', { text: 'after' })]);
      expect((await sse.next())!.id).toBe(String(after!.index));
      controller.abort();
      await sse.cancel().catch(() => {});
    } finally {
      await s.close();
    }
  });
});
