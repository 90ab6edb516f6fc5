import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toHex } from '../src/core/crypto/crypto.ts';
import { ActorRegistry } from '../src/core/ledger/actor-registry.ts';
import { parseForAppend } from '../src/core/ledger/append-event.ts';
import { planAppend } from '../src/core/ledger/append-plan.ts';
import type { SignedEvent } from '../src/core/ledger/event.ts';
import { rootHash } from '../src/core/ledger/merkle.ts';
import { storedHashCount } from '../src/core/ledger/tlog.ts';
import { edgeIndexes, treeEdge } from '../src/core/ledger/tree-edge.ts';
import { verifyLog } from '../src/core/ledger/verify-log.ts';
import { storeMaterial } from '../src/export/store-material.ts';
import { openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { asBytes, readHashes } from '../src/store/log-append.ts';
import { DIALECTS, scratchLocation } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';
import { createFixtureLog } from './helpers/ledger-setup.ts';
import { runWorker } from './helpers/run-worker.ts';

const worker = fileURLToPath(new URL('./workers/append-worker.ts', import.meta.url));

/**
 * Two stores on one database, each with its own connections, used one after the other (SQLite's
 * synchronous connections in one process cannot wait for each other: concurrency is the processes' test).
 */
async function twoStores(dialect: (typeof DIALECTS)[number]) {
  const scratch = await scratchLocation(dialect);
  const a = await openDatabase(scratch.location);
  const b = await openDatabase(scratch.location);
  const f = ledgerFixture();
  const storeA = new LedgerStore(a, crypto);
  const storeB = new LedgerStore(b, crypto);
  await f.createLog(storeA);
  await storeA.append(f.logId, f.genesis());
  return {
    f,
    a: storeA,
    b: storeB,
    close: async () => {
      await a.close();
      await b.close();
      await scratch.remove();
    },
  };
}

/** The log's indexes each once from 0, and verify's verdict on it. */
async function checked(store: LedgerStore, logId: string) {
  const material = await storeMaterial(store, logId);
  const indexes: number[] = [];
  for await (const e of material.entries) indexes.push(e.index);
  const report = await verifyLog(crypto, material);
  return { indexes, problems: report.problems, size: (await store.requireLog(logId)).size };
}

describe.each(DIALECTS)('appends by independent writers on %s', (dialect) => {
  it('two writer processes appending at once, one event and three at a time, make one gapless log that verifies', async () => {
    const scratch = await scratchLocation(dialect);
    try {
      const { f, partyKey, monitorKey } = await createFixtureLog(scratch.location);
      const [ackedA, ackedB] = await Promise.all([
        runWorker(worker, [scratch.location, f.logId, '40', '1', 'a'], 'writer a', {
          TRUCE_TEST_KEY: partyKey,
        }),
        runWorker(worker, [scratch.location, f.logId, '42', '3', 'b'], 'writer b', {
          TRUCE_TEST_KEY: monitorKey,
        }),
      ]);
      const database = await openDatabase(scratch.location);
      const store = new LedgerStore(database, crypto);
      const log = await checked(store, f.logId);
      expect(log.size).toBe(87);
      expect(log.indexes).toEqual(Array.from({ length: 87 }, (_, i) => i));
      expect(log.problems).toEqual([]);
      const all = [...ackedA, ...ackedB];
      expect(new Set(all).size).toBe(82);
      const stored = new Set((await store.entries(f.logId, 0, 87)).map((e) => e.leafHash));
      expect(all.every((h) => stored.has(h))).toBe(true);
      await database.close();
    } finally {
      await scratch.remove();
    }
  }, 300_000);

  it('a store whose kept head another store moved on follows it: a registration, a revocation, the tree', async () => {
    const { f, a, b, close } = await twoStores(dialect);
    try {
      await a.append(f.logId, [f.event('party-a', 'statement', { text: 'a keeps the head at 6' })]);
      await b.append(f.logId, [f.register('mediator')]);
      // Store a's head predates the mediator: its append finds the log moved on and follows.
      const [byMediator] = await a.append(f.logId, [
        f.event('mediator', 'statement', { text: 'now registered' }),
      ]);
      expect(byMediator).toMatchObject({ index: 7, duplicate: false });
      await b.append(f.logId, [f.event('operator', 'actor.revoked', { actor: 'party-a' })]);
      const revoked = f.event('party-a', 'statement', { text: 'after my revocation' });
      const error = await a.append(f.logId, [revoked]).catch((e) => e);
      expect(error).toMatchObject({ code: 'event-unknown-actor', position: 0 });
      expect(error.message).toMatch(
        /^Actor "party-a" was revoked from .*, and this event occurred at .*, after that/,
      );
      const log = await checked(a, f.logId);
      expect([log.size, log.problems]).toEqual([9, []]);
      expect(await a.actor(f.logId, 'party-a')).toMatchObject({ revoked: true });
      expect(await a.actor(f.logId, 'mediator')).toMatchObject({ role: 'mediator', revoked: false });
    } finally {
      await close();
    }
  }, 120_000);

  it('one event at a time from two stores whose heads fall behind each other: each gets the next index, with the tree and root the core computes', async () => {
    const { f, a, b, close } = await twoStores(dialect);
    try {
      // Runs of 1 to 4 appends by one store, then the other's: heads behind by up to 4 events.
      const runs = [1, 2, 3, 4, 1, 1, 3, 2, 4, 4, 2, 1, 3, 3, 1, 2, 4, 1, 2, 3];
      const appended: number[] = [];
      for (const [k, run] of runs.entries()) {
        const store = k % 2 === 0 ? a : b;
        for (let i = 0; i < run; i++) {
          const [r] = await store.append(f.logId, [
            f.event(k % 2 === 0 ? 'party-a' : 'monitor', 'statement', { text: `run ${k} event ${i}` }),
          ]);
          appended.push(r!.index);
        }
      }
      const total = runs.reduce((x, y) => x + y, 0);
      expect(appended).toEqual(Array.from({ length: total }, (_, i) => 5 + i));
      const log = await checked(b, f.logId);
      expect([log.size, log.problems]).toEqual([5 + total, []]);
      const leaves = (await a.rawEntries(f.logId, 0, log.size)).map((e) => e.leafHash);
      const stored = await a.requireLog(f.logId);
      expect(toHex(stored.root)).toBe(toHex(rootHash(crypto.sha256, log.size, (i) => leaves[i]!)));
      // Every tree hash stored once, and each the one the core computes for its index.
      const hashes: { id: number; hash: Uint8Array }[] = [];
      for await (const page of a.hashPages(f.logId)) hashes.push(...page);
      expect(hashes.map((h) => h.id)).toEqual(Array.from({ length: storedHashCount(log.size) }, (_, i) => i));
      for (let size = 1; size <= log.size; size++)
        expect(toHex(await a.treeHash(f.logId, size))).toBe(
          toHex(rootHash(crypto.sha256, size, (i) => leaves[i]!)),
        );
    } finally {
      await close();
    }
  }, 120_000);

  it('an event the log has gets its index back and an id the log has is refused, each as before', async () => {
    const { f, a, b, close } = await twoStores(dialect);
    try {
      const e = f.event('party-a', 'statement', { text: 'once' }, { id: 'row-1' });
      const [first] = await a.append(f.logId, [e]);
      expect(await a.append(f.logId, [e])).toEqual([{ ...first!, duplicate: true }]);
      expect(await b.append(f.logId, [e], { expectedSize: 2 })).toEqual([{ ...first!, duplicate: true }]);
      const again = f.event('party-a', 'statement', { text: 'another' }, { id: 'row-1' });
      await expect(a.append(f.logId, [again])).rejects.toMatchObject({
        code: 'event-id-taken',
        message: `The id "row-1" is already the id of event no. ${first!.index} of this log, another event: an id names one event of a log. Give this event a new id, or record a correction of event no. ${first!.index}.`,
        position: 0,
      });
      await expect(
        a.append(f.logId, [f.event('party-a', 'statement', { text: 'late' })], { expectedSize: 3 }),
      ).rejects.toMatchObject({
        code: 'append-stale-size',
        message: 'The log has 6 events, not the 3 expected; fetch it again and retry.',
      });
      expect((await a.requireLog(f.logId)).size).toBe(6);
    } finally {
      await close();
    }
  }, 120_000);

  it('a batch refused after it registered an actor leaves the head kept as the log is: the actor is still unknown', async () => {
    const { f, a, close } = await twoStores(dialect);
    try {
      // Store a keeps the head; the statements it appends leave the registry kept as it is.
      await a.append(f.logId, [f.event('party-a', 'statement', { text: 'a keeps the head' })]);
      const unknown = 'ab'.repeat(32);
      const refused = await a
        .append(f.logId, [
          f.register('mediator'),
          f.event('mediator', 'statement', { text: 'refers to nothing' }, { refs: [unknown] }),
        ])
        .catch((e) => e);
      expect(refused).toMatchObject({ code: 'event-unknown-reference', position: 1 });
      // Planned against the head kept, the registration was taken in by a copy only.
      const error = await a
        .append(f.logId, [f.event('mediator', 'statement', { text: 'never registered' })])
        .catch((e) => e);
      expect(error).toMatchObject({ code: 'event-unknown-actor', position: 0 });
      const [next] = await a.append(f.logId, [f.event('party-a', 'statement', { text: 'still 6' })]);
      expect(next).toMatchObject({ index: 6, duplicate: false });
      expect(await a.actor(f.logId, 'mediator')).toBeUndefined();
      const log = await checked(a, f.logId);
      expect([log.size, log.problems]).toEqual([7, []]);
    } finally {
      await close();
    }
  }, 120_000);

  it('writes exactly the rows planAppend plans from the head stored', async () => {
    const { f, a, close } = await twoStores(dialect);
    try {
      const database = a.database;
      const log = await a.requireLog(f.logId);
      const registry = new ActorRegistry();
      for (const e of await a.entries(f.logId, 0, log.size)) registry.apply(e.event as SignedEvent);
      const edge = treeEdge(log.size, await readHashes(database.db, f.logId, edgeIndexes(log.size)));
      const recordedAt = '2023-11-24T09:00:00.000Z';
      const events = [
        f.register('mediator'),
        f.event('mediator', 'statement', { text: 'planned' }, { id: 'p-1' }),
      ];
      const rows = await planAppend(
        crypto,
        {
          log: f.logId,
          operatorKey: log.logKey,
          edge,
          registry,
          existing: new Map(),
          takenIds: new Map(),
          refs: new Map(),
        },
        events.map((e) => parseForAppend(crypto, e)),
        { recordedAt },
      );
      expect(await a.append(f.logId, events, { recordedAt })).toEqual(rows.results);
      const entries = await database.db
        .selectFrom('truce_entry')
        .selectAll()
        .where('log_id', '=', f.logId)
        .where('idx', '>=', log.size)
        .orderBy('idx')
        .execute();
      expect(
        entries.map((r) => ({
          idx: Number(r.idx),
          leaf: toHex(asBytes(r.leaf_hash)),
          kind: r.kind,
          actor: r.actor,
          event: r.event,
          recordedAt: r.recorded_at,
          rowId: r.row_id,
          occurredMs: Number(r.occurred_ms),
        })),
      ).toEqual(rows.entries.map((e) => ({ ...e, leaf: toHex(e.leaf) })));
      const hashes = await readHashes(
        database.db,
        f.logId,
        rows.hashes.map((h) => h.id),
      );
      expect(hashes.map(toHex)).toEqual(rows.hashes.map((h) => toHex(h.hash)));
      const after = await a.requireLog(f.logId);
      expect([after.size, toHex(after.root)]).toEqual([rows.size, toHex(rows.root)]);
      expect(await a.actor(f.logId, 'mediator')).toEqual(rows.actors.find((r) => r.actor === 'mediator'));
    } finally {
      await close();
    }
  }, 120_000);
});
