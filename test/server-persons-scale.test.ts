import type { FastifyInstance } from 'fastify';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import type { Database } from '../src/store/database.ts';
import { PersonsStore } from '../src/store/persons-store.ts';
import { agreementFolder } from './helpers/adopted-agreement.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { json, seedFixtureLog } from './server-fixture.ts';

/**
 * Counts the queries the app makes and the rows they return, leaving out the rate limit's own
 * bookkeeping: its counts of the minute before exist or not, and its sweep runs once a minute,
 * depending only on when the request falls on the clock.
 */
class ReadCounter implements KyselyPlugin {
  queries = 0;
  rows = 0;
  readonly #rateQueries = new WeakSet<object>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (JSON.stringify(args.node).includes('"truce_rate"')) this.#rateQueries.add(args.queryId);
    else this.queries++;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (!this.#rateQueries.has(args.queryId)) this.rows += args.result.rows.length;
    return args.result;
  }
}

const MANY = 100_000;

describe.each(DIALECTS)('persons requests read by index, on %s', (dialect) => {
  let database: Database;
  let app: FastifyInstance;
  let tokens: Record<string, string>;
  let record: (actor: string, kind: string, body: Record<string, unknown>) => Promise<string>;
  const counter = new ReadCounter();
  const folder = agreementFolder('test-log');
  let bList: string;
  let bCommitments: string[];

  beforeAll(async () => {
    database = await scratchDatabase(dialect);
    const seeded = await seedFixtureLog(database);
    tokens = seeded.tokens;
    await seeded.store.append(seeded.f.logId, [
      seeded.f.event('operator', 'agreement.adopted', folder.adopted),
    ]);
    app = await buildApp({
      database: { ...database, db: database.db.withPlugin(counter) },
      crypto,
      agreementsDir: folder.dir,
      requestsPerMinute: 1_000_000,
      // The server's clock is the fixture's: the events it signs are recorded now, to the server.
      now: seeded.f.now,
    });
    record = async (actor, kind, body) => {
      const r = await app.inject({
        method: 'POST',
        url: '/api/logs/test-log/events',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[actor]}` },
        payload: new TextDecoder().decode(seeded.f.event(actor, kind, body)),
      });
      expect(r.statusCode, r.body).toBe(201);
      return json(r).leafHash as string;
    };
    // party-b keeps 3 records, lists 2 to party-a, which accepts the list.
    const added = await app.inject({
      method: 'POST',
      url: '/api/logs/test-log/persons',
      headers: { authorization: `Bearer ${tokens['party-b']}` },
      payload: { records: [1, 2, 3].map((i) => ({ names: { en: `Person ${i}` }, age: 30 + i })) },
    });
    bCommitments = json(added).commitments as string[];
    bList = await record('party-b', 'list.submitted', {
      provision: 'exchange',
      batch: 1,
      count: 2,
      persons: bCommitments.slice(0, 2),
    });
    await record('party-a', 'list.accepted', { list: bList });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
    folder.remove();
  });

  /** The queries and rows each request of another party and of the intermediary reads, with what it answers. */
  const reads = async () => {
    const out: Record<string, { queries: number; rows: number; body: string }> = {};
    const requests: [string, string, string][] = [
      ['party-b persons', 'party-b', '/api/logs/test-log/persons'],
      ['party-b list', 'party-b', `/api/logs/test-log/persons?list=${bList}`],
      ['party-b one', 'party-b', `/api/logs/test-log/persons/${bCommitments[0]}`],
      ['icrc manifests', 'icrc', '/api/logs/test-log/manifests'],
      ['monitor persons', 'monitor', '/api/logs/test-log/persons'],
    ];
    for (const [name, actor, url] of requests) {
      const headers = { authorization: `Bearer ${tokens[actor]}` };
      await app.inject({ url, headers }); // the log's person index is read once, then kept
      const before = { queries: counter.queries, rows: counter.rows };
      const r = await app.inject({ url, headers });
      expect(r.statusCode, r.body).toBe(200);
      out[name] = {
        queries: counter.queries - before.queries,
        rows: counter.rows - before.rows,
        body: r.body,
      };
    }
    return out;
  };

  it(`${MANY.toLocaleString('en')} records of one party change nothing another party's requests read`, async () => {
    const small = await reads();
    for (const [name, r] of Object.entries(small)) expect(r.rows, name).toBeLessThan(20);
    expect(JSON.parse(small['party-b persons']!.body).persons).toHaveLength(3);
    expect(JSON.parse(small['icrc manifests']!.body).manifests[0].persons).toHaveLength(2);
    // party-a keeps 100,000 records, none of them listed.
    const persons = new PersonsStore(database, crypto);
    const batch = 5000;
    for (let i = 0; i < MANY; i += batch)
      await persons.addAll(
        'test-log',
        Array.from({ length: batch }, (_, j) => ({ names: { en: `Held ${i + j}` }, age: 20 })),
        { actor: 'party-a', party: 'party-a' },
      );
    expect(await persons.count('test-log')).toBe(MANY + 3);
    const large = await reads();
    for (const name of Object.keys(small)) {
      expect(large[name]!.queries, name).toBe(small[name]!.queries);
      expect(large[name]!.rows, name).toBe(small[name]!.rows);
      expect(large[name]!.body, name).toBe(small[name]!.body);
    }
  }, 600_000);
});

describe.each(DIALECTS)('the quota of person records, on %s', (dialect) => {
  it('refuses a submission that would take a party over its quota, keeping nothing of it; other parties keep theirs', async () => {
    const database = await scratchDatabase(dialect);
    try {
      const { f, tokens } = await seedFixtureLog(database);
      const app = await buildApp({
        database,
        crypto,
        personsQuota: 3,
        requestsPerMinute: 1_000_000,
        now: f.now,
      });
      try {
        const add = (actor: string, n: number) =>
          app.inject({
            method: 'POST',
            url: '/api/logs/test-log/persons',
            headers: { authorization: `Bearer ${tokens[actor]}` },
            payload: { records: Array.from({ length: n }, (_, i) => ({ names: { en: `${actor} ${i}` } })) },
          });
        expect((await add('party-a', 2)).statusCode).toBe(201);
        const over = await add('party-a', 2);
        expect(over.statusCode).toBe(422);
        expect(over.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(json(over).code).toBe('persons-quota-exceeded');
        expect(json(over).detail).toMatch(/keeps 2 person records .* quota of 3: nothing was kept/);
        expect(await new PersonsStore(database, crypto).count('test-log')).toBe(2);
        expect((await add('party-a', 1)).statusCode).toBe(201);
        expect((await add('party-b', 3)).statusCode).toBe(201);
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  });
});
