/**
 * One writer process of the append benchmark (bench/append.ts). It reads commands on stdin, one a
 * line, and answers each on stdout:
 *   prep N   signs N new events (not timed)             → ready
 *   append   appends them, one event per transaction    → done <ms> <CPU ms of this process>
 *   raw      inserts the same bytes raw, one per transaction, with the store's durability → done <ms> <CPU ms>
 *   rows     writes the rows an append of them writes, one event per transaction, with no check and
 *            no planning, into the log FLOOR_LOG (what the database's own work bounds an append
 *            at): on SQLite the entry, its tree hashes and the log's new size with bare prepared
 *            statements (the log's row with its size, root and edge); on PostgreSQL the store's one statement (truce_append_at_end),
 *            committed as the store commits it (without waiting for the disk, then the flush of pg-wal-flush.ts)  → done <ms> <CPU ms>
 * Usage: node bench/append-writer.ts LOCATION LOG TAG FLOOR_LOG, with the actor's signer key in
 * TRUCE_BENCH_KEY. The raw table (bench_raw) and the log FLOOR_LOG are the parent's to create.
 */

import { createInterface } from 'node:readline';
import pg from 'pg';
import { canonicalBytes } from '../src/core/ledger/canonical-json.ts';
import { signEvent } from '../src/core/ledger/event-sign.ts';
import { parseSignerKey } from '../src/core/ledger/signed-note.ts';
import { leafHash, storedHashIndex } from '../src/core/ledger/tlog.ts';
import { edgeIndexes } from '../src/core/ledger/tree-edge.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { isPostgresUrl, openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { LOG_CHANNEL } from '../src/store/log-channel.ts';
import { DEFERRED_COMMIT, FLUSH_WAL } from '../src/store/pg-wal-flush.ts';

/** FLOOR_LOG: the log the `rows` command writes to, apart from the log appended to (which must verify). */
const [location, log, tag, FLOOR_LOG] = process.argv.slice(2) as [string, string, string, string];
const signer = parseSignerKey(nodeCrypto, process.env.TRUCE_BENCH_KEY ?? '');
const database = await openDatabase(location);
const store = new LedgerStore(database, nodeCrypto);

/** The raw baseline: the same bytes, one insert per transaction, durable as the store is. */
async function rawInserter(): Promise<{ insert(bytes: Uint8Array): Promise<void>; close(): Promise<void> }> {
  if (isPostgresUrl(location)) {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    return {
      insert: async (bytes) => {
        await client.query({
          name: 'bench_raw',
          text: 'insert into bench_raw (data) values ($1)',
          values: [Buffer.from(bytes)],
        });
      },
      close: () => client.end(),
    };
  }
  // On the store's own connection (openDatabase), durable as its writes are: each commit on the
  // disk before it resolves (the write-ahead log flushed, wal-sync.ts), the log copied into the
  // file by the store's checkpointing thread.
  return {
    insert: (bytes) =>
      database.sqlite!((statement) => {
        statement('begin immediate').run();
        statement('insert into bench_raw (data) values (?)').run(bytes);
        statement('commit').run();
      }),
    close: async () => {},
  };
}

/**
 * The rows alone: what an append of `bytes` writes, without parsing, checking or planning. The
 * tree hashes written are as many as an append writes (the leaf and each subtree it completes)
 * and as long, but not computed (SQLite); PostgreSQL computes them in the store's statement.
 */
async function rowsWriter(): Promise<{ write(bytes: Uint8Array): Promise<void>; close(): Promise<void> }> {
  const recordedAt = new Date().toISOString();
  if (isPostgresUrl(location)) {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    return {
      // As the store writes an append: committed without waiting for the disk, then the flush.
      write: async (bytes) => {
        await client.query({
          name: 'bench_rows',
          text: `select appended_at from ${DEFERRED_COMMIT}, truce_append_at_end($1, 0, $2, $3, $4, $5, $6, null, $7, $8)`,
          values: [
            FLOOR_LOG,
            Buffer.from(leafHash(nodeCrypto.sha256, bytes)),
            'aid.delivered',
            signer.name,
            new TextDecoder().decode(bytes),
            recordedAt,
            Date.now(),
            LOG_CHANNEL,
          ],
        });
        await client.query({ name: 'bench_flush', text: FLUSH_WAL });
      },
      close: () => client.end(),
    };
  }
  // On the store's own connection, durable as its writes are (as the raw inserts).
  const size = 'select size from truce_log where id = ?';
  const entry =
    'insert into truce_entry (log_id, idx, leaf_hash, kind, actor, event, recorded_at, row_id, occurred_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?)';
  const hash = 'insert into truce_hash (log_id, id, hash) values (?, ?, ?)';
  const head = 'update truce_log set size = ?, root = ?, edge = ? where id = ? and size = ?';
  return {
    write: (bytes) => {
      const leaf = leafHash(nodeCrypto.sha256, bytes);
      return database.sqlite!((statement) => {
        statement('begin immediate').run();
        const n = Number((statement(size).get(FLOOR_LOG) as { size: number }).size);
        statement(entry).run(
          FLOOR_LOG,
          n,
          leaf,
          'aid.delivered',
          signer.name,
          new TextDecoder().decode(bytes),
          recordedAt,
          null,
          Date.now(),
        );
        const first = storedHashIndex(0, n);
        statement(hash).run(FLOOR_LOG, first, leaf);
        for (let m = n, k = 1; m % 2 === 1; m = Math.floor(m / 2), k++)
          statement(hash).run(FLOOR_LOG, first + k, leaf);
        // As long an edge as the append's (one hash per complete subtree of n + 1 records).
        const edge = new Uint8Array(32 * edgeIndexes(n + 1).length);
        statement(head).run(n + 1, leaf, edge, FLOOR_LOG, n);
        statement('commit').run();
      });
    },
    close: async () => {},
  };
}

const raw = await rawInserter();
const rows = await rowsWriter();
let clock = Date.parse('2023-11-24T06:00:00Z');
let serial = 0;
let prepared: Uint8Array[] = [];

function prep(n: number): void {
  prepared = Array.from({ length: n }, () => {
    clock += 1000;
    const at = new Date(clock).toISOString();
    return canonicalBytes(
      signEvent(
        nodeCrypto,
        {
          v: 1,
          log,
          kind: 'aid.delivered',
          occurredAt: at,
          recordedAt: at,
          actor: signer.name,
          body: { date: '2023-11-25', quantity: serial++, unit: 'truck', destination: `north-${tag}` },
        },
        signer,
      ),
    );
  });
}

for await (const line of createInterface({ input: process.stdin })) {
  const [command, arg] = line.trim().split(' ');
  if (command === 'prep') {
    prep(Number(arg));
    process.stdout.write('ready\n');
  } else if (command === 'append' || command === 'raw' || command === 'rows') {
    const t = performance.now();
    const cpu = process.cpuUsage();
    if (command === 'append') for (const e of prepared) await store.append(log, [e]);
    else if (command === 'rows') for (const e of prepared) await rows.write(e);
    else for (const e of prepared) await raw.insert(e);
    const used = process.cpuUsage(cpu);
    process.stdout.write(`done ${performance.now() - t} ${(used.user + used.system) / 1000}\n`);
  } else if (command === 'quit') {
    break;
  }
}
await raw.close();
await rows.close();
await database.close();
process.exit(0);
