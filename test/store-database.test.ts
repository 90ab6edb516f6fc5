import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, redact } from '../src/store/database.ts';
import { DIALECTS, scratchLocation } from './helpers/databases.ts';

describe.each(DIALECTS)('database on %s', (dialect) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('migrates a new database and reopens it without migrating twice', async () => {
    const scratch = await scratchLocation(dialect);
    cleanups.push(scratch.remove);
    const first = await openDatabase(scratch.location);
    expect(first.dialect).toBe(dialect);
    await first.db
      .insertInto('truce_log')
      .values({
        id: 'l',
        origin: 'truce.example/l',
        log_key: 'k',
        size: 0,
        root: new Uint8Array(32).fill(7),
        agreement_hash: null,
        created_at: '2026-01-01T00:00:00Z',
      })
      .execute();
    await first.close();
    const again = await openDatabase(scratch.location);
    const row = await again.db.selectFrom('truce_log').selectAll().executeTakeFirstOrThrow();
    expect(row.size).toBe(0);
    expect(typeof row.size).toBe('number');
    expect(new Uint8Array(row.root)).toEqual(new Uint8Array(32).fill(7));
    await again.close();
  });

  it('answers a ping while a write transaction is in progress, without waiting for it to end', async () => {
    const scratch = await scratchLocation(dialect);
    cleanups.push(scratch.remove);
    const database = await openDatabase(scratch.location);
    cleanups.push(() => database.close());
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let inside!: () => void;
    const opened = new Promise<void>((r) => {
      inside = r;
    });
    const steps: string[] = [];
    const write = database.db.transaction().execute(async (trx) => {
      await trx.selectFrom('truce_log').select('id').execute();
      inside();
      await held;
      steps.push('write ended');
    });
    await opened;
    // A query through Kysely would wait here for the write's turn to end (SQLite has one connection).
    await database.ping();
    steps.push('ping answered');
    release();
    await write;
    expect(steps).toEqual(['ping answered', 'write ended']);
  });
});

describe('redact', () => {
  it('never prints a PostgreSQL password', () => {
    expect(redact('postgres://u:secret@h:5432/db')).toBe('postgres://u:***@h:5432/db');
    expect(redact('./data/truce.db')).toBe('./data/truce.db');
  });
});
