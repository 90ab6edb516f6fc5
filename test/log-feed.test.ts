import { afterEach, describe, expect, it } from 'vitest';
import { checkpointLog } from '../src/cli/record-events.ts';
import type { ServerContext } from '../src/server/context.ts';
import { LogFeeds } from '../src/server/log-feed.ts';
import { InProcessLogNotifier } from '../src/server/log-notifier.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { fakeStream } from './helpers/fake-stream.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';
import { until } from './helpers/sse.ts';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe.each(DIALECTS)('LogFeeds on %s', (dialect) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function setup(extra = 0) {
    const database = await scratchDatabase(dialect);
    cleanup.push(() => database.close());
    const f = ledgerFixture();
    const store = new LedgerStore(database, crypto);
    await f.createLog(store);
    await store.append(f.logId, f.genesis());
    for (let k = 0; k < extra; k += 500)
      await store.append(
        f.logId,
        range(k, Math.min(extra, k + 500)).map((i) => f.event('monitor', 'statement', { text: `old ${i}` })),
      );
    // No agreement is published for this log: it is not judged, and no status is sent.
    const ctx = {
      database,
      store,
      crypto,
      catalog: { get: async () => undefined },
      now: () => Date.now(),
    } as unknown as ServerContext;
    const notifier = new InProcessLogNotifier();
    const errors: string[] = [];
    const feeds = new LogFeeds(ctx, notifier, (m) => errors.push(m));
    cleanup.push(async () => {
      await feeds.close();
      await notifier.close();
      expect(errors).toEqual([]);
    });
    let n = 0;
    const append = (count: number) =>
      store.append(
        f.logId,
        range(0, count).map(() => f.event('monitor', 'statement', { text: `new ${n++}` })),
      );
    return { f, store, notifier, feeds, append };
  }

  it('sends every event once, in order, whether notifications come once for many appends or many times for one', async () => {
    const { f, store, notifier, feeds, append } = await setup();
    const a = fakeStream();
    await feeds.join(f.logId, a.client);
    // Three batches, one notification.
    await append(4);
    await append(1);
    await append(7);
    notifier.publish(f.logId);
    await until(() => a.indexes().length === 12, '12 events');
    // One append, five notifications.
    await append(1);
    for (let i = 0; i < 5; i++) notifier.publish(f.logId);
    await until(() => a.indexes().length === 13, '13 events');
    notifier.publish(f.logId);
    await new Promise((r) => setTimeout(r, 50));
    expect(a.indexes()).toEqual(range(5, 18));
    const stored = await store.entries(f.logId, 5, 18);
    expect(a.messages.map((m) => [m.id, JSON.parse(m.data).leafHash])).toEqual(
      stored.map((e) => [String(e.index), e.leafHash]),
    );
  });

  it('resumes from an index: the backlog is read from the log, and appends during the catch-up are neither lost nor repeated', async () => {
    const { f, notifier, feeds, append } = await setup(1200);
    const live = fakeStream();
    await feeds.join(f.logId, live.client);
    const resumed = fakeStream();
    await feeds.join(f.logId, resumed.client, 2);
    for (let i = 0; i < 5; i++) {
      await append(3);
      notifier.publish(f.logId);
    }
    await until(() => resumed.indexes().length === 1203 + 15 && live.indexes().length === 15, 'every event');
    expect(resumed.indexes()).toEqual(range(2, 1220));
    expect(live.indexes()).toEqual(range(1205, 1220));
  });

  it('a stream whose connection backs up is fed from the log once it drains, missing nothing', async () => {
    const { f, notifier, feeds, append } = await setup();
    const slow = fakeStream();
    const fast = fakeStream();
    await feeds.join(f.logId, slow.client);
    await feeds.join(f.logId, fast.client);
    slow.block();
    await append(2);
    notifier.publish(f.logId);
    await until(() => fast.indexes().length === 2, 'the first batch');
    for (let i = 0; i < 4; i++) {
      await append(3);
      notifier.publish(f.logId);
    }
    await until(() => fast.indexes().length === 14, 'every batch on the fast stream');
    // While backed up it was sent nothing after the batch it was being sent.
    expect(slow.indexes()).toEqual(range(5, 7));
    slow.unblock();
    await until(() => slow.indexes().length === 14, 'the slow stream to catch up');
    await append(1);
    notifier.publish(f.logId);
    await until(() => slow.indexes().length === 15 && fast.indexes().length === 15, 'the next event');
    expect(slow.indexes()).toEqual(range(5, 20));
    expect(fast.indexes()).toEqual(range(5, 20));
  });

  it('announces a new checkpoint once, after the events it covers', async () => {
    const { f, store, notifier, feeds, append } = await setup();
    const a = fakeStream();
    await feeds.join(f.logId, a.client);
    await append(3);
    await checkpointLog(store, f.logId, f.keys.operator!);
    notifier.publish(f.logId);
    notifier.publish(f.logId);
    await until(() => a.messages.some((m) => m.event === 'checkpoint'), 'the checkpoint');
    await append(1);
    notifier.publish(f.logId);
    await until(() => a.indexes().length === 4, 'the next event');
    expect(a.messages.map((m) => [m.event, m.id ?? m.data])).toEqual([
      ['event', '5'],
      ['event', '6'],
      ['event', '7'],
      ['checkpoint', '{"size":8}'],
      ['event', '8'],
    ]);
  });

  it('a resume point beyond the log starts at its end', async () => {
    const { f, notifier, feeds, append } = await setup();
    const a = fakeStream();
    await feeds.join(f.logId, a.client, 10_000);
    await append(2);
    notifier.publish(f.logId);
    await until(() => a.indexes().length === 2, 'two events');
    expect(a.indexes()).toEqual([5, 6]);
  });

  it('a stream that leaves is sent nothing more; closing ends every stream', async () => {
    const { f, notifier, feeds, append } = await setup();
    const a = fakeStream();
    const b = fakeStream();
    const leave = await feeds.join(f.logId, a.client);
    await feeds.join(f.logId, b.client);
    leave();
    await append(1);
    notifier.publish(f.logId);
    await until(() => b.indexes().length === 1, 'the event');
    expect(a.messages).toEqual([]);
    expect(feeds.size).toBe(1);
    await feeds.close();
    expect(b.client.open).toBe(false);
    expect(feeds.size).toBe(0);
    const late = fakeStream();
    await feeds.join(f.logId, late.client);
    expect(late.client.open).toBe(false);
  });
});
