/**
 * SQLite's durability off the event loop (database.ts, wal-sync.ts, sqlite-durable-dialect.ts,
 * wal-checkpointer.ts): every write through the store resolves only once the write-ahead log is
 * flushed to the disk, and the flush does not hold the event loop. The flush is the real one
 * (fdatasync of the `-wal` file), with a gate in front of it that the test opens by hand.
 * SQLite only: PostgreSQL's (an append committed without waiting for the disk, then flushed) are
 * in append-durable.test.ts.
 */
import { copyFileSync, statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withWriteLock } from '../src/store/append-lock.ts';
import { type Database, openDatabase } from '../src/store/database.ts';
import { scratchLocation } from './helpers/databases.ts';

const gate = vi.hoisted(() => ({
  closed: false,
  flushed: [] as string[],
  waiting: [] as (() => void)[],
  open() {
    this.closed = false;
    for (const w of this.waiting.splice(0)) w();
  },
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof actual.open = async (...args) => {
    const handle = await actual.open(...args);
    const path = String(args[0]);
    const datasync = handle.datasync.bind(handle);
    handle.datasync = async () => {
      if (gate.closed) await new Promise<void>((r) => gate.waiting.push(r));
      await datasync();
      gate.flushed.push(path);
    };
    return handle;
  };
  return { ...actual, open, default: { ...actual, open } };
});

const log = (id: string) => ({
  id,
  origin: `truce.example/${id}`,
  log_key: 'k',
  size: 0,
  root: new Uint8Array(32),
  agreement_hash: null,
  created_at: '2026-01-01T00:00:00Z',
});

/** Runs `write` with the flush held; checks that it waits for the flush, not the event loop. */
async function waitsForTheFlush(database: Database, write: () => Promise<unknown>) {
  gate.flushed.length = 0;
  gate.closed = true;
  let done = false;
  const p = write().then(() => {
    done = true;
  });
  // The event loop turns meanwhile: timers fire while the flush is held.
  const ticks = await new Promise<number>((resolve) => {
    let n = 0;
    const t = setInterval(() => {
      if (++n === 5) {
        clearInterval(t);
        resolve(n);
      }
    }, 2);
  });
  expect(ticks).toBe(5);
  expect(gate.waiting.length).toBeGreaterThan(0);
  expect(done).toBe(false);
  // A read does not wait for the disk (nor for the write, which holds the connection).
  await database.ping();
  gate.open();
  await p;
  expect(done).toBe(true);
  expect(gate.flushed.some((f) => f === `${database.location}-wal`)).toBe(true);
}

describe('SQLite writes are durable before they resolve, without holding the event loop', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    gate.open();
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const open = async () => {
    const scratch = await scratchLocation('sqlite');
    cleanups.push(scratch.remove);
    const database = await openDatabase(scratch.location);
    cleanups.push(() => database.close());
    return database;
  };

  it('runs SQLite with NORMAL commits, no checkpoint on its own connection, and the log flushed by the store', async () => {
    const database = await open();
    const pragmas = await database.sqlite!((statement) => ({
      synchronous: (statement('pragma synchronous').get() as { synchronous: number }).synchronous,
      autocheckpoint: (statement('pragma wal_autocheckpoint').get() as { wal_autocheckpoint: number })
        .wal_autocheckpoint,
      journal: (statement('pragma journal_mode').get() as { journal_mode: string }).journal_mode,
    }));
    expect(pragmas).toEqual({ synchronous: 1, autocheckpoint: 0, journal: 'wal' });
  });

  it('a write outside a transaction', async () => {
    const database = await open();
    await waitsForTheFlush(database, () => database.db.insertInto('truce_log').values(log('a')).execute());
  });

  it('a Kysely transaction', async () => {
    const database = await open();
    await waitsForTheFlush(database, () =>
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('truce_log').values(log('b')).execute();
        await trx.updateTable('truce_log').set({ size: 0 }).where('id', '=', 'b').execute();
      }),
    );
  });

  it("the store's write lock (BEGIN IMMEDIATE … COMMIT)", async () => {
    const database = await open();
    await waitsForTheFlush(database, () =>
      withWriteLock(
        database,
        async () => {},
        (trx) => trx.insertInto('truce_log').values(log('c')).execute(),
      ),
    );
  });

  it("the store's synchronous statements (database.sqlite)", async () => {
    const database = await open();
    await waitsForTheFlush(database, () =>
      database.sqlite!((statement) =>
        statement(
          'insert into truce_log (id, origin, log_key, size, root, agreement_hash, created_at) values (?, ?, ?, ?, ?, ?, ?)',
        ).run('d', 'truce.example/d', 'k', 0, new Uint8Array(32), null, '2026-01-01T00:00:00Z'),
      ),
    );
  });

  it('a read does not wait for the disk', async () => {
    const database = await open();
    await database.db.insertInto('truce_log').values(log('e')).execute();
    gate.flushed.length = 0;
    gate.closed = true;
    const rows = await database.db.selectFrom('truce_log').select('id').execute();
    expect(rows.map((r) => r.id)).toEqual(['e']);
    expect(gate.waiting).toHaveLength(0);
    expect(gate.flushed).toHaveLength(0);
  });

  it('copies the write-ahead log into the database file on its own thread, so that the log is reused', async () => {
    const database = await open();
    await database.db.insertInto('truce_log').values(log('f')).execute();
    const commits = async (n: number) => {
      for (let i = 0; i < n; i++) {
        await database.db
          .updateTable('truce_log')
          .set({ size: i, root: new Uint8Array(32).fill(i % 256) })
          .where('id', '=', 'f')
          .execute();
      }
    };
    await commits(150);
    const first = await database.checkpoint!();
    expect(first).toBeDefined();
    expect(first!.log).toBeGreaterThan(0);
    expect(first!.checkpointed).toBe(first!.log);
    const walBytes = statSync(`${database.location}-wal`).size;
    // Copied in full: the next writer starts the log again from its beginning, so it does not grow.
    await commits(150);
    const second = await database.checkpoint!();
    expect(second!.checkpointed).toBe(second!.log);
    expect(second!.log).toBeLessThanOrEqual(first!.log + 2);
    expect(statSync(`${database.location}-wal`).size).toBeLessThanOrEqual(walBytes + 2 * 4096 + 32);
    const row = await database.db
      .selectFrom('truce_log')
      .select('size')
      .where('id', '=', 'f')
      .executeTakeFirstOrThrow();
    expect(row.size).toBe(149);
  });

  it('copies what it wrote into the database file when it closes, while another connection keeps the file open', async () => {
    const scratch = await scratchLocation('sqlite');
    cleanups.push(scratch.remove);
    const other = await openDatabase(scratch.location);
    cleanups.push(() => other.close());
    const database = await openDatabase(scratch.location);
    for (let i = 0; i < 20; i++)
      await database.db
        .insertInto('truce_log')
        .values(log(`g${i}`))
        .execute();
    await database.close();
    // The database file alone, without its write-ahead log, holds the rows: they were copied.
    const copy = `${scratch.location}.copy`;
    copyFileSync(scratch.location, copy);
    const alone = new DatabaseSync(copy, { readOnly: true });
    try {
      const { n } = alone.prepare('select count(*) as n from truce_log').get() as { n: number };
      expect(n).toBe(20);
    } finally {
      alone.close();
    }
  });
});
