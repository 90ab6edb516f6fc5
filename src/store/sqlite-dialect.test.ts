import { DatabaseSync } from 'node:sqlite';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { kyselySqlite } from './sqlite-dialect.ts';

interface T {
  item: { id: number; name: string };
}

/** A database whose `prepare` calls are counted. */
function counted() {
  const db = new DatabaseSync(':memory:');
  const prepared: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = (sql: string) => {
    prepared.push(sql);
    return prepare(sql);
  };
  db.exec('CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
  return { db, prepared };
}

describe('kyselySqlite', () => {
  let kysely: Kysely<T> | undefined;
  afterEach(async () => {
    await kysely?.destroy();
    kysely = undefined;
  });

  it('prepares a statement once and reuses it for the same SQL', async () => {
    const { db, prepared } = counted();
    kysely = new Kysely<T>({ dialect: new SqliteDialect({ database: kyselySqlite(db) }) });
    for (let i = 0; i < 5; i++)
      await kysely
        .insertInto('item')
        .values({ id: i, name: `n${i}` })
        .execute();
    for (let i = 0; i < 5; i++) {
      const row = await kysely.selectFrom('item').selectAll().where('id', '=', i).executeTakeFirst();
      expect(row).toEqual({ id: i, name: `n${i}` });
    }
    expect(prepared.filter((s) => s.startsWith('insert')).length).toBe(1);
    expect(prepared.filter((s) => s.startsWith('select')).length).toBe(1);
  });

  it('keeps at most its cache size, dropping the least recently used', async () => {
    const { db, prepared } = counted();
    kysely = new Kysely<T>({ dialect: new SqliteDialect({ database: kyselySqlite(db, 2) }) });
    const byId = (n: number) => kysely!.selectFrom('item').selectAll().where('id', '>', n).execute();
    await byId(1);
    await kysely.selectFrom('item').select('id').execute();
    await byId(2); // the same text as byId(1): reused, and now the most recent
    await kysely.selectFrom('item').select('name').execute(); // a third text: the oldest (select id) goes
    await kysely.selectFrom('item').select('id').execute(); // so it is prepared again
    const selects = prepared.filter((s) => s.startsWith('select'));
    expect(selects.length).toBe(4);
    expect(selects.filter((s) => s === 'select "id" from "item"').length).toBe(2);
  });

  it('iterates on a statement of its own: a query of the same text meanwhile does not reset it', () => {
    const { db } = counted();
    for (let i = 0; i < 10; i++) db.exec(`INSERT INTO item VALUES (${i}, 'n${i}')`);
    const dialect = kyselySqlite(db);
    const sql = 'SELECT id FROM item ORDER BY id';
    const seen: unknown[] = [];
    for (const row of dialect.prepare(sql).iterate([]) as Iterable<{ id: number }>) {
      seen.push(row.id);
      if (row.id === 3) expect(dialect.prepare(sql).all([]).length).toBe(10);
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
