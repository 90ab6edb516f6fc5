/**
 * Ledger benchmarks: append rate on SQLite and PostgreSQL against raw inserts of the same bytes
 * (bench/append.ts), full-verify rate against raw Ed25519 verification (one thread and both
 * cores), and the time of an inclusion proof read from storage at 1,000,000 events. Writes
 * bench/RESULTS.md.
 * Run: npm run bench (PostgreSQL at TRUCE_TEST_POSTGRES or 127.0.0.1:5432).
 */
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import { verifyInclusion } from '../src/core/ledger/merkle-verify.ts';
import { leafHash, storedHashes, treeHash } from '../src/core/ledger/tlog.ts';
import { verifyLog } from '../src/core/ledger/verify-log.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { scratchLocation } from '../test/helpers/databases.ts';
import { appendBench } from './append.ts';
import { percentile, rate } from './machine.ts';
import { writeSection } from './results.ts';

const PROOF_SIZE = Number(process.env.BENCH_PROOF_SIZE ?? 1_000_000);

/** Raw Ed25519 verifications per second on `threads` worker threads. */
async function rawVerifyRate(threads: number, perThread: number): Promise<number> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const c = require('node:crypto');
    const { privateKey, publicKey } = c.generateKeyPairSync('ed25519');
    const msg = Buffer.alloc(300, 7);
    const sig = c.sign(null, msg, privateKey);
    let ok = 0;
    const t = performance.now();
    for (let i = 0; i < workerData; i++) ok += c.verify(null, msg, publicKey, sig) ? 1 : 0;
    parentPort.postMessage({ ok, ms: performance.now() - t });`;
  const t = performance.now();
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise((resolve, reject) => {
          const w = new Worker(code, { eval: true, workerData: perThread });
          w.on('message', resolve);
          w.on('error', reject);
        }),
    ),
  );
  return (threads * perThread * 1000) / (performance.now() - t);
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

const { material, close } = await appendBench();

const n = (material.claimed?.size ?? 0) as number;
let t = performance.now();
const report = await verifyLog(nodeCrypto, material);
const verifyMs = performance.now() - t;
if (report.problems.length) throw new Error('the benchmark log does not verify');
await close();
const one = await rawVerifyRate(1, 20_000);
const two = await rawVerifyRate(2, 20_000);
writeSection('Full verify', [
  `truce verify's work (parse, signature, right to append, leaf, tree hashes, root, checkpoints) on the ${n}-event SQLite log above, one thread; baseline: raw Ed25519 verifications (node:crypto) on one and on two worker threads.`,
  '',
  '| full verify | raw Ed25519 verify, 1 thread | raw Ed25519 verify, 2 threads | full ÷ raw (1 thread) |',
  '|---|---|---|---|',
  `| ${rate(n, verifyMs)} events | ${Math.round(one).toLocaleString('en-US')}/s | ${Math.round(two).toLocaleString('en-US')}/s | ${((n * 1000) / verifyMs / one).toFixed(2)} |`,
]);

t = performance.now();
const proofLines = [
  'Inclusion proofs generated from tree hashes stored in SQLite (tlog storage order, one indexed read per proof), for 1,000 entries spread over the log, each checked; build time is computing and inserting every stored hash.',
  '',
  '| events | stored hashes | build | proof p50 | proof p99 |',
  '|---|---|---|---|---|',
];
await proofBench(proofLines);
writeSection('Inclusion proof at scale', proofLines);
