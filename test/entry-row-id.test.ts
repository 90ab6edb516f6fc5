import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importRows, RowFailure } from '../src/cli/monitor-import.ts';
import { csvRows } from '../src/cli/monitor-rows.ts';
import type { Database } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { entryRowIdMigration } from '../src/store/migrations/0011-entry-row-id.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';

const statement = (
  f: ReturnType<typeof ledgerFixture>,
  id: string | undefined,
  text: string,
  occurredAt: string,
) => f.event('monitor', 'statement', { text }, { occurredAt, ...(id ? { id } : {}) });

describe.each(DIALECTS)('row ids and occurred-at, indexed (migration 0011), on %s', (dialect) => {
  let database: Database;
  afterEach(async () => {
    vi.restoreAllMocks();
    await database?.close();
  });

  it('an existing database migrates: each event gets its id and its occurredAt in ms; of two events with one id, the first keeps it', async () => {
    database = await scratchDatabase(dialect);
    const f = ledgerFixture();
    const store = new LedgerStore(database, crypto);
    await f.createLog(store);
    await store.append(f.logId, [
      ...f.genesis(),
      statement(f, 'r1', 'one', '2023-11-24T16:00:00+02:00'),
      statement(f, undefined, 'two', '2023-11-25T23:59:59.500Z'),
      statement(f, 'r2', 'three', '2023-11-26T00:00:00-05:00'),
    ]);
    // As a database of before 0011 was, with a second event of id r1 (possible then).
    const migration = entryRowIdMigration(dialect);
    const db = database.db as unknown as Kysely<unknown>;
    await migration.down!(db);
    await sql`insert into truce_entry (log_id, idx, leaf_hash, kind, actor, event, recorded_at)
      select log_id, 99, ${new Uint8Array(32).fill(7)}, kind, actor, event, recorded_at from truce_entry where idx = 5`.execute(
      db,
    );
    await migration.up(db);
    const rows = await database.db
      .selectFrom('truce_entry')
      .select(['idx', 'row_id', 'occurred_ms'])
      .where('idx', '>=', 5)
      .orderBy('idx')
      .execute();
    expect(
      rows.map((r) => [Number(r.idx), r.row_id, r.occurred_ms === null ? null : Number(r.occurred_ms)]),
    ).toEqual([
      [5, 'r1', Date.parse('2023-11-24T16:00:00+02:00')],
      [6, null, Date.parse('2023-11-25T23:59:59.500Z')],
      [7, 'r2', Date.parse('2023-11-26T00:00:00-05:00')],
      [99, null, Date.parse('2023-11-24T16:00:00+02:00')],
    ]);
  });

  it('an id names one event of a log: another event with it is refused naming the id and the event that has it; the same event again is a duplicate', async () => {
    database = await scratchDatabase(dialect);
    const f = ledgerFixture();
    const store = new LedgerStore(database, crypto);
    await f.createLog(store);
    await store.append(f.logId, f.genesis());
    const first = statement(f, 'row-7', 'Seen at the crossing.', '2023-11-24T16:00:00+02:00');
    const [a] = await store.append(f.logId, [first]);
    expect((await store.append(f.logId, [first]))[0]).toEqual({ ...a, duplicate: true });
    const other = statement(f, 'row-7', 'Something else.', '2023-11-24T17:00:00+02:00');
    await expect(store.append(f.logId, [other])).rejects.toMatchObject({
      code: 'event-id-taken',
      message: expect.stringContaining(
        `The id "row-7" is already the id of event no. ${a!.index} of this log`,
      ),
    });
    // Within one batch too.
    const x = statement(f, 'row-8', 'x', '2023-11-24T18:00:00+02:00');
    const y = statement(f, 'row-8', 'y', '2023-11-24T18:00:00+02:00');
    await expect(store.append(f.logId, [x, y])).rejects.toMatchObject({
      code: 'event-id-taken',
      position: 1,
    });
    expect((await store.requireLog(f.logId)).size).toBe(6);
    expect([...(await store.entriesWithIds(f.logId, ['row-7', 'row-8', 'nope'])).keys()]).toEqual(['row-7']);
  });

  it('a re-import finds its rows by the indexed id, without reading the log; a row re-using an id with other content is refused naming the row and the id', async () => {
    database = await scratchDatabase(dialect);
    const f = ledgerFixture();
    const store = new LedgerStore(database, crypto);
    await f.createLog(store);
    await store.append(f.logId, f.genesis());
    const keys = new Map([['monitor', f.keys.monitor!]]);
    const sheet =
      'id,kind,occurred_at,actor,text,of\r\n' +
      's1,statement,2023-11-24T16:00:00+02:00,monitor,Crossing open,\r\n' +
      's2,acknowledgement,2023-11-24T17:00:00+02:00,icrc,,s1\r\n';
    const first = await importRows(
      store,
      f.logId,
      csvRows(sheet).rows,
      { keys: new Map([...keys, ['icrc', f.keys.icrc!]]) },
      '2026-12-06T12:00:00Z',
    );
    expect(first.map((r) => r.duplicate)).toEqual([false, false]);
    const pages = vi.spyOn(LedgerStore.prototype, 'rawEntryPages');
    const entries = vi.spyOn(LedgerStore.prototype, 'entries');
    // Only the second row again: its reference to s1 is found by id in the log too.
    const again = await importRows(
      store,
      f.logId,
      csvRows(`id,kind,occurred_at,actor,text,of\r\n${sheet.split('\r\n')[2]}\r\n`).rows,
      { keys: new Map([['icrc', f.keys.icrc!]]) },
      '2026-12-06T12:00:00Z',
    );
    expect(again).toEqual([{ ...first[1], line: 2, duplicate: true }]);
    expect(pages).not.toHaveBeenCalled();
    expect(entries).not.toHaveBeenCalled();
    const changed = importRows(
      store,
      f.logId,
      csvRows(
        'id,kind,occurred_at,actor,text\r\ns1,statement,2023-11-24T16:00:00+02:00,monitor,Crossing closed\r\n',
      ).rows,
      { keys },
      '2026-12-06T12:00:00Z',
    );
    await expect(changed).rejects.toBeInstanceOf(RowFailure);
    await expect(changed).rejects.toMatchObject({
      line: 2,
      column: 'id',
      message: expect.stringContaining(
        `the log already has event no. ${first[0]!.index} with the id "s1", which differs in text`,
      ),
    });
  });
});
