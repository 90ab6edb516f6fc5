import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { packedHashPage } from '../src/store/packed-hash-page.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';

describe.each(DIALECTS)('tree hashes read a page a row (packedHashPage), on %s', (dialect) => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  let store: LedgerStore;
  const f = ledgerFixture();

  beforeAll(async () => {
    database = await scratchDatabase(dialect);
    store = new LedgerStore(database, crypto);
    await f.createLog(store);
    await store.append(f.logId, f.genesis());
    for (let i = 0; i < 20; i++)
      await store.append(f.logId, [f.event('monitor', 'statement', { text: `Update ${i}.` })]);
  });
  afterAll(async () => {
    await database?.close();
  });

  /** The stored hashes as rows, one by one: what every page must hold. */
  const rows = async () =>
    (
      await database.db
        .selectFrom('truce_hash')
        .select(['id', 'hash'])
        .where('log_id', '=', f.logId)
        .orderBy('id')
        .execute()
    ).map((r) => ({ id: Number(r.id), hash: new Uint8Array(r.hash) }));
  const paged = async (size: number) => {
    const out = [];
    for await (const page of store.hashPages(f.logId, size)) out.push(...page);
    return out.map((h) => ({ id: h.id, hash: new Uint8Array(h.hash) }));
  };

  it('gives every hash, in order, whatever the page size; an empty page past the end', async () => {
    const all = await rows();
    expect(all.length).toBeGreaterThan(40);
    const page = await packedHashPage(database.db, dialect, f.logId, 3, 10);
    expect(page?.map((h) => ({ id: h.id, hash: new Uint8Array(h.hash) }))).toEqual(all.slice(3, 13));
    expect(await packedHashPage(database.db, dialect, f.logId, all.length, 10)).toEqual([]);
    for (const size of [1, 7, all.length, 1000]) expect(await paged(size)).toEqual(all);
  });

  it('leaves a page with a hash missing or one not 32 bytes long to be read row by row, which shows it as it is', async () => {
    const all = await rows();
    const byId = (id: number) =>
      database.db.updateTable('truce_hash').where('log_id', '=', f.logId).where('id', '=', id);
    try {
      await database.db.deleteFrom('truce_hash').where('log_id', '=', f.logId).where('id', '=', 12).execute();
      await byId(30)
        .set({ hash: new Uint8Array(31).fill(7) })
        .execute();
      expect(await packedHashPage(database.db, dialect, f.logId, 10, 5)).toBeUndefined();
      expect(await packedHashPage(database.db, dialect, f.logId, 28, 5)).toBeUndefined();
      expect(await packedHashPage(database.db, dialect, f.logId, 13, 5)).toHaveLength(5);
      const now = await rows();
      expect(now).toHaveLength(all.length - 1);
      expect(now.find((h) => h.id === 30)!.hash).toEqual(new Uint8Array(31).fill(7));
      for (const size of [4, 9, 1000]) expect(await paged(size)).toEqual(now);
    } finally {
      await database.db
        .insertInto('truce_hash')
        .values({ log_id: f.logId, id: 12, hash: all[12]!.hash })
        .execute();
      await byId(30).set({ hash: all[30]!.hash }).execute();
    }
    expect(await paged(1000)).toEqual(all);
  });
});
