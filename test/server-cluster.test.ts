import { afterEach, describe, expect, it } from 'vitest';
import { checkpointLog } from '../src/cli/record-events.ts';
import { verifyLog } from '../src/core/ledger/verify-log.ts';
import { storeMaterial } from '../src/export/store-material.ts';
import { openDatabase } from '../src/store/database.ts';
import { DIALECTS, scratchLocation } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { openStream, type ServeProcess, startServe } from './helpers/serve-process.ts';
import { until } from './helpers/sse.ts';
import { seedFixtureLog } from './server-fixture.ts';

/** A live client's events: recorded now, by the clock of the servers this test starts (which refuse a recordedAt far from theirs). */
const live = () => ({ recordedAt: new Date().toISOString() });

const ACTORS = ['monitor', 'party-a', 'party-b', 'icrc'];
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe.each(DIALECTS)('two truce serve processes on one %s database', (dialect) => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it('keep one consistent log under concurrent appends, and every stream of either sees every event once, in order', async () => {
    const scratch = await scratchLocation(dialect);
    cleanup.push(() => scratch.remove());
    const database = await openDatabase(scratch.location);
    cleanup.push(() => database.close());
    const { f, store, tokens } = await seedFixtureLog(database);

    const servers: ServeProcess[] = [];
    for (let i = 0; i < 2; i++) {
      const server = await startServe(scratch.location);
      cleanup.push(async () => {
        if (server.child.exitCode === null) server.child.kill('SIGKILL');
      });
      servers.push(server);
    }
    const streamUrl = (s: ServeProcess) => `${s.base}/api/logs/${f.logId}/stream`;
    // Three streams on each server, each subscribed (its ': connected' received) before the appends.
    const streams = [];
    for (const s of servers) for (let i = 0; i < 3; i++) streams.push(await openStream(streamUrl(s)));
    // One more that will leave server 0 midway and resume on server 1 with Last-Event-ID.
    const roamer = await openStream(streamUrl(servers[0]!));
    for (const s of [...streams, roamer]) await until(() => s.comments.includes('connected'), 'connected');

    // Four appenders, two per server, each posting its events one after the other.
    const PER_APPENDER = 25;
    const acknowledged: { index: number; leafHash: string }[] = [];
    const appender = async (server: ServeProcess, k: number) => {
      for (let i = 0; i < PER_APPENDER; i++) {
        const actor = ACTORS[(k + i) % ACTORS.length]!;
        const body = new TextDecoder().decode(
          f.event(actor, 'statement', { text: `appender ${k} event ${i}` }, live()),
        );
        const r = await fetch(`${server.base}/api/logs/${f.logId}/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[actor]}` },
          body,
        });
        expect(r.status, await r.clone().text()).toBe(201);
        acknowledged.push((await r.json()) as { index: number; leafHash: string });
      }
    };
    const roaming = (async () => {
      await until(() => roamer.indexes().length >= 20, 'the roamer to receive 20 events', 60_000);
      await roamer.stop();
      const last = roamer.indexes().at(-1)!;
      return { first: roamer.indexes(), second: await openStream(streamUrl(servers[1]!), last) };
    })();
    await Promise.all([0, 1, 2, 3].map((k) => appender(servers[k % 2]!, k)));
    // And one append by neither server: the store, as `truce record` writes it.
    const [direct] = await store.append(f.logId, [f.event('monitor', 'statement', { text: 'by the CLI' })]);
    acknowledged.push({ index: direct!.index, leafHash: direct!.leafHash });
    await checkpointLog(store, f.logId, f.keys.operator!);

    const total = 5 + 4 * PER_APPENDER + 1;
    const { first, second } = await roaming;
    const everyone = [...streams, second];
    await until(
      () => everyone.every((s) => s.messages.some((m) => m.event === 'checkpoint')),
      'every stream to receive every event and the checkpoint',
      60_000,
    );

    // One log: indexes 0..n-1, each acknowledged event at the index it was given, verified whole.
    const log = await store.requireLog(f.logId);
    expect(log.size).toBe(total);
    expect(new Set(acknowledged.map((a) => a.index)).size).toBe(acknowledged.length);
    const entries = await store.entries(f.logId, 0, total);
    expect(entries.map((e) => e.index)).toEqual(range(0, total));
    const byIndex = new Map(entries.map((e) => [e.index, e.leafHash]));
    for (const a of acknowledged) expect(byIndex.get(a.index)).toBe(a.leafHash);
    const report = await verifyLog(crypto, await storeMaterial(store, f.logId));
    expect(report.problems).toEqual([]);
    expect(report.size).toBe(total);

    // Every stream: every event after it connected, once, in index order, then the checkpoint.
    const expected = entries.slice(5).map((e) => [String(e.index), e.leafHash]);
    for (const s of streams) {
      const events = s.messages.filter((m) => m.event === 'event');
      expect(events.map((m) => [m.id, JSON.parse(m.data).leafHash])).toEqual(expected);
      const checkpoints = s.messages.filter((m) => m.event === 'checkpoint');
      expect(checkpoints).toEqual([{ event: 'checkpoint', data: JSON.stringify({ size: total }) }]);
      expect(s.messages.at(-1)!.event).toBe('checkpoint');
    }
    // The roamer: what it had on server 0, then the rest on server 1, nothing twice, nothing lost.
    expect([...first, ...second.indexes()]).toEqual(range(5, total));
    expect(first.length).toBeGreaterThanOrEqual(20);

    for (const s of everyone) await s.stop();
    for (const server of servers) {
      server.child.kill('SIGTERM');
      expect(await server.next()).toEqual({ signal: 'SIGTERM' });
      expect(await server.next()).toEqual({ stopped: server.base });
      expect(await server.exited).toBe(0);
      expect(server.stderr()).toBe('');
    }
  }, 120_000);
});
