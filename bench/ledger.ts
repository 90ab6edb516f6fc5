/**
 * Ledger benchmarks: append rate on SQLite and PostgreSQL against raw inserts of the same bytes
 * (bench/append.ts), and the time of an inclusion proof read from storage at 1,000,000 events
 * (full verify: bench/verify.ts). Writes bench/RESULTS.md.
 * Run: npm run bench (PostgreSQL at TRUCE_TEST_POSTGRES or 127.0.0.1:5432).
 */
import { DatabaseSync } from 'node:sqlite';
import { verifyInclusion } from '../src/core/ledger/merkle-verify.ts';
import { leafHash, storedHashes, treeHash } from '../src/core/ledger/tlog.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { scratchLocation } from '../test/helpers/databases.ts';
import { appendBench } from './append.ts';
import { percentile } from './machine.ts';
import { writeSection } from './results.ts';

const PROOF_SIZE = Number(process.env.BENCH_PROOF_SIZE ?? 1_000_000);

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

const { close } = await appendBench();
await close();

const proofLines = [
  'Inclusion proofs generated from tree hashes stored in SQLite (tlog storage order, one indexed read per proof), for 1,000 entries spread over the log, each checked; build time is computing and inserting every stored hash.',
  '',
  '| events | stored hashes | build | proof p50 | proof p99 |',
  '|---|---|---|---|---|',
];
await proofBench(proofLines);
writeSection('Inclusion proof at scale', proofLines);
