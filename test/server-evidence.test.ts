import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { demoSigner } from '../examples/logs/build-nov-2023.ts';
import { novAgreement, novEvents } from '../examples/logs/nov-2023-events.ts';
import { evaluate } from '../src/core/compliance/evaluate.ts';
import { canonicalBytes } from '../src/core/ledger/canonical-json.ts';
import type { EventEnvelope } from '../src/core/ledger/event.ts';
import { signEvent } from '../src/core/ledger/event-sign.ts';
import { buildApp } from '../src/server/app.ts';
import { EvidencePage } from '../src/server/evidence-schemas.ts';
import { Evaluation } from '../src/server/status-schemas.ts';
import type { Database } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { importNov2023, recordingJudgingPool } from './helpers/nov-2023-store.ts';
import { json, problem } from './server-fixture.ts';

const LOG = 'nov-2023-pause';
const AT = '2023-12-01T12:00:00+02:00';
const at = encodeURIComponent(AT);

/**
 * `n` aid figures from Israel for one line (aid trucks on 25 Nov), a second apart from `from`: of 0
 * trucks, so that every status reads the same with 100 or 5,000 of them, and only the evidence grows.
 */
function aidFigures(from: number, n: number): Uint8Array[] {
  const israel = demoSigner('israel');
  return Array.from({ length: n }, (_, k) => {
    const occurredAt = new Date(Date.parse('2023-11-25T06:00:00Z') + (from + k) * 1000).toISOString();
    const envelope = {
      v: 1,
      log: LOG,
      kind: 'aid.delivered',
      occurredAt,
      recordedAt: occurredAt,
      actor: 'israel',
      body: {
        category: 'aid',
        date: '2023-11-25',
        provision: 'aid',
        quantity: 0,
        unit: 'truck',
      },
      source: { name: 'Israel', method: 'a test figure' },
    } as EventEnvelope;
    return canonicalBytes(signEvent(crypto, envelope, israel));
  });
}

describe.each(DIALECTS)('the status counts evidence; the evidence route pages it, on %s', (dialect) => {
  let database: Database;
  let store: LedgerStore;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    database = await scratchDatabase(dialect);
    store = new LedgerStore(database, crypto);
    await importNov2023(store);
    // Many pages are asked for at a chosen moment: no limit per address gets in the way.
    app = await buildApp({ database, crypto, anonymousHeavyPerMinute: 100_000 });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });
  const get = (url: string) => app.inject({ url });
  const status = async () => Evaluation.parse(json(await get(`/api/logs/${LOG}/status?at=${at}`)));
  const page = (of: string, query = '') =>
    get(`/api/logs/${LOG}/evidence?of=${encodeURIComponent(of)}&at=${at}${query}`);
  /** Every event of a list, page after page of `limit`, and how many pages it took. */
  async function all(of: string, limit: number) {
    const events: z.infer<typeof EvidencePage>['events'] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await page(of, `&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.statusCode, r.body).toBe(200);
      const p = EvidencePage.parse(json(r));
      expect(p).toMatchObject({ log: LOG, of, asOf: AT });
      expect(p.events.length).toBeLessThanOrEqual(limit);
      events.push(...p.events);
      cursor = p.next;
      pages++;
    } while (cursor !== null);
    return { events, pages };
  }

  it('the status gives each list of evidence as a count with a reference, never the hashes', async () => {
    const r = await get(`/api/logs/${LOG}/status?at=${at}`);
    expect(r.body).not.toMatch(/"evidence":\[/);
    const s = await status();
    expect(s.provisions.every((p) => p.evidenceRef === `provision:${encodeURIComponent(p.provision)}`)).toBe(
      true,
    );
    expect(s.obligations.every((o) => typeof o.evidenceCount === 'number' && o.evidenceRef)).toBe(true);
  });

  it("pages through an obligation's evidence exactly once, in the order its events occurred", async () => {
    const s = await status();
    const o = s.obligations.reduce((a, b) => (b.evidenceCount > a.evidenceCount ? b : a));
    expect(o.evidenceCount).toBeGreaterThan(2);
    const { events, pages } = await all(o.evidenceRef, 2);
    expect(pages).toBe(Math.ceil(o.evidenceCount / 2));
    // The same list as the evaluator gives, in its order (by the instant each occurred, then by hash).
    const expected = evaluate(novAgreement(), novEvents(), AT).obligations.find(
      (x) => x.obligation.id === o.obligation.id,
    )!.evidence;
    expect(events.map((e) => e.leafHash)).toEqual(expected);
    // Each event as its line reads it: its number in the log, kind, time and actor.
    const log = novEvents();
    for (const e of events) {
      const logged = log[e.index]!;
      expect(logged.leafHash).toBe(e.leafHash);
      const { kind, occurredAt, actor } = logged.event.event;
      expect(e).toEqual({ index: e.index, leafHash: e.leafHash, kind, occurredAt, actor });
    }
  });

  it('every reference of the status names a list of as many events as it counts', async () => {
    const s = await status();
    const lists = [
      ...s.provisions,
      ...s.obligations,
      ...s.obligations.flatMap((o) => o.figures ?? []),
      ...s.figures.flatMap((f) => f.figures),
      ...s.exchanges.directions,
      ...s.allegations.latest,
    ];
    expect(new Set(lists.map((l) => l.evidenceRef)).size).toBe(lists.length);
    for (const l of lists) {
      const p = EvidencePage.parse(json(await page(l.evidenceRef, '&limit=100')));
      expect(p.count, l.evidenceRef).toBe(l.evidenceCount);
      expect(p.events.length).toBe(Math.min(100, l.evidenceCount));
    }
  });

  it('an unknown list is 404, a malformed cursor or a limit out of range 400, a cursor the list no longer holds 409', async () => {
    const s = await status();
    const o = s.obligations.find((x) => x.evidenceCount > 1)!;
    expect(problem(await page('obligation:no-such-obligation'))).toEqual([404, 'evidence-not-found']);
    expect(problem(await page('nothing-of-the-kind'))).toEqual([404, 'evidence-not-found']);
    expect(problem(await page('provision:%E0%A4%A'))).toEqual([404, 'evidence-not-found']);
    expect(problem(await get(`/api/logs/no-such-log/evidence?of=provision:aid`))).toEqual([
      404,
      'log-not-found',
    ]);
    for (const q of [
      '&cursor=1',
      '&cursor=x.0123456789abcdef',
      '&limit=0',
      '&limit=101',
      '&limit=ten',
      '&at=yesterday',
    ])
      expect(problem(await page(o.evidenceRef, q)), q).toEqual([400, 'request-invalid']);
    expect(problem(await get(`/api/logs/${LOG}/evidence?at=${at}`))).toEqual([400, 'request-invalid']);
    expect(problem(await page(o.evidenceRef, `&cursor=1.${'0'.repeat(16)}`))).toEqual([409, 'cursor-stale']);
    // A cursor of the page before still answers.
    const first = EvidencePage.parse(json(await page(o.evidenceRef, '&limit=1')));
    expect((await page(o.evidenceRef, `&limit=1&cursor=${first.next}`)).statusCode).toBe(200);
  });

  it('the route and its bounded limit are in the OpenAPI document', async () => {
    const doc = json(await get('/api/openapi.json')) as {
      paths: Record<
        string,
        {
          get?: { parameters?: { name: string; description?: string }[]; responses: Record<string, unknown> };
        }
      >;
    };
    const op = doc.paths['/api/logs/{id}/evidence']!.get!;
    expect(op.parameters!.map((p) => p.name).sort()).toEqual(['at', 'cursor', 'id', 'limit', 'of']);
    expect(op.parameters!.find((p) => p.name === 'limit')!.description).toContain('1 to 100');
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '409']));
  });

  it('pages of the status now are read from the evaluation it was judged with: no judgement of their own', async () => {
    const { judging, tasks } = recordingJudgingPool();
    const own = await buildApp({ database, crypto, judging, anonymousHeavyPerMinute: 100 });
    try {
      const now = Evaluation.parse(json(await own.inject({ url: `/api/logs/${LOG}/status` })));
      const judged = tasks.filter((t) => t.kind === 'evaluate' && t.at !== undefined).length;
      expect(judged).toBe(1);
      const o = now.obligations.find((x) => x.evidenceCount > 1)!;
      // Its asOf, with the agreement's offset, is the same moment as the "now" it was judged at.
      let cursor: string | null = null;
      do {
        const r = await own.inject({
          url: `/api/logs/${LOG}/evidence?of=${encodeURIComponent(o.evidenceRef)}&at=${encodeURIComponent(now.asOf)}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        });
        expect(r.statusCode, r.body).toBe(200);
        const p = EvidencePage.parse(json(r));
        expect(p).toMatchObject({ asOf: now.asOf, count: o.evidenceCount });
        cursor = p.next;
      } while (cursor !== null);
      expect(tasks.filter((t) => t.kind === 'evaluate' && t.at !== undefined)).toHaveLength(judged);
    } finally {
      await own.close();
      await judging.close();
    }
  });

  it("the status document's length does not grow with the log: 100 or 5,000 figures of one aid line", async () => {
    await store.append(LOG, aidFigures(0, 100));
    const small = (await get(`/api/logs/${LOG}/status?at=${at}`)).rawPayload.length;
    const smallAid = (await status()).obligations.find((o) => o.evidenceCount > 100)!;
    await store.append(LOG, aidFigures(100, 4900));
    const large = await get(`/api/logs/${LOG}/status?at=${at}`);
    const s = Evaluation.parse(json(large));
    expect(s.events).toBe(64 + 5000);
    const aid = s.obligations.find((o) => o.evidenceRef === smallAid.evidenceRef)!;
    expect(aid.evidenceCount).toBe(smallAid.evidenceCount + 4900);
    // Only the digits of the counts grow (101 → 5,001 is one digit each, in five places).
    expect(large.rawPayload.length - small).toBeGreaterThanOrEqual(0);
    expect(large.rawPayload.length - small).toBeLessThanOrEqual(16);
    // Its 5,003 events, a page of 100 at a time: each once, in the order they occurred (by the
    // instant, then by leaf hash, as the evaluator orders them).
    const { events, pages } = await all(aid.evidenceRef, 100);
    expect(pages).toBe(Math.ceil(aid.evidenceCount / 100));
    expect(events).toHaveLength(aid.evidenceCount);
    expect(new Set(events.map((e) => e.leafHash)).size).toBe(events.length);
    const order = events.map((e) => [Date.parse(e.occurredAt), e.leafHash] as const);
    const sorted = [...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    expect(order).toEqual(sorted);
  });
});
