import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { toHex } from '../src/core/crypto/crypto.ts';
import { RECORDED } from '../src/core/ledger/provenance.ts';
import { edgeIndexes } from '../src/core/ledger/tree-edge.ts';
import { verifyLog } from '../src/core/ledger/verify-log.ts';
import { storeMaterial } from '../src/export/store-material.ts';
import { openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { readHashes } from '../src/store/log-append.ts';
import { logEdgeMigration } from '../src/store/migrations/0013-log-edge.ts';
import { DIALECTS, scratchDatabase, scratchLocation } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';
import { fixtureLogIn } from './helpers/ledger-setup.ts';

/** The edge the log keeps, and the tree's edge from its stored tree hashes, as hex. */
async function edges(store: LedgerStore, logId: string) {
  const { size } = await store.requireLog(logId);
  const tree = await readHashes(store.database.db, logId, edgeIndexes(size));
  return { kept: (await store.keptEdge(logId)).map(toHex), tree: tree.map(toHex) };
}

describe.each(DIALECTS)('the tree edge kept with the log on %s', (dialect) => {
  it('is the tree’s after every append: two stores whose heads fall behind each other, one event and batches, and an import', async () => {
    const scratch = await scratchLocation(dialect);
    const da = await openDatabase(scratch.location);
    const db = await openDatabase(scratch.location);
    try {
      const f = ledgerFixture();
      const a = new LedgerStore(da, crypto);
      const b = new LedgerStore(db, crypto);
      await f.createLog(a);
      expect(await edges(a, f.logId)).toEqual({ kept: [], tree: [] });
      await a.append(f.logId, f.genesis());
      expect((await edges(a, f.logId)).kept).toHaveLength(2);
      // Runs of 1 to 4 events by one store, then the other's (a behind head each time), and batches.
      const runs = [1, 3, 2, 4, 1, 1, 4, 2, 3, 1, 2, 4, 3];
      for (const [k, run] of runs.entries()) {
        const store = k % 2 === 0 ? a : b;
        const actor = k % 2 === 0 ? 'party-a' : 'monitor';
        if (k % 3 === 2)
          await store.append(
            f.logId,
            Array.from({ length: run }, (_, i) => f.event(actor, 'statement', { text: `batch ${k} ${i}` })),
          );
        else
          for (let i = 0; i < run; i++)
            await store.append(f.logId, [f.event(actor, 'statement', { text: `run ${k} event ${i}` })]);
        const now = await edges(a, f.logId);
        expect(now.kept).toEqual(now.tree);
        expect(now.kept.length).toBeGreaterThan(0);
      }
      const report = await verifyLog(crypto, await storeMaterial(a, f.logId));
      expect(report.problems).toEqual([]);
      // An import of the log into another database keeps the edge too.
      const into = await scratchDatabase(dialect);
      try {
        const c = new LedgerStore(into, crypto);
        const log = await a.requireLog(f.logId);
        const events = (await a.rawEntries(f.logId, 0, log.size)).map((e) => e.bytes);
        await c.importLog(
          { id: log.id, origin: log.origin, logKey: log.logKey, createdAt: log.createdAt },
          [events.slice(0, 7), events.slice(7)],
          [],
          RECORDED,
        );
        expect(await edges(c, f.logId)).toEqual(await edges(a, f.logId));
      } finally {
        await into.close();
      }
    } finally {
      await da.close();
      await db.close();
      await scratch.remove();
    }
  }, 120_000);

  it('that is not the tree’s is reported by verify, and the next append writes the right one', async () => {
    const database = await scratchDatabase(dialect);
    try {
      const { f, store } = await fixtureLogIn(database);
      await store.append(f.logId, [f.event('party-a', 'statement', { text: 'one' })]);
      // A stale edge: the one of the log one event shorter.
      const before = await edges(store, f.logId);
      const shorter = await readHashes(database.db, f.logId, edgeIndexes(5));
      await sql`update truce_log set edge = ${Buffer.concat(shorter)} where id = ${f.logId}`.execute(
        database.db,
      );
      const report = await verifyLog(crypto, await storeMaterial(store, f.logId));
      expect(report.problems.map((p) => p.code)).toEqual(['edge-mismatch']);
      // A fresh store (no head kept): the append is checked and written from the stored tree hashes.
      const again = new LedgerStore(database, crypto);
      const [r] = await again.append(f.logId, [f.event('party-a', 'statement', { text: 'two' })]);
      expect(r!.index).toBe(6);
      const after = await edges(store, f.logId);
      expect(after.kept).toEqual(after.tree);
      expect(after.tree).not.toEqual(before.tree);
      expect((await verifyLog(crypto, await storeMaterial(store, f.logId))).problems).toEqual([]);
    } finally {
      await database.close();
    }
  }, 60_000);

  it('is filled in by migration 0013 for the logs there are', async () => {
    const database = await scratchDatabase(dialect);
    try {
      const { f, store } = await fixtureLogIn(database);
      for (let i = 0; i < 6; i++)
        await store.append(f.logId, [f.event('icrc', 'statement', { text: `e${i}` })]);
      // As a database of before 0013 was, then migrated.
      const migration = logEdgeMigration(dialect);
      const db = database.db as unknown as Kysely<unknown>;
      await migration.down!(db);
      await migration.up(db);
      const now = await edges(store, f.logId);
      expect(now.kept).toHaveLength(edgeIndexes(11).length);
      expect(now.kept).toEqual(now.tree);
      // And appends go on from it (on PostgreSQL, the one-statement append reads it).
      const fresh = new LedgerStore(database, crypto);
      await fresh.append(f.logId, [f.event('icrc', 'statement', { text: 'after' })]);
      await fresh.append(f.logId, [f.event('icrc', 'statement', { text: 'after again' })]);
      const later = await edges(store, f.logId);
      expect(later.kept).toEqual(later.tree);
      expect((await verifyLog(crypto, await storeMaterial(store, f.logId))).problems).toEqual([]);
    } finally {
      await database.close();
    }
  }, 60_000);
});
