import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { DEMO_LOG_DIR, importDemoLog } from '../src/server/demo-log.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { agreementFolder } from './helpers/adopted-agreement.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';
import { runCli } from './helpers/run-cli.ts';

/** The items of the report's "What happened that day" section. */
function happened(html: string): string[] {
  const section = /<h2>What happened that day<\/h2>\n(<ul>.*?<\/ul>|<p>None\.<\/p>)/s.exec(html);
  if (!section) throw new Error('the report has no "What happened that day" section');
  return [...section[1]!.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]!);
}

describe.each(DIALECTS)('the daily report says what happened that day, on %s', (dialect) => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reads only the events of the day (an indexed range by occurred-at), never the whole log, and each day equals truce report', async () => {
    const database = await scratchDatabase(dialect);
    try {
      const store = new LedgerStore(database, crypto);
      await importDemoLog(store, crypto, DEMO_LOG_DIR);
      const app = await buildApp({ database, crypto });
      try {
        const pages = vi.spyOn(LedgerStore.prototype, 'rawEntryPages');
        const ranges = vi.spyOn(LedgerStore.prototype, 'entriesOccurredBetween');
        const size = (await store.requireLog('nov-2023-pause')).size;
        for (const date of ['2023-11-24', '2023-11-25', '2023-11-27', '2023-11-30']) {
          const r = await app.inject({ url: `/api/logs/nov-2023-pause/report?date=${date}` });
          expect(r.statusCode).toBe(200);
          const cli = await runCli('report', DEMO_LOG_DIR, '--date', date);
          expect(cli.status).toBe(0);
          expect(r.body, date).toBe(cli.stdout);
          // What was read for the day: its own events, not the log's.
          const read = await ranges.mock.results.at(-1)!.value;
          expect(read.length, date).toBe(happened(r.body).length);
          expect(read.length).toBeLessThan(size / 2);
        }
        expect(pages).not.toHaveBeenCalled();
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  });

  it('reads as many rows for a day however long the log grows on other days', async () => {
    const database = await scratchDatabase(dialect);
    const folder = agreementFolder('test-log');
    try {
      const f = ledgerFixture('test-log');
      const store = new LedgerStore(database, crypto);
      await f.createLog(store);
      const day = (d: number, n: number) =>
        Array.from({ length: n }, (_, i) =>
          f.event(
            'monitor',
            'statement',
            { text: `day ${d}, ${i}` },
            {
              occurredAt: `2023-11-${d}T${String(8 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+02:00`,
            },
          ),
        );
      await store.append(f.logId, [
        ...f.genesis(),
        f.event('operator', 'agreement.adopted', folder.adopted),
        ...day(25, 3),
      ]);
      const app = await buildApp({ database, crypto, agreementsDir: folder.dir });
      try {
        const ranges = vi.spyOn(LedgerStore.prototype, 'entriesOccurredBetween');
        const report = async () => {
          const r = await app.inject({ url: `/api/logs/${f.logId}/report?date=2023-11-25` });
          expect(r.statusCode).toBe(200);
          return { happened: happened(r.body), read: (await ranges.mock.results.at(-1)!.value).length };
        };
        const short = await report();
        expect(short.happened).toHaveLength(3);
        // 600 more events, on the days around it (the day before ends at its midnight, in the
        // agreement's zone; the day after begins there).
        await store.append(f.logId, [...day(24, 300), ...day(26, 300)]);
        const long = await report();
        expect(long).toEqual(short);
        expect(long.read).toBe(3);
      } finally {
        await app.close();
      }
    } finally {
      folder.remove();
      await database.close();
    }
  });

  it('lists every event of the day in order, the same from the API as from truce report', async () => {
    const database = await scratchDatabase(dialect);
    try {
      await importDemoLog(new LedgerStore(database, crypto), crypto, DEMO_LOG_DIR);
      const app = await buildApp({ database, crypto });
      try {
        const r = await app.inject({ url: '/api/logs/nov-2023-pause/report?date=2023-11-25' });
        expect(r.statusCode).toBe(200);
        const fromApi = happened(r.body);
        const cli = await runCli('report', DEMO_LOG_DIR, '--date', '2023-11-25');
        expect(cli.status).toBe(0);
        expect(fromApi).toEqual(happened(cli.stdout));
        expect(fromApi).toHaveLength(13);
        // The late handover of day 2, at 21:00, with who recorded it and its source.
        expect(fromApi.find((l) => l.includes('handover completed'))).toMatch(
          />21:00<\/span> handover completed — recorded by Hamas: provision: Release of hostages and prisoners, batch: 2, count: 13, to: Israel, via: International Committee of the Red Cross \[/,
        );
        // A confirmation names the handover by its number, kind and time, never by its hash in
        // words; the same from the API (indexed lookup) as from the CLI (the whole log).
        expect(fromApi.find((l) => l.includes('handover confirmed'))).toContain(
          'handover: no. 26, handover carried out, 25 Nov 21:00',
        );
        // The registrations of keys (22 Nov) are housekeeping: a day of nothing but them lists none.
        const before = await app.inject({ url: '/api/logs/nov-2023-pause/report?date=2023-11-22' });
        expect(happened(before.body)).toEqual([]);
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  });
});
