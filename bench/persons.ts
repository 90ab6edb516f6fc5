/**
 * Persons requests of one party while another party keeps many records: the latency of party-b's
 * requests (its persons, a list, one record) and the intermediary's manifests with party-a at 0
 * and at 100,000 records, none of them listed, on SQLite and PostgreSQL, in process (app.inject).
 * Baseline, in the same run: reading every record of the log once, checked against its commitment,
 * which is what each of these requests cost before they were answered by indexed queries.
 * Writes bench/RESULTS.md.
 */
import { loadavg } from 'node:os';
import { nodeCrypto as crypto } from '../src/platform/node-crypto.ts';
import { buildApp } from '../src/server/app.ts';
import { openDatabase } from '../src/store/database.ts';
import { PersonsStore } from '../src/store/persons-store.ts';
import { agreementFolder } from '../test/helpers/adopted-agreement.ts';
import { type DialectName, scratchLocation } from '../test/helpers/databases.ts';
import { seedFixtureLog } from '../test/server-fixture.ts';
import { percentile } from './machine.ts';
import { writeSection } from './results.ts';

const MANY = 100_000;
const ROUNDS = 200;

async function run(dialect: DialectName) {
  const scratch = await scratchLocation(dialect);
  const database = await openDatabase(scratch.location);
  const folder = agreementFolder('test-log');
  try {
    const { f, store, tokens } = await seedFixtureLog(database);
    await store.append(f.logId, [f.event('operator', 'agreement.adopted', folder.adopted)]);
    const app = await buildApp({ database, crypto, agreementsDir: folder.dir, requestsPerMinute: 1e9 });
    const as = (actor: string) => ({ authorization: `Bearer ${tokens[actor]}` });
    const added = await app.inject({
      method: 'POST',
      url: '/api/logs/test-log/persons',
      headers: as('party-b'),
      payload: { records: [1, 2, 3].map((i) => ({ names: { en: `Person ${i}` } })) },
    });
    const commitments = (JSON.parse(added.body) as { commitments: string[] }).commitments;
    const append = async (actor: string, kind: string, body: Record<string, unknown>) => {
      const r = await app.inject({
        method: 'POST',
        url: '/api/logs/test-log/events',
        headers: { ...as(actor), 'content-type': 'application/json' },
        payload: new TextDecoder().decode(f.event(actor, kind, body)),
      });
      return (JSON.parse(r.body) as { leafHash: string }).leafHash;
    };
    const list = await append('party-b', 'list.submitted', {
      provision: 'exchange',
      batch: 1,
      count: 2,
      persons: commitments.slice(0, 2),
    });
    await append('party-a', 'list.accepted', { list });
    const requests: [string, string, string][] = [
      ['party-b: its persons', 'party-b', '/api/logs/test-log/persons'],
      ['party-b: one list', 'party-b', `/api/logs/test-log/persons?list=${list}`],
      ['party-b: one record', 'party-b', `/api/logs/test-log/persons/${commitments[0]}`],
      ['intermediary: manifests', 'icrc', '/api/logs/test-log/manifests'],
    ];
    const time = async () => {
      const out: Record<string, { p50: number; p99: number }> = {};
      for (const [name, actor, url] of requests) {
        await app.inject({ url, headers: as(actor) });
        const ms: number[] = [];
        for (let i = 0; i < ROUNDS; i++) {
          const t = performance.now();
          const r = await app.inject({ url, headers: as(actor) });
          ms.push(performance.now() - t);
          if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
        }
        out[name] = { p50: percentile(ms, 50), p99: percentile(ms, 99) };
      }
      return out;
    };
    const few = await time();
    const persons = new PersonsStore(database, crypto);
    const started = performance.now();
    for (let i = 0; i < MANY; i += 5000)
      await persons.addAll(
        'test-log',
        Array.from({ length: 5000 }, (_, j) => ({ names: { en: `Held ${i + j}` }, age: 20 })),
        { actor: 'party-a', party: 'party-a' },
      );
    const addSeconds = (performance.now() - started) / 1000;
    const many = await time();
    const t = performance.now();
    const all = await persons.all('test-log');
    const readAllMs = performance.now() - t;
    await app.close();
    return { dialect, few, many, addSeconds, readAllMs, records: all.length };
  } finally {
    await database.close();
    await scratch.remove();
    folder.remove();
  }
}

const load = (loadavg()[0] ?? 0).toFixed(1);
const results = [];
for (const dialect of ['sqlite', 'postgres'] as DialectName[]) results.push(await run(dialect));
const ms = (v: number) => `${v.toFixed(2)} ms`;
const rows = results.flatMap((r) =>
  Object.keys(r.few).map(
    (name) =>
      `| ${r.dialect} | ${name} | ${ms(r.few[name]!.p50)} / ${ms(r.few[name]!.p99)} | ${ms(r.many[name]!.p50)} / ${ms(r.many[name]!.p99)} | ${ms(r.readAllMs)} |`,
  ),
);
writeSection('Persons requests beside 100,000 records of another party', [
  `${ROUNDS} requests each (app.inject, in process), p50 / p99, with party-a keeping 3 then ${MANY.toLocaleString('en-US')} records (none listed); party-b keeps 3 and listed 2, which party-a accepted. Baseline: reading every record of the log once, each checked against its commitment, as each request did before (${results.map((r) => `${r.dialect} ${r.records.toLocaleString('en-US')} records`).join(', ')}). Keeping the ${MANY.toLocaleString('en-US')} records took ${results.map((r) => `${r.addSeconds.toFixed(1)} s on ${r.dialect}`).join(', ')}. The machine was shared: load average ${load} when the run began.`,
  '',
  '| backend | request | party-a at 3 records | party-a at 100,000 records | baseline: read every record |',
  '|---|---|---|---|---|',
  ...rows,
]);
