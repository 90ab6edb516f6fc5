import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { Evaluation } from '../src/server/status-schemas.ts';
import type { Database } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { appendNovNote, importNov2023, recordingJudgingPool } from './helpers/nov-2023-store.ts';
import { json, problem } from './server-fixture.ts';

describe.each(DIALECTS)('status and report routes on %s', (dialect) => {
  let database: Database;
  let store: LedgerStore;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    database = await scratchDatabase(dialect);
    store = new LedgerStore(database, crypto);
    await importNov2023(store);
    await store.createLog({
      id: 'no-agreement',
      origin: 'truce.example/no-agreement',
      logKey: (await store.requireLog('nov-2023-pause')).logKey,
      createdAt: '2023-11-24T00:00:00Z',
    });
    app = await buildApp({ database, crypto });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });
  const get = (url: string) => app.inject({ url });

  it('GET /api/logs/:id/status at 1 Dec 12:00 gives the golden figures of the exchange', async () => {
    const r = await get('/api/logs/nov-2023-pause/status?at=2023-12-01T12:00:00%2B02:00');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    const ev = Evaluation.parse(json(r));
    expect(ev).toMatchObject({ agreement: 'nov-2023-pause', asOf: '2023-12-01T12:00:00+02:00', events: 64 });
    const dir = (from: string) => ev.exchanges.directions.find((d) => d.from === from)!;
    expect(dir('hamas')).toMatchObject({ to: 'israel', counted: 80, outside: 25 });
    expect(dir('israel')).toMatchObject({ to: 'hamas', counted: 240 });
  });

  it('?lang= words what each set of figures counts beside its phrase, and the notes beside theirs', async () => {
    const r = await get('/api/logs/nov-2023-pause/status?at=2023-12-01T12:00:00%2B02:00&lang=ar');
    const ev = Evaluation.parse(json(r));
    const set = ev.figures.find((f) => f.key.includes('north'))!;
    expect(set.what).toMatchObject({ code: 'figure.on-day' });
    expect(set.whatText).toMatch(/^شاحنات المساعدات إلى .* في 25 نوفمبر$/);
    expect(ev.notesText).toHaveLength(ev.notes.length);
    for (const n of ev.notesText) expect(n).not.toMatch(/[0-9a-f]{12}/);
  });

  it('the report in Arabic is Arabic from its <html> down, the Arabic report through ?lang=ar', async () => {
    const r = await get('/api/logs/nov-2023-pause/report?date=2023-11-30&lang=ar');
    expect(r.body).toContain('<html lang="ar" dir="rtl">');
    expect(r.body).toContain('<h2>الأرقام الرئيسية</h2>');
    expect(r.body).not.toContain('Headline figures');
    expect(r.body).toContain('<bdi>حماس</bdi> ← <bdi>إسرائيل</bdi>');
  });

  it('an earlier moment takes only the events that occurred by then; without at it is now', async () => {
    const early = Evaluation.parse(
      json(await get('/api/logs/nov-2023-pause/status?at=2023-11-25T18:00:00Z')),
    );
    expect(early.events).toBeLessThan(64);
    expect(early.exchanges.directions.find((d) => d.from === 'hamas')).toMatchObject({ counted: 13 });
    const now = await get('/api/logs/nov-2023-pause/status');
    expect(now.statusCode).toBe(200);
    const asOf = Evaluation.parse(json(now)).asOf;
    expect(Date.parse(asOf)).toBeGreaterThan(Date.parse('2025-01-01T00:00:00Z'));
    // "Now" is taken to the second, so that readers within one second share one evaluation.
    expect(asOf).toMatch(/T\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/);
  });

  it('readers asking for the same moment at once share one evaluation on the judging pool', async () => {
    const { judging, tasks } = recordingJudgingPool();
    const own = await buildApp({ database, crypto, judging, anonymousHeavyPerMinute: 100 });
    try {
      const answers = await Promise.all(
        Array.from({ length: 12 }, () =>
          own.inject({ url: '/api/logs/nov-2023-pause/status?at=2023-11-30T00:00:00Z' }),
        ),
      );
      expect(answers.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
      expect(new Set(answers.map((r) => r.body)).size).toBe(1);
      // One judgement at that moment (the log fits in one page), not one a request.
      expect(tasks.filter((t) => t.kind === 'evaluate' && t.at !== undefined)).toHaveLength(1);
    } finally {
      await own.close();
      await judging.close();
    }
  });

  it('the evidence lists a status was judged with cross from the judging worker once, not again the next second', async () => {
    const { judging, tasks } = recordingJudgingPool();
    const hashesMoved: number[] = [];
    const run = judging.run.bind(judging);
    judging.run = async <T>(...args: Parameters<typeof run>): Promise<T> => {
      const answer = await run<T>(...args);
      const evaluation = (answer as { evaluation?: { hashes: Uint8Array } }).evaluation;
      if (evaluation) hashesMoved.push(evaluation.hashes.length / 32);
      return answer;
    };
    const own = await buildApp({ database, crypto, judging, anonymousHeavyPerMinute: 100 });
    try {
      // Months after the pause: no list of evidence depends on the second any more.
      const moments = ['2024-06-01T00:00:00Z', '2024-06-01T00:00:01Z', '2024-06-01T00:00:02Z'];
      const bodies: string[] = [];
      for (const at of moments)
        bodies.push((await own.inject({ url: `/api/logs/nov-2023-pause/status?at=${at}` })).body);
      const asked = tasks.filter((t) => t.kind === 'evaluate' && t.at !== undefined);
      expect(asked).toHaveLength(3);
      // The first answer comes whole; the next name the lists the server holds, and no hash crosses again.
      expect(asked.map((t) => t.kind === 'evaluate' && t.have !== undefined)).toEqual([false, true, true]);
      expect(hashesMoved[0]).toBeGreaterThan(0);
      expect(hashesMoved.slice(1)).toEqual([0, 0]);
      // Each status is the one judged from scratch at that moment (on the app of the suite, its own pool).
      for (const [i, at] of moments.entries())
        expect(bodies[i]).toBe((await get(`/api/logs/nov-2023-pause/status?at=${at}`)).body);
    } finally {
      await own.close();
      await judging.close();
    }
  });

  it('a bad time is 400; an unknown log or a log with no published agreement is 404', async () => {
    for (const at of [
      'yesterday',
      '2023-12-01',
      '2023-12-01T12:00:00',
      '2023-13-45T12:00:00Z',
      '2023-02-30T12:00:00Z',
      '2023-12-01T25:00:00Z',
      '',
    ])
      expect(problem(await get(`/api/logs/nov-2023-pause/status?at=${encodeURIComponent(at)}`))).toEqual([
        400,
        'request-invalid',
      ]);
    expect(problem(await get('/api/logs/nov-2023-pause/status?other=1'))).toEqual([400, 'request-invalid']);
    expect(problem(await get('/api/logs/nope/status'))).toEqual([404, 'log-not-found']);
    expect(problem(await get('/api/logs/no-agreement/status'))).toEqual([404, 'agreement-not-found']);
  });

  it('GET /api/logs/:id/report is the HTML daily report at the end of the day', async () => {
    const r = await get('/api/logs/nov-2023-pause/report?date=2023-11-30');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.body).toMatch(/^<!doctype html>/);
    expect(r.body).toContain('situation report for 2023-11-30');
    expect(r.body).toContain('As of the end of 2023-11-30 (Asia/Gaza)');
    expect(r.body).not.toContain('2023-12-01 00:00');
    expect(r.body).toContain(
      'Release of hostages and prisoners: Hamas → Israel: 80 counted under the formula, 25 outside the formula',
    );
    // The log's actors, as the store registered them, and the agreement name who alleges what against whom.
    const day2 = await get('/api/logs/nov-2023-pause/report?date=2023-11-25');
    expect(day2.body).toContain(
      'Hamas alleges against Israel (Aid and fuel): Aid not reaching the north. [open]',
    );
    for (const q of ['', '?date=30-11-2023', '?date=2023-02-30x', '?date=2023-02-30'])
      expect(problem(await get(`/api/logs/nov-2023-pause/report${q}`))).toEqual([400, 'request-invalid']);
    expect(problem(await get('/api/logs/no-agreement/report?date=2023-11-30'))).toEqual([
      404,
      'agreement-not-found',
    ]);
  });

  it('both routes are in the OpenAPI document with their query schemas', async () => {
    const doc = json(await get('/api/openapi.json')) as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    expect(doc.paths['/api/logs/{id}/status']!.get!.parameters!.map((p) => p.name)).toContain('at');
    expect(doc.paths['/api/logs/{id}/report']!.get!.parameters!.map((p) => p.name)).toContain('date');
  });

  it('an event appended after an earlier request is taken into account by the next one', async () => {
    const url = '/api/logs/nov-2023-pause/status?at=2023-12-01T12:00:00%2B02:00';
    expect(Evaluation.parse(json(await get(url))).events).toBe(64);
    await appendNovNote(store);
    const after = Evaluation.parse(json(await get(url)));
    expect(after.events).toBe(65);
    expect(after.exchanges.directions.find((d) => d.from === 'hamas')).toMatchObject({
      counted: 80,
      outside: 25,
    });
  });
});
