import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localDate } from '../src/core/time/zoned-time.ts';
import { buildApp } from '../src/server/app.ts';
import { DEMO_LOG_DIR, importDemoLog } from '../src/server/demo-log.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { agreementFolder } from './helpers/adopted-agreement.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';

interface Days {
  log: string;
  size: number;
  timeZone: string;
  days: { date: string; events: number }[];
}

describe.each(DIALECTS)('the days on which a log records events, on %s', (dialect) => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("are the days of the events' occurredAt in the agreement's time zone, each with its count (the Nov 2023 pause)", async () => {
    const database = await scratchDatabase(dialect);
    try {
      await importDemoLog(new LedgerStore(database, crypto), crypto, DEMO_LOG_DIR);
      const app = await buildApp({ database, crypto });
      try {
        const r = await app.inject({ url: '/api/logs/nov-2023-pause/days' });
        expect(r.statusCode).toBe(200);
        const body = r.json<Days>();
        // What the export says, each event dated in Gaza by its occurredAt.
        const expected = new Map<string, number>();
        for (const line of readFileSync(join(DEMO_LOG_DIR, 'events.jsonl'), 'utf8').split('\n')) {
          if (!line) continue;
          const date = localDate(Date.parse(JSON.parse(line).event.occurredAt), 'Asia/Gaza');
          expected.set(date, (expected.get(date) ?? 0) + 1);
        }
        expect(body).toEqual({
          log: 'nov-2023-pause',
          size: 64,
          timeZone: 'Asia/Gaza',
          days: [...expected].sort().map(([date, events]) => ({ date, events })),
        });
        // The pause's last day (day 8, no obligation) has its three events; 23 Nov none.
        expect(body.days.find((d) => d.date === '2023-12-01')?.events).toBe(3);
        expect(body.days.some((d) => d.date === '2023-11-23')).toBe(false);
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  });

  it('reads two indexed ranges a day, however many events a day holds, and follows the log as it grows', async () => {
    const database = await scratchDatabase(dialect);
    const folder = agreementFolder('test-log');
    try {
      const f = ledgerFixture('test-log');
      const store = new LedgerStore(database, crypto);
      await f.createLog(store);
      const day = (d: number, n: number, hour = 8) =>
        Array.from({ length: n }, (_, i) =>
          f.event(
            'monitor',
            'statement',
            { text: `day ${d}, ${i}` },
            {
              occurredAt: `2023-11-${d}T${String(hour).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+02:00`,
            },
          ),
        );
      // The genesis and the adoption occur on 24 Nov at 07:00 in Gaza (05:00 UTC).
      await store.append(f.logId, [...f.genesis(), f.event('operator', 'agreement.adopted', folder.adopted)]);
      const app = await buildApp({ database, crypto, agreementsDir: folder.dir });
      try {
        const days = async () => {
          const r = await app.inject({ url: `/api/logs/${f.logId}/days` });
          expect(r.statusCode).toBe(200);
          return r.json<Days>();
        };
        const first = await days();
        const genesis = first.days[0]!;
        expect(first.days).toEqual([{ date: '2023-11-24', events: genesis.events }]);
        // 600 events on two more days; one at 23:59 and one at 00:00 of the next, in Gaza.
        await store.append(f.logId, [
          ...day(26, 300),
          ...day(28, 300),
          f.event('monitor', 'statement', { text: 'late' }, { occurredAt: '2023-11-29T23:59:00+02:00' }),
          f.event('monitor', 'statement', { text: 'early' }, { occurredAt: '2023-11-29T22:00:00Z' }),
        ]);
        const firsts = vi.spyOn(LedgerStore.prototype, 'firstOccurredFrom');
        const counts = vi.spyOn(LedgerStore.prototype, 'countOccurredBetween');
        const pages = vi.spyOn(LedgerStore.prototype, 'rawEntryPages');
        const grown = await days();
        expect(grown.days).toEqual([
          genesis,
          { date: '2023-11-26', events: 300 },
          { date: '2023-11-28', events: 300 },
          { date: '2023-11-29', events: 1 },
          { date: '2023-11-30', events: 1 },
        ]);
        expect(grown.size).toBe(first.size + 602);
        // One step and one count a day on record (and the step that finds no more), never the log read.
        expect(counts).toHaveBeenCalledTimes(5);
        expect(firsts).toHaveBeenCalledTimes(6);
        expect(pages).not.toHaveBeenCalled();
        // Asked again while the log is unchanged: answered from memory.
        await days();
        expect(counts).toHaveBeenCalledTimes(5);
      } finally {
        await app.close();
      }
    } finally {
      folder.remove();
      await database.close();
    }
  });
});
