import { formatSignerKey } from '../../src/core/ledger/signed-note.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { LedgerStore } from '../../src/store/ledger-store.ts';
import { crypto, ledgerFixture } from './ledger-fixture.ts';

/** Creates the fixture's log in the database at `location`, with its actors registered. */
export async function createFixtureLog(location: string) {
  const f = ledgerFixture();
  const database = await openDatabase(location);
  const store = new LedgerStore(database, crypto);
  await store.createLog({
    id: f.logId,
    origin: `truce.example/${f.logId}`,
    logKey: f.operatorKey,
    createdAt: new Date().toISOString(),
  });
  await store.append(f.logId, f.genesis());
  await database.close();
  return { f, partyKey: formatSignerKey(f.keys['party-a']!), monitorKey: formatSignerKey(f.keys.monitor!) };
}

/** The fixture's log created in `database` and its genesis appended: the fixture and the store that wrote it. */
export async function fixtureLogIn(database: Database) {
  const f = ledgerFixture();
  const store = new LedgerStore(database, crypto);
  await f.createLog(store);
  await store.append(f.logId, f.genesis());
  return { f, store };
}
