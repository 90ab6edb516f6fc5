import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { WorkPool, type WorkPoolOptions } from '../src/server/work-pool.ts';
import { DIALECTS, type DialectName, scratchDatabase } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { manualBudget } from './helpers/manual-budget.ts';
import { adoptExample, json, seedFixtureLog } from './server-fixture.ts';

const GATED = new URL('./workers/gated-work-worker.ts', import.meta.url);
const NOV = '/api/agreements/nov-2023-pause';
/** The worst plan the API allows of the Nov 2023 pause: the longest extension. */
const WORST_PLAN = `${NOV}/plan?extend=3650`;
const STATUS = '/api/logs/nov-2023-pause/status';
/** The number of events in the log judged. */
const logSize = async (app: FastifyInstance) =>
  json(await app.inject({ url: '/api/logs/nov-2023-pause' })).size;
const WORST_DIFF =
  '/api/diff?a=jan-2025-ceasefire&b=may-2024-proposal&delay=phase-1-exchange=8760&delay=aid=8760';

/**
 * A budget that runs out only when a test ends it: the time a task is held at the gate, or takes on
 * a loaded machine, never turns a request these tests expect answered into 422.
 */
const noTimeBudget = () => manualBudget().clock;

/** A pool whose workers hold each task until `open()`; `started` counts the tasks they took. */
function gatedPool(options: WorkPoolOptions) {
  const gate = new Int32Array(new SharedArrayBuffer(8));
  const pool = new WorkPool({
    budgetClock: noTimeBudget(),
    ...options,
    script: GATED,
    workerData: { gate: gate.buffer },
  });
  return {
    pool,
    started: () => Atomics.load(gate, 1),
    /** Resolves once the workers have taken `n` tasks in all. */
    async until(n: number) {
      while (Atomics.load(gate, 1) < n) await new Promise((r) => setTimeout(r, 10));
    },
    open() {
      Atomics.store(gate, 0, 1);
      Atomics.notify(gate, 0);
    },
  };
}

/** A promise's outcome so far, without waiting for it. */
function tracked<T>(promise: Promise<T>) {
  const state = { settled: false, promise };
  promise.then(
    () => {
      state.settled = true;
    },
    () => {
      state.settled = true;
    },
  );
  return state;
}

async function appOver(dialect: DialectName, work: WorkPool, judging = work) {
  const database = await scratchDatabase(dialect);
  // The fixture's log under the id of the Nov 2023 agreement, so that its status can be asked.
  const { f, store } = await seedFixtureLog(database, 'nov-2023-pause');
  await adoptExample(store, f, 'nov-2023-pause');
  const app = await buildApp({
    database,
    crypto,
    requestsPerMinute: 1_000_000,
    anonymousHeavyPerMinute: 1_000_000,
    work,
    judging,
  });
  return {
    app,
    close: async () => {
      await app.close();
      await work.close();
      if (judging !== work) await judging.close();
      await database.close();
    },
  };
}

describe.each(DIALECTS)('no request can stall the server, on %s', (dialect) => {
  it('answers /api/health while the worst allowed plan and diff are still being computed', async () => {
    const g = gatedPool({ workers: 2, queue: 2 });
    const s = await appOver(dialect, g.pool, new WorkPool({ workers: 2, budgetClock: noTimeBudget() }));
    try {
      const plan = tracked(s.app.inject({ url: WORST_PLAN }));
      const diff = tracked(s.app.inject({ url: WORST_DIFF }));
      await g.until(2);
      // Both are held in the workers: had either run on the event loop, it would have finished
      // (ungated) before the health request could be answered.
      const health = await s.app.inject({ url: '/api/health' });
      expect(health.statusCode).toBe(200);
      // Logs are judged by workers of their own: a status does not wait behind the plans.
      expect((await s.app.inject({ url: STATUS })).statusCode).toBe(200);
      expect([plan.settled, diff.settled]).toEqual([false, false]);
      g.open();
      const [p, d] = [await plan.promise, await diff.promise];
      expect([p.statusCode, d.statusCode]).toEqual([200, 200]);
      expect(p.headers['content-type']).toBe('application/json; charset=utf-8');
      expect((json(p).days as { day: number }[]).at(-1)!.day).toBe(4 + 3650);
      expect(json(d)).toMatchObject({ a: { id: 'jan-2025-ceasefire' }, b: { id: 'may-2024-proposal' } });
    } finally {
      g.open();
      await s.close();
    }
  }, 60_000);

  it("answers /api/health while the worst allowed plan of a log's adopted agreement is computed", async () => {
    const g = gatedPool({ workers: 1, queue: 1 });
    const s = await appOver(dialect, g.pool, new WorkPool({ workers: 1, budgetClock: noTimeBudget() }));
    try {
      const plan = tracked(s.app.inject({ url: '/api/logs/nov-2023-pause/plan?extend=3650' }));
      // Held in the worker: on the event loop it would have finished before health was answered.
      await g.until(1);
      expect((await s.app.inject({ url: '/api/health' })).statusCode).toBe(200);
      expect(plan.settled).toBe(false);
      g.open();
      const p = await plan.promise;
      expect(p.statusCode).toBe(200);
      expect((json(p).days as { day: number }[]).at(-1)!.day).toBe(4 + 3650);
    } finally {
      g.open();
      await s.close();
    }
  }, 60_000);

  it('answers 503 server-busy with Retry-After once every worker is busy and the queue is full', async () => {
    const g = gatedPool({ workers: 2, queue: 1 });
    const s = await appOver(dialect, g.pool);
    try {
      const held = [1, 2, 3].map((n) => s.app.inject({ url: `${NOV}/plan?extend=${n}` }));
      await g.until(2);
      expect(g.pool.load).toEqual({ running: 2, waiting: 1 });
      const busy = await s.app.inject({ url: `${NOV}/plan?extend=4` });
      expect(busy.statusCode).toBe(503);
      expect(busy.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(busy.headers['retry-after']).toBe('5');
      expect(json(busy)).toMatchObject({ code: 'server-busy', status: 503 });
      expect(json(busy).detail).toMatch(/ask again in 5 s/);
      g.open();
      for (const r of await Promise.all(held)) expect(r.statusCode).toBe(200);
    } finally {
      g.open();
      await s.close();
    }
  }, 60_000);

  it('refuses a task past its time budget with a problem, and the next request is answered', async () => {
    // The test ends the budget of the task held at the gate; the next, ungated, can never run out of
    // its budget by chance on a loaded machine.
    const budget = manualBudget();
    const g = gatedPool({ workers: 2, queue: 2, budgetMs: { plan: 200 }, budgetClock: budget.clock });
    const s = await appOver(dialect, g.pool);
    try {
      const late = await budget.pastItsBudget(s.app.inject({ url: `${NOV}/plan?extend=3` }));
      expect(late.statusCode).toBe(422);
      expect(json(late)).toMatchObject({ code: 'plan-too-complex' });
      expect(json(late).detail).toMatch(/more than 0.2 s, the most one request may take/);
      g.open();
      const next = await s.app.inject({ url: `${NOV}/plan?extend=3` });
      expect(next.statusCode).toBe(200);
      expect((json(next).days as { day: number }[]).at(-1)!.day).toBe(7);
    } finally {
      g.open();
      await s.close();
    }
  }, 60_000);
  it('computes the plan and the comparison as published once, for every reader', async () => {
    const g = gatedPool({ workers: 2, queue: 4 });
    const s = await appOver(dialect, g.pool);
    try {
      const plain = [1, 2].map(() => s.app.inject({ url: `${NOV}/plan` }));
      await g.until(1);
      g.open();
      const [first, second] = await Promise.all(plain);
      expect([first!.statusCode, second!.statusCode]).toEqual([200, 200]);
      expect(second!.body).toBe(first!.body);
      expect((await s.app.inject({ url: `${NOV}/plan` })).body).toBe(first!.body);
      expect(g.started()).toBe(1);
      // A what-if is computed each time.
      expect((await s.app.inject({ url: `${NOV}/plan?extend=1` })).statusCode).toBe(200);
      expect(g.started()).toBe(2);
      const diff = '/api/diff?a=jan-2025-ceasefire&b=may-2024-proposal';
      for (let i = 0; i < 2; i++) expect((await s.app.inject({ url: diff })).statusCode).toBe(200);
      expect(g.started()).toBe(3);
    } finally {
      g.open();
      await s.close();
    }
  }, 60_000);

  it('judges a log on a worker: health answers while a status at a moment is held there', async () => {
    const g = gatedPool({ workers: 2, queue: 4 });
    const s = await appOver(dialect, g.pool);
    try {
      const status = tracked(s.app.inject({ url: `${STATUS}?at=2199-01-01T00:00:00Z` }));
      await g.until(1);
      expect((await s.app.inject({ url: '/api/health' })).statusCode).toBe(200);
      expect(status.settled).toBe(false);
      g.open();
      const r = await status.promise;
      expect(r.statusCode).toBe(200);
      expect(json(r).events).toBe(await logSize(s.app));
    } finally {
      g.open();
      await s.close();
    }
  }, 60_000);

  it('past its budget, a status is 422 status-too-complex; a new worker judges the log from its start', async () => {
    const budget = manualBudget();
    const g = gatedPool({ workers: 2, queue: 4, budgetMs: { evaluate: 200 }, budgetClock: budget.clock });
    const s = await appOver(dialect, g.pool);
    try {
      const late = await budget.pastItsBudget(s.app.inject({ url: `${STATUS}?at=2199-01-01T00:00:00Z` }));
      expect(late.statusCode).toBe(422);
      expect(json(late)).toMatchObject({ code: 'status-too-complex' });
      g.open();
      const r = await s.app.inject({ url: `${STATUS}?at=2199-01-02T00:00:00Z` });
      expect(r.statusCode).toBe(200);
      expect(json(r).events).toBe(await logSize(s.app));
    } finally {
      g.open();
      await s.close();
    }
  }, 60_000);
});

describe('what-ifs and dates beyond the limits get 4xx, never 5xx', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const s = await appOver('sqlite', new WorkPool({ workers: 2, budgetClock: noTimeBudget() }));
    app = s.app;
    close = s.close;
  });
  afterAll(() => close());

  it.each([
    // extend=10000 blocked every request for 57 s, 40000 overflowed the stack (500).
    [`${NOV}/plan?extend=10000`, /extend: at most 3650 days of extension in all/],
    [`${NOV}/plan?extend=40000`, /at most 3650 days/],
    [`${NOV}/plan?extend=pause=2000,other=2000`, /at most 3650 days/],
    [`${NOV}/plan?delay=exchange=99999999999999999999`, /a delay of at most 8760 hours/],
    [`${NOV}/plan?count=exchange.women=99999999999`, /at most 1000000 persons/],
    [`${NOV}/plan?start=0001-01-01T00:00:00Z`, /between the years 1900 and 2199/],
    [`${NOV}/plan?start=9999-12-31T00:00:00Z`, /between the years 1900 and 2199/],
    [`${NOV}/plan?from=99999999`, /a day number up to 7300/],
    ['/api/diff?a=nov-2023-pause&b=jan-2025-ceasefire&delay=exchange=1000000', /at most 8760 hours/],
    ['/api/logs/nov-2023-pause/status?at=0001-01-01T00:00:00Z', /between the years 1900 and 2199/],
    ['/api/logs/nov-2023-pause/report?date=9999-12-31', /between the years 1900 and 2199/],
  ])('GET %s: 400 request-invalid', async (url, detail) => {
    const r = await app.inject({ url });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(json(r).code).toBe('request-invalid');
    expect(json(r).detail).toMatch(detail);
  });

  it('states the limits in the OpenAPI document', async () => {
    const doc = json(await app.inject({ url: '/api/openapi.json' })) as unknown as {
      paths: Record<string, { get: { parameters: { name: string; description?: string }[] } }>;
    };
    const described = (path: string, name: string) =>
      doc.paths[path]!.get.parameters.find((p) => p.name === name)?.description;
    expect(described('/api/agreements/{id}/plan', 'extend')).toMatch(/at most 3650 days in all/);
    expect(described('/api/agreements/{id}/plan', 'delay')).toMatch(/at most 8760 hours/);
    expect(described('/api/agreements/{id}/plan', 'count')).toMatch(/at most 1000000/);
    expect(described('/api/agreements/{id}/plan', 'to')).toMatch(/up to 7300/);
    expect(described('/api/diff', 'extend')).toMatch(/at most 3650 days/);
    expect(described('/api/logs/{id}/status', 'at')).toMatch(/between the years 1900 and 2199/);
    expect(described('/api/logs/{id}/report', 'date')).toMatch(/between the years 1900 and 2199/);
  });

  it('answers the status and the report within the horizon', async () => {
    expect(
      (await app.inject({ url: '/api/logs/nov-2023-pause/status?at=2199-12-31T00:00:00Z' })).statusCode,
    ).toBe(200);
    expect((await app.inject({ url: '/api/logs/nov-2023-pause/report?date=1900-01-01' })).statusCode).toBe(
      200,
    );
  });
});
