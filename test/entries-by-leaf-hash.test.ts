import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';

describe.each(DIALECTS)('events read by leaf hash (entriesWithLeafHashes) on %s', (dialect) => {
  let database: Database;
  afterEach(async () => {
    await database?.close();
  });

  it('answers the events of this log with the hashes asked, by hash, and nothing for other hashes or logs', async () => {
    database = await scratchDatabase(dialect);
    const store = new LedgerStore(database, crypto);
    const f = ledgerFixture();
    const g = ledgerFixture('other-log');
    await f.createLog(store);
    await g.createLog(store);
    const statement = (text: string) => f.event('monitor', 'statement', { text });
    const appended = await store.append(f.logId, [...f.genesis(), statement('one'), statement('two')]);
    const other = await store.append(g.logId, g.genesis());
    const wanted = [appended[6]!.leafHash, appended[1]!.leafHash, appended[6]!.leafHash];
    const found = await store.entriesWithLeafHashes(f.logId, [
      ...wanted,
      other[0]!.leafHash,
      '0'.repeat(64),
      'not a hash',
    ]);
    expect([...found.keys()].sort()).toEqual([appended[1]!.leafHash, appended[6]!.leafHash].sort());
    const two = found.get(appended[6]!.leafHash)!;
    expect(two).toMatchObject({ index: 6, leafHash: appended[6]!.leafHash });
    expect(two.event.event).toMatchObject({ kind: 'statement', actor: 'monitor', body: { text: 'two' } });
    expect(found.get(appended[1]!.leafHash)!.index).toBe(1);
    expect((await store.entriesWithLeafHashes(f.logId, [])).size).toBe(0);
  });
});
