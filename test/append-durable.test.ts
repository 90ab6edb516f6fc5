/**
 * An append is answered, and a checkpoint signed, only over what is on the disk. On PostgreSQL an
 * append commits without waiting for the disk (synchronous_commit off for its transaction alone,
 * pg-wal-flush.ts), so that the log's row lock is let go at the commit, and waits for
 * Database.durable, a flush of the write-ahead log past it, before it resolves. The tests hold
 * that wait behind a gate they open by hand: what happens meanwhile is what another reader sees
 * of an append not yet on the disk. The flush itself is PostgreSQL's: after it, the server's
 * flushed position (pg_current_wal_flush_lsn) is at least where its log ended when the commit
 * was made.
 */
import { describe, expect, it } from 'vitest';
import { checkpointLog } from '../src/cli/record-events.ts';
import { decodeEntryBundle, entriesPath } from '../src/core/ledger/tiles.ts';
import { buildApp } from '../src/server/app.ts';
import type { ServerContext } from '../src/server/context.ts';
import { Keyring } from '../src/server/keyring.ts';
import { checkpointNow } from '../src/server/routes/checkpoints.ts';
import { FULL_TILE_CACHE } from '../src/server/routes/tiles.ts';
import { type Database, openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { DIALECTS, type DialectName, scratchLocation } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { fixtureLogIn } from './helpers/ledger-setup.ts';

/** `database` whose `durable` waits, from its first call on, until the test opens the gate. */
function gatedDurable(database: Database) {
  let open!: () => void;
  const opened = new Promise<void>((r) => {
    open = r;
  });
  let requested!: () => void;
  const asked = new Promise<void>((r) => {
    requested = r;
  });
  const gated: Database = {
    ...database,
    durable: async () => {
      requested();
      await opened;
      await database.durable();
    },
  };
  return { database: gated, asked, open };
}

/** Rejects if `p` settles first: what was meant to wait did not. */
const askedFirst = (asked: Promise<void>, p: Promise<unknown>, what: string) =>
  Promise.race([
    asked,
    p.then(() => {
      throw new Error(`${what} resolved without waiting for Database.durable`);
    }),
  ]);

/** Where PostgreSQL's write-ahead log ends now (every commit made so far is before it). */
async function walEnd(database: Database): Promise<string> {
  const r = await database.pool!.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn');
  return r.rows[0]!.lsn;
}

/** Whether PostgreSQL's write-ahead log is flushed up to `lsn`. */
async function flushedTo(database: Database, lsn: string): Promise<boolean> {
  const r = await database.pool!.query<{ ok: boolean }>(
    'select pg_wal_lsn_diff(pg_current_wal_flush_lsn(), $1::pg_lsn) >= 0 as ok',
    [lsn],
  );
  return r.rows[0]!.ok;
}

/** Two connections' stores on one scratch database with the fixture's log, and a third database to gate. */
async function setUp(dialect: DialectName) {
  const scratch = await scratchLocation(dialect);
  // One after the other: the first migrates the scratch database.
  const databases: Database[] = [];
  for (let k = 0; k < 3; k++) databases.push(await openDatabase(scratch.location));
  const [a, b, c] = databases as [Database, Database, Database];
  const { f } = await fixtureLogIn(b);
  return {
    f,
    a,
    b,
    c,
    storeB: new LedgerStore(b, crypto),
    close: async () => {
      for (const d of databases) await d.close();
      await scratch.remove();
    },
  };
}

describe('an append on postgres', () => {
  it('lets go of the log at its commit and resolves only once the write-ahead log is flushed past it', async () => {
    const { f, a, b, storeB, close } = await setUp('postgres');
    try {
      const gate = gatedDurable(a);
      const storeA = new LedgerStore(gate.database, crypto);
      let done = false;
      const appended = storeA
        .append(f.logId, [f.event('party-a', 'statement', { text: 'held at its flush' })])
        .then((r) => {
          done = true;
          return r;
        });
      await askedFirst(gate.asked, appended, 'the append');
      // Committed: every commit so far ends before this position of the write-ahead log.
      const committed = await walEnd(b);
      // Another reader sees it before it is answered: what a crash now could lose.
      expect((await storeB.requireLog(f.logId)).size).toBe(6);
      expect(done).toBe(false);
      // The log is not held meanwhile: another writer appends after it, and is answered first.
      const [next] = await storeB.append(f.logId, [f.event('monitor', 'statement', { text: 'after it' })]);
      expect(next).toMatchObject({ index: 6, duplicate: false });
      expect(done).toBe(false);
      gate.open();
      const [held] = await appended;
      expect(held).toMatchObject({ index: 5, duplicate: false });
      expect(await flushedTo(b, committed)).toBe(true);
    } finally {
      await close();
    }
  }, 60_000);

  it('has Database.durable flush past a commit made without waiting for the disk, any connection’s', async () => {
    const { f, a, b, close } = await setUp('postgres');
    try {
      const client = await b.pool!.connect();
      try {
        await client.query('begin');
        await client.query("set local synchronous_commit = 'off'");
        await client.query('update truce_log set created_at = created_at where id = $1', [f.logId]);
        await client.query('commit');
      } finally {
        client.release();
      }
      const committed = await walEnd(b);
      await a.durable();
      expect(await flushedTo(b, committed)).toBe(true);
    } finally {
      await close();
    }
  }, 60_000);
});

/** The two ways a checkpoint is signed: by the server (POST checkpoints, the timer) and by the CLI. */
const signers = {
  'the server (checkpointNow)': (
    store: LedgerStore,
    logId: string,
    f: Awaited<ReturnType<typeof setUp>>['f'],
  ) =>
    // The parts of the server's context a checkpoint of its own log uses (no witness key held).
    checkpointNow(
      { store, crypto, keyring: new Keyring(crypto, [f.keys.operator!]) } as unknown as ServerContext,
      logId,
    ),
  'the CLI (checkpointLog)': (store: LedgerStore, logId: string, f: Awaited<ReturnType<typeof setUp>>['f']) =>
    checkpointLog(store, logId, f.keys.operator!),
};

describe.each(DIALECTS)('a checkpoint on %s', (dialect) => {
  it.each(Object.keys(signers) as (keyof typeof signers)[])(
    'signed by %s covers only what is on the disk: it waits for Database.durable after reading the log',
    async (signer) => {
      const { f, a, b, c, storeB, close } = await setUp(dialect);
      try {
        // PostgreSQL: an append committed and not yet flushed (its own wait held), which the
        // checkpoint's read sees. SQLite: this process's appends are on the disk when they resolve.
        const heldAppend = dialect === 'postgres' ? gatedDurable(a) : undefined;
        const appended = new LedgerStore(heldAppend?.database ?? a, crypto).append(f.logId, [
          f.event('party-a', 'statement', { text: 'not yet answered' }),
        ]);
        if (heldAppend) await askedFirst(heldAppend.asked, appended, 'the append');
        else await appended;
        const gate = gatedDurable(c);
        let done = false;
        const signed = signers[signer](new LedgerStore(gate.database, crypto), f.logId, f).then((cp) => {
          done = true;
          return cp;
        });
        await askedFirst(gate.asked, signed, 'the checkpoint');
        const read = dialect === 'postgres' ? await walEnd(b) : undefined;
        // Read, not yet signed nor stored: nothing to hand out.
        expect(await storeB.checkpoints(f.logId)).toEqual([]);
        expect(done).toBe(false);
        gate.open();
        const cp = await signed;
        expect(cp.size).toBe(6);
        expect((await storeB.checkpoints(f.logId)).map((k) => k.size)).toEqual([6]);
        if (read) expect(await flushedTo(b, read)).toBe(true);
        heldAppend?.open();
        expect(await appended).toMatchObject([{ index: 5, duplicate: false }]);
      } finally {
        await close();
      }
    },
    60_000,
  );
});

describe.each(DIALECTS)('a full tile on %s', (dialect) => {
  it('is handed out (for good) only once the entries it was read from are on the disk', async () => {
    const { f, a, b, c, storeB, close } = await setUp(dialect);
    const served = gatedDurable(c);
    const app = await buildApp({ database: served.database, crypto });
    try {
      await storeB.append(
        f.logId,
        Array.from({ length: 250 }, (_, i) => f.event('monitor', 'statement', { text: `note ${i}` })),
      );
      // The tile's last entry: on PostgreSQL committed and not yet flushed (its own wait held).
      const heldAppend = dialect === 'postgres' ? gatedDurable(a) : undefined;
      const appended = new LedgerStore(heldAppend?.database ?? a, crypto).append(f.logId, [
        f.event('party-a', 'statement', { text: 'the 256th' }),
      ]);
      if (heldAppend) await askedFirst(heldAppend.asked, appended, 'the append');
      else await appended;
      let done = false;
      const response = app.inject({ url: `/api/logs/${f.logId}/${entriesPath(0)}` }).then((r) => {
        done = true;
        return r;
      });
      await askedFirst(served.asked, response, 'the full tile');
      const read = dialect === 'postgres' ? await walEnd(b) : undefined;
      expect(done).toBe(false);
      served.open();
      const r = await response;
      expect(r.statusCode).toBe(200);
      expect(r.headers['cache-control']).toBe(FULL_TILE_CACHE);
      expect(decodeEntryBundle(new Uint8Array(r.rawPayload))).toHaveLength(256);
      if (read) expect(await flushedTo(b, read)).toBe(true);
      heldAppend?.open();
      expect(await appended).toMatchObject([{ index: 255, duplicate: false }]);
    } finally {
      await app.close();
      await close();
    }
  }, 60_000);
});
