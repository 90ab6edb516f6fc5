/**
 * Ledger benchmarks: append rate on SQLite and PostgreSQL against raw inserts of the same bytes,
 * and the time of an inclusion proof read from storage at 1,000,000 events (full verify:
 * bench/verify.ts). Writes bench/RESULTS.md.
 * Run: npm run bench (PostgreSQL at TRUCE_TEST_POSTGRES or 127.0.0.1:5432).
 */
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { verifyInclusion } from '../src/core/ledger/merkle-verify.ts';
import { leafHash, storedHashes, treeHash } from '../src/core/ledger/tlog.ts';
import { storeMaterial } from '../src/export/store-material.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { scratchLocation } from '../test/helpers/databases.ts';
import { ledgerFixture } from '../test/helpers/ledger-fixture.ts';
import { percentile, rate } from './machine.ts';
import { writeSection } from './results.ts';

const APPENDS = Number(process.env.BENCH_APPENDS ?? 2000);
const PROOF_SIZE = Number(process.env.BENCH_PROOF_SIZE ?? 1_000_000);

function events(n: number, f: ReturnType<typeof ledgerFixture>): Uint8Array[] {
  return Array.from({ length: n }, (_, i) =>
    f.event('monitor', 'aid.delivered', {
      date: '2023-11-25',
      quantity: i,
      unit: 'truck',
      destination: 'north',
    }),
  );
}

async function appendBench(dialect: 'sqlite' | 'postgres', lines: string[]) {
  const scratch = await scratchLocation(dialect);
  const database = await openDatabase(scratch.location);
  const store = new LedgerStore(database, nodeCrypto);
  const f = ledgerFixture();
  await store.createLog({
    id: f.logId,
    origin: 'bench',
    logKey: f.operatorKey,
    createdAt: new Date().toISOString(),
  });
  await store.append(f.logId, f.genesis());
  const one = events(APPENDS, f);
  let t = performance.now();
  for (const e of one) await store.append(f.logId, [e]);
  const single = performance.now() - t;
  const batched = events(APPENDS * 5, f);
  t = performance.now();
  for (let i = 0; i < batched.length; i += 100) await store.append(f.logId, batched.slice(i, i + 100));
  const batch = performance.now() - t;
  // Baseline: the same bytes inserted raw, one transaction each, with the same durability settings.
  let raw: number;
  if (dialect === 'sqlite') {
    const db = new DatabaseSync(`${scratch.location}.raw`);
    db.exec(
      'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE raw (id INTEGER PRIMARY KEY, data BLOB)',
    );
    const insert = db.prepare('INSERT INTO raw (data) VALUES (?)');
    t = performance.now();
    for (const e of one) {
      db.exec('BEGIN IMMEDIATE');
      insert.run(e);
      db.exec('COMMIT');
    }
    raw = performance.now() - t;
    db.close();
  } else {
    const client = new pg.Client({ connectionString: scratch.location });
    await client.connect();
    await client.query('CREATE TABLE raw (id bigserial PRIMARY KEY, data bytea)');
    t = performance.now();
    for (const e of one) await client.query('INSERT INTO raw (data) VALUES ($1)', [e]);
    raw = performance.now() - t;
    await client.end();
  }
  lines.push(
    `| ${dialect} | ${rate(APPENDS, single)} | ${rate(batched.length, batch)} | ${rate(APPENDS, raw)} | ${(single / raw).toFixed(1)}× |`,
  );
  const material = await storeMaterial(store, f.logId);
  await database.close();
  await scratch.remove();
  return material;
}

async function proofBench(lines: string[]) {
  const scratch = await scratchLocation('sqlite');
  const db = new DatabaseSync(scratch.location);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(
    'CREATE TABLE truce_hash (log_id TEXT NOT NULL, id INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (log_id, id))',
  );
  const insert = db.prepare("INSERT INTO truce_hash (log_id, id, hash) VALUES ('bench', ?, ?)");
  const sha = nodeCrypto.sha256;
  const mem: Uint8Array[] = [];
  const read = (ix: number[]) => ix.map((i) => mem[i]!);
  const leaves: Uint8Array[] = [];
  let t = performance.now();
  db.exec('BEGIN');
  for (let i = 0; i < PROOF_SIZE; i++) {
    const leaf = leafHash(sha, new Uint8Array([i & 255, (i >> 8) & 255, i >> 16]));
    if (i % 1000 === 0) leaves.push(leaf);
    for (const h of await storedHashes(sha, i, leaf, read)) {
      insert.run(mem.length, h);
      mem.push(h);
    }
  }
  db.exec('COMMIT');
  const build = performance.now() - t;
  const stmt = db.prepare(
    "SELECT id, hash FROM truce_hash WHERE log_id = 'bench' AND id IN (SELECT value FROM json_each(?))",
  );
  const fromDisk = (ix: number[]) => {
    const rows = stmt.all(JSON.stringify(ix)) as { id: number; hash: Uint8Array }[];
    const m = new Map(rows.map((r) => [r.id, r.hash]));
    return ix.map((i) => m.get(i)!);
  };
  const root = await treeHash(sha, PROOF_SIZE, fromDisk);
  const { proveInclusion } = await import('../src/core/ledger/tlog.ts');
  const times: number[] = [];
  for (let k = 0; k < 1000; k++) {
    const index = (k * 997) % leaves.length;
    t = performance.now();
    const proof = await proveInclusion(sha, index * 1000, PROOF_SIZE, fromDisk);
    times.push(performance.now() - t);
    verifyInclusion(sha, index * 1000, PROOF_SIZE, leaves[index]!, proof, root);
  }
  lines.push(
    `| ${PROOF_SIZE.toLocaleString('en-US')} | ${mem.length.toLocaleString('en-US')} | ${(build / 1000).toFixed(1)} s | ${percentile(times, 50).toFixed(3)} ms | ${percentile(times, 99).toFixed(3)} ms |`,
  );
  db.close();
  await scratch.remove();
}

const appendLines = [
  `${APPENDS} appends of one signed event per transaction, then ${APPENDS * 5} in batches of 100; baseline: the same bytes as raw single inserts, one transaction each, same durability (SQLite WAL + synchronous=FULL; PostgreSQL defaults).`,
  '',
  '| backend | append, 1 per transaction | append, 100 per transaction | raw insert, 1 per transaction | append ÷ raw time |',
  '|---|---|---|---|---|',
];
await appendBench('sqlite', appendLines);
await appendBench('postgres', appendLines);
writeSection('Append', appendLines);

const proofLines = [
  'Inclusion proofs generated from tree hashes stored in SQLite (tlog storage order, one indexed read per proof), for 1,000 entries spread over the log, each checked; build time is computing and inserting every stored hash.',
  '',
  '| events | stored hashes | build | proof p50 | proof p99 |',
  '|---|---|---|---|---|',
];
await proofBench(proofLines);
writeSection('Inclusion proof at scale', proofLines);
