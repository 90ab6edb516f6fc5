import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { type Database, openDatabase } from '../src/store/database.ts';
import { RateStore } from '../src/store/rate-store.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { adoptExample, json, seedFixtureLog } from './server-fixture.ts';

/** A fixed moment, 10 s into a minute: the tests' requests all fall in one minute of this clock. */
const NOW = Date.UTC(2026, 0, 1, 12, 0, 10);
const PLAN = '/api/agreements/nov-2023-pause/plan';
const DIFF = '/api/diff?a=jan-2025-ceasefire&b=may-2024-proposal';

function app(database: Database, now = () => NOW): Promise<FastifyInstance> {
  return buildApp({ database, crypto, requestsPerMinute: 4, anonymousHeavyPerMinute: 3, now });
}

describe('two server processes on one PostgreSQL database', () => {
  it('share one limit per token, and one per address for anonymous plans, diffs, reports and statuses at a moment', async () => {
    const database = await scratchDatabase('postgres');
    // A second connection pool to the same database: what a second `truce serve` process has.
    const other = await openDatabase(database.location);
    const { f, store, tokens } = await seedFixtureLog(database, 'nov-2023-pause');
    await adoptExample(store, f, 'nov-2023-pause');
    const one = await app(database);
    const two = await app(other);
    try {
      const as = { authorization: `Bearer ${tokens['party-a']!}` };
      const read = (a: FastifyInstance) => a.inject({ url: '/api/logs/nov-2023-pause', headers: as });
      // Four requests in all, two through each process: the fifth is refused by either.
      for (const a of [one, two, one, two]) expect((await read(a)).statusCode).toBe(200);
      for (const a of [one, two]) {
        const refused = await read(a);
        expect(refused.statusCode).toBe(429);
        expect(json(refused).code).toBe('rate-limited');
        expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(refused.body).not.toContain(tokens['party-a']!);
      }
      // Another token has its own limit.
      const b = { authorization: `Bearer ${tokens['party-b']!}` };
      expect((await two.inject({ url: '/api/logs/nov-2023-pause', headers: b })).statusCode).toBe(200);

      // Without a token: three costly requests from this address in all, through either process.
      expect((await one.inject({ url: `${PLAN}?extend=1` })).statusCode).toBe(200);
      expect((await two.inject({ url: `${DIFF}&delay=aid=1` })).statusCode).toBe(200);
      expect(
        (await one.inject({ url: '/api/logs/nov-2023-pause/status?at=2023-11-25T20:00:00Z' })).statusCode,
      ).toBe(200);
      const limited = await two.inject({ url: `${PLAN}?from=2` });
      expect(limited.statusCode).toBe(429);
      expect(json(limited).detail).toMatch(/more than 3 plans or comparisons with what-ifs/);
      expect((await one.inject({ url: '/api/logs/nov-2023-pause/report?date=2023-11-25' })).statusCode).toBe(
        429,
      );
      // Cheap anonymous reads are not counted: the agreements, the status as of now, the plan and
      // the comparison as published (each computed once).
      for (let i = 0; i < 5; i++) {
        expect((await one.inject({ url: '/api/agreements/nov-2023-pause' })).statusCode).toBe(200);
        expect((await two.inject({ url: '/api/logs/nov-2023-pause/status' })).statusCode).toBe(200);
        expect((await one.inject({ url: PLAN })).statusCode).toBe(200);
        expect((await two.inject({ url: DIFF })).statusCode).toBe(200);
      }
    } finally {
      await one.close();
      await two.close();
      await other.close();
      await database.close();
    }
  }, 60_000);
});

describe('one server process on SQLite', () => {
  it('keeps its limits per token and per address in memory', async () => {
    const database = await scratchDatabase('sqlite');
    const { f, store, tokens } = await seedFixtureLog(database, 'nov-2023-pause');
    await adoptExample(store, f, 'nov-2023-pause');
    const a = await app(database);
    try {
      const as = { authorization: `Bearer ${tokens['party-a']!}` };
      for (let i = 0; i < 4; i++) expect((await a.inject({ url: PLAN, headers: as })).statusCode).toBe(200);
      expect((await a.inject({ url: PLAN, headers: as })).statusCode).toBe(429);
      for (let i = 0; i < 3; i++)
        expect((await a.inject({ url: `${PLAN}?extend=${i}` })).statusCode).toBe(200);
      expect((await a.inject({ url: `${PLAN}?extend=3` })).statusCode).toBe(429);
      expect((await a.inject({ url: PLAN })).statusCode).toBe(200);
      expect((await a.inject({ url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await a.close();
      await database.close();
    }
  });
});

describe.each(DIALECTS)('anonymous costly requests on %s', (dialect) => {
  it("count a log's plan with a what-if and a statuses export at a moment, not the log's plan as adopted", async () => {
    const database = await scratchDatabase(dialect);
    const { f, store } = await seedFixtureLog(database, 'nov-2023-pause');
    await adoptExample(store, f, 'nov-2023-pause');
    const a = await app(database);
    try {
      const LOG = '/api/logs/nov-2023-pause';
      // The plan as the log adopted it, and the statuses as of now, are not counted.
      for (let i = 0; i < 5; i++) {
        expect((await a.inject({ url: `${LOG}/plan` })).statusCode).toBe(200);
        expect((await a.inject({ url: `${LOG}/export/statuses.json` })).statusCode).toBe(200);
      }
      expect((await a.inject({ url: `${LOG}/plan?extend=1` })).statusCode).toBe(200);
      expect(
        (await a.inject({ url: `${LOG}/export/statuses.json?at=2023-11-25T20:00:00Z` })).statusCode,
      ).toBe(200);
      expect((await a.inject({ url: `${LOG}/export/statuses.csv?at=2023-11-25T20:00:00Z` })).statusCode).toBe(
        200,
      );
      // Three costly requests from this address in the minute: the fourth of either kind is refused.
      for (const url of [`${LOG}/plan?extend=2`, `${LOG}/export/statuses.csv?at=2023-11-26T20:00:00Z`]) {
        const refused = await a.inject({ url });
        expect(refused.statusCode).toBe(429);
        expect(json(refused).code).toBe('rate-limited');
      }
    } finally {
      await a.close();
      await database.close();
    }
  }, 60_000);
});

describe.each(DIALECTS)('the rate store, on %s', (dialect) => {
  it('counts per key and minute across connections, and forgets minutes before the last', async () => {
    const database = await scratchDatabase(dialect);
    const other = dialect === 'postgres' ? await openDatabase(database.location) : database;
    try {
      const [first, second] = [new RateStore(database), new RateStore(other)];
      const minute = Math.floor(NOW / 60_000);
      expect(await first.count('k', NOW)).toEqual({ minute, current: 1, previous: 0 });
      expect(await second.count('k', NOW + 1000)).toEqual({ minute, current: 2, previous: 0 });
      expect(await second.count('other', NOW)).toEqual({ minute, current: 1, previous: 0 });
      expect(await first.count('k', NOW + 60_000)).toEqual({ minute: minute + 1, current: 1, previous: 2 });
      await first.count('k', NOW + 180_000);
      const rows = await database.db.selectFrom('truce_rate').select(['key', 'minute']).execute();
      expect(rows.every((r) => Number(r.minute) >= minute + 2)).toBe(true);
    } finally {
      if (other !== database) await other.close();
      await database.close();
    }
  });
});
