import { afterEach, describe, expect, it } from 'vitest';
import { verifyLog } from '../src/core/ledger/verify-log.ts';
import { storeMaterial } from '../src/export/store-material.ts';
import { openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { DIALECTS, scratchLocation } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { type ServeProcess, startServe } from './helpers/serve-process.ts';
import { until } from './helpers/sse.ts';
import { seedFixtureLog } from './server-fixture.ts';

/** A live client's events: recorded now, by the clock of the servers this test starts (which refuse a recordedAt far from theirs). */
const live = () => ({ recordedAt: new Date().toISOString() });

const ACTORS = ['monitor', 'party-a', 'party-b', 'icrc'];

describe.each(DIALECTS)('truce serve stopped by SIGTERM under load, on %s', (dialect) => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it('stores every acknowledged append and nothing else, refuses what comes after, and exits 0', async () => {
    const scratch = await scratchLocation(dialect);
    cleanup.push(() => scratch.remove());
    const setup = await openDatabase(scratch.location);
    const { f, tokens } = await seedFixtureLog(setup);
    await setup.close();

    const server: ServeProcess = await startServe(scratch.location);
    cleanup.push(async () => {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    });
    const url = `${server.base}/api/logs/${f.logId}/events`;
    const acknowledged: { index: number; leafHash: string }[] = [];
    const refused: number[] = [];
    const failures: string[] = [];
    let sent = 0;
    // Six clients, each appending one event after another until the server stops answering.
    const client = async (k: number) => {
      for (let i = 0; ; i++) {
        const actor = ACTORS[(k + i) % ACTORS.length]!;
        const body = new TextDecoder().decode(
          f.event(actor, 'statement', { text: `client ${k} event ${i}` }, live()),
        );
        sent++;
        let r: Response;
        try {
          r = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[actor]}` },
            body,
          });
        } catch {
          return; // the connection was refused or closed: nothing was acknowledged
        }
        const text = await r.text().catch(() => null);
        if (r.status === 201 && text !== null) acknowledged.push(JSON.parse(text));
        else if (r.status === 503) {
          refused.push(r.status);
          return;
        } else failures.push(`${r.status} ${text}`);
      }
    };
    const load = Promise.all([0, 1, 2, 3, 4, 5].map(client));
    await until(() => acknowledged.length >= 40, '40 acknowledged appends', 60_000);
    server.child.kill('SIGTERM');
    await load;
    expect(await server.exited).toBe(0);
    expect(await server.next()).toEqual({ signal: 'SIGTERM' });
    expect(await server.next()).toEqual({ stopped: server.base });
    expect(server.stderr()).toBe('');
    expect(failures).toEqual([]);
    // Once stopped, nothing answers.
    await expect(fetch(url, { method: 'POST', body: '{}' })).rejects.toThrow();

    const database = await openDatabase(scratch.location);
    cleanup.push(() => database.close());
    const store = new LedgerStore(database, crypto);
    const log = await store.requireLog(f.logId);
    // Every acknowledged event is stored at the index it was given; nothing unacknowledged is.
    expect(new Set(acknowledged.map((a) => a.index)).size).toBe(acknowledged.length);
    expect(log.size).toBe(5 + acknowledged.length);
    const entries = await store.entries(f.logId, 0, log.size);
    const byIndex = new Map(entries.map((e) => [e.index, e.leafHash]));
    for (const a of acknowledged) expect(byIndex.get(a.index)).toBe(a.leafHash);
    const report = await verifyLog(crypto, await storeMaterial(store, f.logId));
    expect(report.problems).toEqual([]);
    expect(sent).toBeGreaterThan(acknowledged.length);
  }, 120_000);
});
