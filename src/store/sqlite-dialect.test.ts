import { DatabaseSync } from 'node:sqlite';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { kyselySqlite } from './sqlite-dialect.ts';

interface T {
  t: { id: number; name: string };
}

function open(cacheSize?: number) {
  const raw = new DatabaseSync(':memory:');
  const prepare = vi.spyOn(raw, 'prepare');
  const db = new Kysely<T>({ dialect: new SqliteDialect({ database: kyselySqlite(raw, cacheSize) }) });
  return { db, prepare };
}

describe('kyselySqlite', () => {
  it('prepares each distinct SQL text once and reuses the statement', async () => {
    const { db, prepare } = open();
    await sql`create table t (id integer primary key, name text)`.execute(db);
    for (let i = 0; i < 5; i++)
      await db
        .insertInto('t')
        .values({ id: i, name: `n${i}` })
        .execute();
    for (let i = 0; i < 5; i++) {
      const row = await db.selectFrom('t').select('name').where('id', '=', i).executeTakeFirstOrThrow();
      expect(row.name).toBe(`n${i}`);
    }
    // The create, one insert and one select: three texts, each prepared once for ten queries.
    expect(prepare.mock.calls.map(([text]) => text.split(' ')[0])).toEqual(['create', 'insert', 'select']);
    await db.destroy();
  });

  it('keeps at most the cache size of statements, forgetting the least recently used', async () => {
    const { db, prepare } = open(2);
    await sql`create table t (id integer primary key, name text)`.execute(db);
    const byId = () => db.selectFrom('t').selectAll().where('id', '=', 1).execute();
    const byName = () => db.selectFrom('t').selectAll().where('name', '=', 'x').execute();
    await byId();
    await byName();
    await byId(); // kept: most recently used now
    await sql`select 1 as one`.execute(db); // the third text forgets byName
    await byId();
    await byName();
    const selects = prepare.mock.calls.map(([text]) => text).filter((text) => text.startsWith('select'));
    expect(selects).toHaveLength(4);
    expect(selects.filter((text) => text.includes('"name" ='))).toHaveLength(2);
    expect(selects.filter((text) => text.includes('"id" ='))).toHaveLength(1);
    await db.destroy();
  });

  it('reads and writes the same as before: booleans as 0 and 1, undefined as null, results in order', async () => {
    const { db } = open();
    await sql`create table t (id integer primary key, name text)`.execute(db);
    await sql`insert into t values (${true}, ${undefined})`.execute(db);
    await sql`insert into t values (2, 'b')`.execute(db);
    expect(await db.selectFrom('t').selectAll().orderBy('id').execute()).toEqual([
      { id: 1, name: null },
      { id: 2, name: 'b' },
    ]);
    await db.destroy();
  });
});
