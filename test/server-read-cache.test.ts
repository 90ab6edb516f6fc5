import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkpointLog } from '../src/cli/record-events.ts';
import { decodeEntryBundle, entriesPath, tilePath } from '../src/core/ledger/tiles.ts';
import { leafHash } from '../src/core/ledger/tlog.ts';
import { buildApp } from '../src/server/app.ts';
import { importDemoLog } from '../src/server/demo-log.ts';
import { LogReads, SQLITE_RECHECK_MS } from '../src/server/log-reads.ts';
import { Evaluation } from '../src/server/status-schemas.ts';
import { type Database, openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { PgLogNotifier } from '../src/store/pg-log-notifier.ts';
import { DIALECTS, type DialectName, scratchDatabase } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';
import { appendNovNote } from './helpers/nov-2023-store.ts';
import { json, serverFixture } from './server-fixture.ts';

/**
 * The same database as another process would open it: another location string for the same file
 * or database, so that no store of this process on `database` hears of its writes (LedgerStore.watch
 * is by location); only the notifier (PostgreSQL) or the file's commit mark (SQLite) tell.
 */
function elsewhere(dialect: DialectName, location: string): Promise<Database> {
  return openDatabase(
    dialect === 'sqlite' ? location.replace(/\/([^/]+)$/, '/./$1') : `${location}?application_name=elsewhere`,
  );
}

/** Waits until `ready` holds, asking again every 10 ms; fails after 10 s. */
async function eventually(ready: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await ready()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('not within 10 s');
}

describe.each(DIALECTS)('public reads served from memory on %s', (dialect) => {
  let s: Awaited<ReturnType<typeof serverFixture>>;
  beforeAll(async () => {
    s = await serverFixture(dialect, { extra: 295 });
  });
  afterAll(() => s.close());
  const get = (path: string) => s.app.inject({ url: `/api/logs/test-log/${path}` });
  const sizeOf = (note: string) => Number(note.split('\n')[1]);
  const grow = async (store: LedgerStore, n: number) => {
    const batch = Array.from({ length: n }, (_, i) =>
      s.f.event('monitor', 'statement', { text: `more ${i}` }),
    );
    await store.append(s.f.logId, batch);
  };

  it('a checkpoint stored by any store of this process is served at once, and so is a new cosignature', async () => {
    const before = await get('checkpoint');
    expect(before.statusCode).toBe(200);
    expect((await get('checkpoint')).body).toBe(before.body);
    const size = sizeOf(before.body);
    await grow(s.store, 3);
    // The log grew; its latest checkpoint did not.
    expect((await get('checkpoint')).body).toBe(before.body);
    await checkpointLog(s.store, s.f.logId, s.f.keys.operator!);
    const after = await get('checkpoint');
    expect(sizeOf(after.body)).toBe(size + 3);
    await s.store.addCosignature(
      s.f.logId,
      size + 3,
      'monitor',
      '— witness line\n',
      new Date().toISOString(),
    );
    expect((await get('checkpoint')).body).toBe(`${after.body}— witness line\n`);
  });

  it('a checkpoint stored by another process is served once the notifier or the commit mark tells', async () => {
    const before = (await get('checkpoint')).body;
    const other = await elsewhere(dialect, s.database.location);
    try {
      const store = new LedgerStore(other, crypto);
      await grow(store, 2);
      await checkpointLog(store, s.f.logId, s.f.keys.operator!);
      const expected = sizeOf(before) + 2;
      if (dialect === 'sqlite') {
        // The file's commit mark is read again once SQLITE_RECHECK_MS have passed: the next read is fresh.
        await new Promise((r) => setTimeout(r, 2 * SQLITE_RECHECK_MS));
        expect(sizeOf((await get('checkpoint')).body)).toBe(expected);
      } else {
        // PostgreSQL delivers the notification to the server's listening connection in its own time.
        await eventually(async () => sizeOf((await get('checkpoint')).body) === expected);
      }
      expect((await get('checkpoint')).body).not.toBe(before);
    } finally {
      await other.close();
    }
  });

  it('a partial tile or bundle not reached yet is never kept: once the log grows it is served, and right', async () => {
    const size = (await s.store.requireLog(s.f.logId)).size;
    const index = Math.floor(size / 256);
    const width = size % 256;
    expect(width).toBeGreaterThan(0);
    const tile = await get(tilePath(0, index, width));
    expect(tile.statusCode).toBe(200);
    expect((await get(tilePath(0, index, width + 1))).statusCode).toBe(404);
    expect((await get(entriesPath(index, width + 1))).statusCode).toBe(404);
    // Appended over HTTP, as a monitor: the next reads see the wider tile and bundle.
    await s.record('monitor', 'statement', { text: 'one more' });
    const wider = await get(tilePath(0, index, width + 1));
    expect(wider.statusCode).toBe(200);
    const last = (await s.store.entries(s.f.logId, size, size + 1))[0]!;
    expect(new Uint8Array(wider.rawPayload)).toEqual(
      new Uint8Array([...tile.rawPayload, ...leafHash(crypto.sha256, last.bytes)]),
    );
    const bundle = decodeEntryBundle(new Uint8Array((await get(entriesPath(index, width + 1))).rawPayload));
    expect(new TextDecoder().decode(bundle.at(-1)!)).toBe(new TextDecoder().decode(last.bytes));
    // And grown by another process: the tile two wider is there as soon as the change is known.
    const other = await elsewhere(dialect, s.database.location);
    try {
      await grow(new LedgerStore(other, crypto), 1);
      if (dialect === 'sqlite') await new Promise((r) => setTimeout(r, 2 * SQLITE_RECHECK_MS));
      await eventually(async () => (await get(tilePath(0, index, width + 2))).statusCode === 200);
    } finally {
      await other.close();
    }
  });

  it('full tiles and bundles keep answering the same bytes and ETag, and 304 to If-None-Match', async () => {
    const first = await get(tilePath(0, 0));
    const again = await get(tilePath(0, 0));
    expect(again.rawPayload).toEqual(first.rawPayload);
    expect(again.headers.etag).toBe(first.headers.etag);
    const cached = await s.app.inject({
      url: `/api/logs/test-log/${tilePath(0, 0)}`,
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(cached.statusCode).toBe(304);
    expect(decodeEntryBundle(new Uint8Array((await get(entriesPath(0))).rawPayload))).toHaveLength(256);
  });

  it('on PostgreSQL, a change by another process reaches what is kept through the notifier', async () => {
    if (dialect !== 'postgres') return;
    const notifier = await PgLogNotifier.open(s.database.pool!);
    const reads = new LogReads(new LedgerStore(s.database, crypto), notifier);
    const other = await elsewhere(dialect, s.database.location);
    try {
      const size = (await reads.head(s.f.logId)).size;
      const kept = await reads.currentBytes(s.f.logId, 'probe', async () => ({ bytes: new Uint8Array([1]) }));
      expect(kept?.bytes).toEqual(new Uint8Array([1]));
      // Listeners are called in the order they subscribed: once ours is, the reads' own was.
      const told = new Promise<void>((resolve) => {
        const stop = notifier.subscribe(s.f.logId, () => {
          stop();
          resolve();
        });
      });
      await grow(new LedgerStore(other, crypto), 1);
      await told;
      expect((await reads.head(s.f.logId)).size).toBe(size + 1);
      const fresh = await reads.currentBytes(s.f.logId, 'probe', async () => ({
        bytes: new Uint8Array([2]),
      }));
      expect(fresh?.bytes).toEqual(new Uint8Array([2]));
    } finally {
      reads.close();
      await notifier.close();
      await other.close();
    }
  });

  it("an append this process makes to one log keeps another log's bytes; another process's commit drops them (SQLite)", async () => {
    const second = ledgerFixture('second-log');
    await second.createLog(s.store);
    await s.store.append(second.logId, second.genesis());
    const reads = new LogReads(new LedgerStore(s.database, crypto));
    const other = await elsewhere(dialect, s.database.location);
    try {
      let read = 0;
      const probe = () =>
        reads.currentBytes(second.logId, 'probe', async () => ({ bytes: new Uint8Array([++read]) }));
      expect((await probe())?.bytes).toEqual(new Uint8Array([1]));
      // Appended by this process to the other log, and asked again after the commit mark's next reading.
      await grow(s.store, 2);
      await new Promise((r) => setTimeout(r, 2 * SQLITE_RECHECK_MS));
      expect((await probe())?.bytes).toEqual(new Uint8Array([1]));
      await grow(s.store, 1);
      expect((await probe())?.bytes).toEqual(new Uint8Array([1]));
      await new Promise((r) => setTimeout(r, 2 * SQLITE_RECHECK_MS));
      expect((await probe())?.bytes).toEqual(new Uint8Array([1]));
      if (dialect !== 'sqlite') return;
      // Another process's commit (any log: the mark does not say which) drops what is kept, though
      // this process appended meanwhile too.
      await grow(new LedgerStore(other, crypto), 1);
      await grow(s.store, 1);
      await new Promise((r) => setTimeout(r, 2 * SQLITE_RECHECK_MS));
      expect((await probe())?.bytes).toEqual(new Uint8Array([2]));
    } finally {
      reads.close();
      await other.close();
    }
  });

  it("what is kept stays within its byte budgets, each entry's share counted", async () => {
    const reads = new LogReads(new LedgerStore(s.database, crypto), undefined, {
      immutable: 64 * 1024,
      current: 8 * 1024,
    });
    try {
      const size = (await s.store.requireLog(s.f.logId)).size;
      for (let w = 1; w < size % 256; w++) {
        const bytes = new Uint8Array(32 * w);
        await reads.currentBytes(s.f.logId, tilePath(0, 1, w), async () => ({ bytes }));
        expect(reads.current.bytes).toBeLessThanOrEqual(8 * 1024);
      }
      for (let i = 0; i < 1000; i++) {
        await reads.immutableBytes(s.f.logId, `tile/0/${i}`, async () => ({ bytes: new Uint8Array(8192) }));
        expect(reads.immutable.bytes).toBeLessThanOrEqual(64 * 1024);
      }
      // Tiny values count their entry too: a thousand of them do not fit in 8 KiB.
      for (let i = 0; i < 1000; i++)
        await reads.currentBytes(s.f.logId, `k${i}`, async () => ({ bytes: new Uint8Array(1) }));
      expect(reads.current.bytes).toBeLessThanOrEqual(8 * 1024);
      expect(reads.current.size).toBeLessThan(40);
    } finally {
      reads.close();
    }
  });
});

describe.each(DIALECTS)('the status as of now on %s', (dialect) => {
  let database: Database;
  let store: LedgerStore;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    database = await scratchDatabase(dialect);
    store = new LedgerStore(database, crypto);
    await importDemoLog(store, crypto);
    app = await buildApp({ database, crypto });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is kept for its second only until the log changes', async () => {
    // The clock stands still (Date only): every request is of the same second, as of now.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2023-12-02T00:00:00Z'));
    const status = async () =>
      Evaluation.parse(json(await app.inject({ url: '/api/logs/nov-2023-pause/status' })));
    const before = await status();
    expect((await status()).events).toBe(before.events);
    await appendNovNote(store);
    expect((await status()).events).toBe(before.events + 1);
  });
});
