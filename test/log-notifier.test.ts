import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessLogNotifier } from '../src/server/log-notifier.ts';
import { openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { decodeLogChange, encodeLogChange } from '../src/store/log-channel.ts';
import { PgLogNotifier } from '../src/store/pg-log-notifier.ts';
import { POSTGRES_ADMIN_URL, scratchDatabase } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';
import { until } from './helpers/sse.ts';

describe('InProcessLogNotifier', () => {
  it("tells a log's listeners of its changes only, until they stop listening", async () => {
    const n = new InProcessLogNotifier();
    const heard: string[] = [];
    const stopA = n.subscribe('a', () => heard.push('a1'));
    n.subscribe('a', () => heard.push('a2'));
    n.subscribe('b', () => heard.push('b'));
    n.publish('a');
    expect(heard).toEqual(['a1', 'a2']);
    stopA();
    n.publish('a');
    n.publish('c');
    expect(heard).toEqual(['a1', 'a2', 'a2']);
    await n.close();
    n.publish('b');
    expect(heard).toEqual(['a1', 'a2', 'a2']);
  });

  it('with pollMs, tells every listener that often while one listens, and stops when none does', async () => {
    const n = new InProcessLogNotifier({ pollMs: 20 });
    let a = 0;
    let b = 0;
    const stopA = n.subscribe('a', () => a++);
    const stopB = n.subscribe('b', () => b++);
    await until(() => a >= 3 && b >= 3, 'three polls');
    stopA();
    stopB();
    const [a0, b0] = [a, b];
    await new Promise((r) => setTimeout(r, 100));
    expect([a, b]).toEqual([a0, b0]);
    await n.close();
  });
});

describe('log channel payloads', () => {
  it('name the log, and a payload too long or unreadable names none (every log is read again)', () => {
    expect(decodeLogChange(encodeLogChange({ log: 'x', size: 3 }))).toEqual({ log: 'x' });
    expect(encodeLogChange({ log: 'x'.repeat(8000) })).toBe('{}');
    expect(decodeLogChange('{}')).toEqual({});
    expect(decodeLogChange('not json')).toEqual({});
    expect(decodeLogChange(undefined)).toEqual({});
  });
});

describe('PgLogNotifier on postgres', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function setup() {
    const database = await scratchDatabase('postgres');
    cleanup.push(() => database.close());
    const f = ledgerFixture();
    const store = new LedgerStore(database, crypto);
    await f.createLog(store);
    await store.append(f.logId, f.genesis());
    const notifier = await PgLogNotifier.open(database.pool!);
    cleanup.push(() => notifier.close());
    // Another process writing the same database: its own pool.
    const other = await openDatabase(database.location);
    cleanup.push(() => other.close());
    return { database, f, notifier, otherStore: new LedgerStore(other, crypto) };
  }

  it("announces another connection's committed appends and checkpoints, per log, and never a rolled-back one", async () => {
    const { f, notifier, otherStore } = await setup();
    let heard = 0;
    let elsewhere = 0;
    notifier.subscribe(f.logId, () => heard++);
    notifier.subscribe('another-log', () => elsewhere++);
    // A batch with an event that breaks the rules is refused whole: its transaction rolls back.
    const refused = [
      f.event('monitor', 'statement', { text: 'fine' }),
      f.event('monitor', 'actor.revoked', { actor: 'party-a' }),
    ];
    await expect(otherStore.append(f.logId, refused)).rejects.toThrow();
    await otherStore.append(f.logId, [f.event('monitor', 'statement', { text: 'kept' })]);
    // Notifications arrive in commit order: had the refused batch been announced, it would be first.
    await until(() => heard >= 1, 'the notification of the append');
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toBe(1);
    await otherStore.addCheckpoint(f.logId, 6, 'note', new Date().toISOString());
    await until(() => heard >= 2, 'the notification of the checkpoint');
    expect(elsewhere).toBe(0);
  });

  it('connects again when its connection is ended, and tells every listener to read its log again', async () => {
    const { f, notifier, otherStore } = await setup();
    let heard = 0;
    notifier.subscribe(f.logId, () => heard++);
    const pid = notifier.backendPid;
    expect(pid).toBeTypeOf('number');
    expect(notifier.connections).toBe(1);
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    await until(() => notifier.connections === 2, 'a new LISTEN connection');
    // Whatever happened while nobody listened: the listeners are told to read their logs.
    await until(() => heard >= 1, 'the catch-up call');
    expect(notifier.backendPid).not.toBe(pid);
    const before = heard;
    await otherStore.append(f.logId, [f.event('monitor', 'statement', { text: 'after' })]);
    await until(() => heard > before, 'a notification on the new connection');
  });

  it('closing ends its connection and calls no listener any more', async () => {
    const { database, f, notifier, otherStore } = await setup();
    let heard = 0;
    notifier.subscribe(f.logId, () => heard++);
    const pid = notifier.backendPid;
    await notifier.close();
    const r = await database.pool!.query('select count(*)::int as n from pg_stat_activity where pid = $1', [
      pid,
    ]);
    expect(r.rows[0].n).toBe(0);
    await otherStore.append(f.logId, [f.event('monitor', 'statement', { text: 'unheard' })]);
    notifier.publish(f.logId);
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toBe(0);
  });
});
