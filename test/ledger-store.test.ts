import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromHex } from '../src/core/crypto/crypto.ts';
import { canonicalBytes } from '../src/core/ledger/canonical-json.ts';
import type { EventEnvelope } from '../src/core/ledger/event.ts';
import { signEvent } from '../src/core/ledger/event-sign.ts';
import { LedgerError } from '../src/core/ledger/ledger-error.ts';
import { verifyConsistency, verifyInclusion } from '../src/core/ledger/merkle-verify.ts';
import { formatVerifierKey, generateSigner, type Signer } from '../src/core/ledger/signed-note.ts';
import { leafHash } from '../src/core/ledger/tlog.ts';
import type { Database } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';

describe.each(DIALECTS)('ledger store on %s', (dialect) => {
  let database: Database;
  let store: LedgerStore;
  const f = ledgerFixture();

  beforeEach(async () => {
    database = await scratchDatabase(dialect);
    store = new LedgerStore(database, crypto);
    await store.createLog({
      id: f.logId,
      origin: 'truce.example/test-log',
      logKey: f.operatorKey,
      createdAt: '2023-11-24T00:00:00Z',
    });
  });
  afterEach(async () => {
    await database.close();
  });

  async function state() {
    const log = await store.requireLog(f.logId);
    const hashes = [];
    for await (const page of store.hashPages(f.logId)) hashes.push(...page);
    const entries = await store.entries(f.logId, 0, 1_000_000);
    return { size: log.size, hashes: hashes.length, entries: entries.length, root: log.root };
  }

  it('appends gaplessly, and every event is provably in the tree', async () => {
    const results = await store.append(f.logId, f.genesis());
    expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    const statement = f.event('party-a', 'statement', { text: 'Batch 1 is ready.' });
    const [r] = await store.append(f.logId, [statement]);
    expect(r).toMatchObject({ index: 5, duplicate: false });
    const log = await store.requireLog(f.logId);
    expect(log.size).toBe(6);
    for (let i = 0; i < 6; i++) {
      const [entry] = await store.entries(f.logId, i, i + 1);
      const proof = await store.inclusionProof(f.logId, i, 6);
      verifyInclusion(crypto.sha256, i, 6, leafHash(crypto.sha256, entry!.bytes), proof, log.root);
    }
    const root3 = await store.treeHash(f.logId, 3);
    verifyConsistency(crypto.sha256, 3, 6, await store.consistencyProof(f.logId, 3, 6), root3, log.root);
  });

  it('is idempotent: the same event twice gets the same index and is stored once', async () => {
    await store.append(f.logId, f.genesis());
    const e = f.event('monitor', 'aid.delivered', {
      date: '2023-11-25',
      quantity: 50,
      unit: 'truck',
      destination: 'north',
    });
    const first = await store.append(f.logId, [e]);
    const again = await store.append(f.logId, [e, e], { expectedSize: 3 });
    expect(again).toEqual([
      { ...first[0], duplicate: true },
      { ...first[0], duplicate: true },
    ]);
    expect((await state()).size).toBe(6);
  });

  it('refuses a stale expected size without storing anything', async () => {
    await store.append(f.logId, f.genesis());
    const before = await state();
    const e = f.event('party-a', 'statement', { text: 'x' });
    await expect(store.append(f.logId, [e], { expectedSize: 4 })).rejects.toMatchObject({
      code: 'append-stale-size',
    });
    expect(await state()).toEqual(before);
    await expect(store.append(f.logId, [e], { expectedSize: 5 })).resolves.toHaveLength(1);
  });

  it.each([
    [
      'a forged signature',
      (g: ReturnType<typeof ledgerFixture>) => {
        const text = new TextDecoder().decode(g.event('party-a', 'statement', { text: 'We released 13.' }));
        return new TextEncoder().encode(text.replace('We released 13.', 'We released 31.'));
      },
      'event-bad-signature',
    ],
    [
      'an unknown actor',
      (g: ReturnType<typeof ledgerFixture>) => g.event('stranger', 'statement', { text: 'hi' }),
      'event-unknown-actor',
    ],
    [
      'an event replayed from another log',
      (g: ReturnType<typeof ledgerFixture>) =>
        g.event('party-a', 'statement', { text: 'hi' }, { log: 'other-log' }),
      'event-wrong-log',
    ],
    ['an oversized body', () => new Uint8Array(70_000).fill(32), 'event-too-large'],
    ['invalid UTF-8', () => new Uint8Array([0x7b, 0xff, 0x7d]), 'event-invalid'],
    [
      'a reference to an event not in the log',
      (g: ReturnType<typeof ledgerFixture>) =>
        g.event('party-b', 'dispute', { of: 'c'.repeat(64), reason: 'No.' }),
      'event-unknown-reference',
    ],
  ] as const)('refuses %s with a clear error, and stores nothing of the batch', async (_, make, code) => {
    await store.append(f.logId, f.genesis());
    const before = await state();
    const good = f.event('party-a', 'statement', { text: 'fine' });
    const err = await store.append(f.logId, [good, make(f)]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LedgerError);
    expect(err).toMatchObject({ code });
    expect((err as Error).message.length).toBeGreaterThan(20);
    expect(await state()).toEqual(before);
  });

  it("never takes a key it keeps for another log's actor, nor an actor's key after it registered another", async () => {
    // Another log in the same store, whose actors have keys of their own under the same names.
    const g = ledgerFixture('other-log');
    await g.createLog(store);
    await store.append(f.logId, f.genesis());
    await store.append(g.logId, g.genesis());
    const delivered = (quantity: number) => ({
      date: '2023-11-25',
      quantity,
      unit: 'truck',
      destination: 'north',
    });
    // The store has verified (and keeps) f's monitor key.
    await store.append(f.logId, [f.event('monitor', 'aid.delivered', delivered(1))]);
    const signedWith = (signer: Signer, log: string, quantity: number) => {
      const at = new Date(Math.max(f.now(), g.now()) + 1000 * quantity).toISOString();
      const envelope = { v: 1, log, kind: 'aid.delivered', occurredAt: at, recordedAt: at, actor: 'monitor' };
      return canonicalBytes(
        signEvent(crypto, { ...envelope, body: delivered(quantity) } as EventEnvelope, signer),
      );
    };
    const before = await store.requireLog(g.logId);
    await expect(store.append(g.logId, [signedWith(f.keys.monitor!, g.logId, 2)])).rejects.toMatchObject({
      code: 'event-bad-signature',
    });
    expect((await store.requireLog(g.logId)).size).toBe(before.size);
    await expect(store.append(g.logId, [signedWith(g.keys.monitor!, g.logId, 2)])).resolves.toMatchObject([
      { index: before.size, duplicate: false },
    ]);
    // f's monitor registers a new key: what its old key signs from then on is refused.
    const renewed = generateSigner(crypto, 'monitor');
    await store.append(f.logId, [
      f.event('operator', 'actor.registered', {
        actor: 'monitor',
        name: 'monitor',
        role: 'monitor',
        key: formatVerifierKey(renewed),
      }),
    ]);
    await expect(store.append(f.logId, [signedWith(f.keys.monitor!, f.logId, 3)])).rejects.toMatchObject({
      code: 'event-bad-signature',
    });
    await expect(store.append(f.logId, [signedWith(renewed, f.logId, 4)])).resolves.toHaveLength(1);
  });

  it('finds an event by its leaf hash, and keeps checkpoints and cosignatures', async () => {
    const [r] = await store.append(f.logId, f.genesis());
    const found = await store.entryByLeafHash(f.logId, r!.leafHash);
    expect(found?.index).toBe(0);
    expect(leafHash(crypto.sha256, found!.bytes)).toEqual(fromHex(r!.leafHash));
    await store.addCheckpoint(f.logId, 5, 'note text\n\n— x AAAA\n', '2023-11-24T05:00:00Z');
    await store.addCosignature(f.logId, 5, 'witness', '— witness BBBB\n', '2023-11-24T05:00:01Z');
    expect((await store.latestCheckpoint(f.logId))?.size).toBe(5);
    expect(await store.cosignatures(f.logId, 5)).toEqual([{ witness: 'witness', line: '— witness BBBB\n' }]);
  });

  it('refuses a second log with the same id', async () => {
    await expect(
      store.createLog({ id: f.logId, origin: 'x', logKey: f.operatorKey, createdAt: '2023-11-24T00:00:00Z' }),
    ).rejects.toMatchObject({ code: 'log-exists' });
  });
});
