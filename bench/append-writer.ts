/**
 * One writer process of the append benchmark (bench/append.ts). It reads commands on stdin, one a
 * line, and answers each on stdout:
 *   prep N   signs N new events (not timed)             → ready
 *   append   appends them, one event per transaction    → done <ms> <CPU ms of this process>
 *   raw      inserts the same bytes raw, one per transaction, with the store's durability → done <ms> <CPU ms>
 * Usage: node bench/append-writer.ts LOCATION LOG TAG, with the actor's signer key in
 * TRUCE_BENCH_KEY. The raw table (bench_raw) is the parent's to create.
 */

import { createInterface } from 'node:readline';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { canonicalBytes } from '../src/core/ledger/canonical-json.ts';
import { signEvent } from '../src/core/ledger/event-sign.ts';
import { parseSignerKey } from '../src/core/ledger/signed-note.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { isPostgresUrl, openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';

const [location, log, tag] = process.argv.slice(2) as [string, string, string];
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
  const db = new DatabaseSync(location);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA busy_timeout = 10000');
  const statement = db.prepare('insert into bench_raw (data) values (?)');
  return {
    insert: async (bytes) => {
      db.exec('BEGIN IMMEDIATE');
      statement.run(bytes);
      db.exec('COMMIT');
    },
    close: async () => db.close(),
  };
}

const raw = await rawInserter();
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
  } else if (command === 'append' || command === 'raw') {
    const t = performance.now();
    const cpu = process.cpuUsage();
    if (command === 'append') for (const e of prepared) await store.append(log, [e]);
    else for (const e of prepared) await raw.insert(e);
    const used = process.cpuUsage(cpu);
    process.stdout.write(`done ${performance.now() - t} ${(used.user + used.system) / 1000}\n`);
  } else if (command === 'quit') {
    break;
  }
}
await raw.close();
await database.close();
process.exit(0);
