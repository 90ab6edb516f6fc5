import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalize } from '../src/core/ledger/canonical-json.ts';
import type { EventEnvelope } from '../src/core/ledger/event.ts';
import { signEvent } from '../src/core/ledger/event-sign.ts';
import { verifyLog } from '../src/core/ledger/verify-log.ts';
import { storeMaterial } from '../src/export/store-material.ts';
import { VerifyPool } from '../src/platform/verify-pool.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';
import { verifyLogBefore } from './helpers/verify-log-before.ts';

/** Rows a page of the streamed reading holds in these tests: the log spans many pages. */
const PAGE = 10;
const EVENTS = 120;

describe.each(DIALECTS)('verify streams the log and checks entries on worker threads, on %s', (dialect) => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  let store: LedgerStore;
  const f = ledgerFixture();
  const one = new VerifyPool(1);
  const two = new VerifyPool(2);
  const leaves: string[] = [];

  beforeAll(async () => {
    database = await scratchDatabase(dialect);
    store = new LedgerStore(database, crypto);
    await f.createLog(store);
    await store.append(f.logId, f.genesis());
    for (let i = 5; i < EVENTS; i++) {
      // A mediator registered, and revoked, late in the log; acknowledgements and disputes of
      // events many pages back; everything else a monitor's figures.
      const bytes =
        i === 40
          ? f.register('mediator')
          : i === 90
            ? f.event('operator', 'actor.revoked', { actor: 'mediator' })
            : i % 7 === 0 && i > 20
              ? f.event(i % 2 ? 'party-a' : 'party-b', i % 3 ? 'acknowledgement' : 'dispute', {
                  of: leaves[i % 13]!,
                  reason: 'seen',
                })
              : i > 40 && i < 90 && i % 11 === 0
                ? f.event('mediator', 'phase.started', { phase: 'first' })
                : f.event('monitor', 'aid.delivered', {
                    date: '2023-11-25',
                    quantity: i,
                    unit: 'truck',
                    destination: 'north',
                  });
      const [r] = await store.append(f.logId, [bytes]);
      leaves.push(r!.leafHash);
    }
  }, 120_000);
  afterAll(async () => {
    await one.close();
    await two.close();
    await database?.close();
  });

  const material = () => storeMaterial(store, f.logId, { pageSize: PAGE });

  it('gives the same report with one worker, two workers, this thread, and verify as it was', async () => {
    const report = await verifyLog(crypto, await material());
    expect(report.problems).toEqual([]);
    expect(report.size).toBe(EVENTS);
    for (const pool of [one, two])
      expect(await verifyLog(crypto, await material(), { check: pool.check, batch: 8, ahead: 4 })).toEqual(
        report,
      );
    expect(await verifyLogBefore(crypto, await material())).toEqual(report);
  }, 60_000);

  it('names the same faults the same way with one worker and two: a bad signature, references to nothing and to a later event, an event by a revoked actor', async () => {
    const signed = (actor: string, kind: string, body: Record<string, unknown>, signer = actor) =>
      canonicalize(
        signEvent(
          crypto,
          {
            v: 1,
            log: f.logId,
            kind,
            occurredAt: '2023-11-24T05:30:00Z',
            recordedAt: '2023-11-24T05:30:00Z',
            actor,
            body,
          } as EventEnvelope,
          f.keys[signer]!,
        ),
      );
    const edits: [number, string][] = [
      // Signed by another actor's key than the monitor's.
      [33, signed('monitor', 'statement', { text: 'x' }, 'party-a')],
      // Refers to a leaf that is in no page of the log, and to one that comes later.
      [57, signed('party-a', 'acknowledgement', { of: 'ab'.repeat(32) })],
      [58, signed('party-b', 'acknowledgement', { of: leaves[100]! })],
      // The mediator records after its revocation (entry 90).
      [101, signed('mediator', 'phase.started', { phase: 'second' })],
    ];
    const before = await database.db.selectFrom('truce_entry').select(['idx', 'event']).execute();
    try {
      for (const [idx, event] of edits)
        await database.db.updateTable('truce_entry').set({ event }).where('idx', '=', idx).execute();
      const report = await verifyLog(crypto, await material(), { check: one.check, batch: 8 });
      expect(
        report.problems.filter((p) => p.where.startsWith('entry ')).map((p) => [p.where, p.code]),
      ).toEqual([
        ['entry 33', 'leaf-mismatch'],
        ['entry 33', 'event-bad-signature'],
        ['entry 57', 'leaf-mismatch'],
        ['entry 57', 'event-unknown-reference'],
        ['entry 58', 'leaf-mismatch'],
        ['entry 58', 'event-unknown-reference'],
        ['entry 101', 'leaf-mismatch'],
        ['entry 101', 'event-unknown-actor'],
      ]);
      expect(await verifyLog(crypto, await material(), { check: two.check, batch: 3, ahead: 5 })).toEqual(
        report,
      );
      expect(await verifyLog(crypto, await material())).toEqual(report);
      expect(await verifyLogBefore(crypto, await material())).toEqual(report);
    } finally {
      for (const r of before)
        await database.db
          .updateTable('truce_entry')
          .set({ event: r.event })
          .where('idx', '=', r.idx)
          .execute();
    }
    expect((await verifyLog(crypto, await material(), { check: two.check })).problems).toEqual([]);
  }, 60_000);

  it('finds a bad signature wherever it falls in a batch: the first entry of one, the last, and the last of a log whose size is no multiple of the batch', async () => {
    const rows = await database.db
      .selectFrom('truce_entry')
      .select(['idx', 'event'])
      .orderBy('idx')
      .execute();
    const text = (idx: number) => rows.find((r) => Number(r.idx) === idx)!.event;
    /** Entry `idx` with the signature of the entry after it: well formed, but not its own. */
    const forged = (idx: number) => {
      const own = JSON.parse(text(idx)) as { signature: { sig: string } };
      const other = JSON.parse(text(idx === EVENTS - 1 ? idx - 1 : idx + 1)) as {
        signature: { sig: string };
      };
      return text(idx).replace(own.signature.sig, other.signature.sig);
    };
    // Batches of 7 (120 = 17 × 7 + 1): entries 7, 14 open batches, 13 and 20 close them, 119 is
    // the last batch alone; batches of 8: 64 opens one, 63 closes one.
    const bad = [7, 13, 14, 20, 63, 64, EVENTS - 1];
    try {
      for (const idx of bad)
        await database.db
          .updateTable('truce_entry')
          .set({ event: forged(idx) })
          .where('idx', '=', idx)
          .execute();
      const report = await verifyLog(crypto, await material());
      const named = report.problems.map((p) => `${p.where} ${p.code}`);
      for (const idx of bad)
        expect(named).toEqual(
          expect.arrayContaining([`entry ${idx} leaf-mismatch`, `entry ${idx} event-bad-signature`]),
        );
      // No other entry's signature is said to be bad (entries that acknowledge a forged one refer to
      // a leaf that is no longer in the log: named too, the same way by every checker).
      expect(named.filter((p) => p.endsWith('event-bad-signature'))).toHaveLength(bad.length);
      for (const [pool, batch, ahead] of [
        [one, 7, 1],
        [two, 7, 8],
        [two, 8, 3],
        [two, EVENTS, 2],
        [two, 1, 4],
      ] as const)
        expect(await verifyLog(crypto, await material(), { check: pool.check, batch, ahead })).toEqual(
          report,
        );
      expect(await verifyLogBefore(crypto, await material())).toEqual(report);
    } finally {
      for (const idx of bad)
        await database.db
          .updateTable('truce_entry')
          .set({ event: text(idx) })
          .where('idx', '=', idx)
          .execute();
    }
    expect((await verifyLog(crypto, await material(), { check: two.check, batch: 7 })).problems).toEqual([]);
  }, 60_000);

  it('reads the log a page at a time while it checks: never more than a page and a batch ahead of the checks', async () => {
    /** The store, counting the rows it has read. */
    class Counting extends LedgerStore {
      rows = 0;
      override async *rawEntryPages(logId: string, options: { pageSize?: number } = {}) {
        for await (const page of super.rawEntryPages(logId, options)) {
          this.rows += page.length;
          yield page;
        }
      }
    }
    const counting = new Counting(database, crypto);
    let given = 0;
    const ahead: number[] = [];
    const report = await verifyLog(crypto, await storeMaterial(counting, f.logId, { pageSize: PAGE }), {
      batch: 4,
      ahead: 2,
      check: (entries, keys) => {
        // Rows read from the database but not yet given to the checks.
        ahead.push(counting.rows - given);
        given += entries.length;
        return two.check(entries, keys);
      },
    });
    expect(report.problems).toEqual([]);
    expect(counting.rows).toBe(EVENTS);
    // The first batch went to the checks when only the first page had been read.
    expect(ahead[0]).toBe(PAGE);
    expect(Math.max(...ahead)).toBeLessThanOrEqual(PAGE + 4);
  }, 60_000);
});
