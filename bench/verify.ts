/**
 * truce verify against raw Ed25519: `truce verify` runs as users run it (the CLI, a process of
 * its own, timed with its peak resident memory by /usr/bin/time) on a signed SQLite log of
 * 100,000 and BENCH_EVENTS events (default 1,000,000). The logs: with BENCH_CACHE set, the scale
 * benchmarks' logs there (bench/million-log.ts: the Nov 2023 demo log and synthetic monitor
 * events, built if missing), each copied to a scratch file first so that the cache is never
 * written; otherwise a log built here (BENCH_KEEP=1 keeps it in tmpdir). Baseline, in the same
 * run: the same log's first BENCH_RAW signatures (default 100,000) verified raw (node:crypto
 * verify, one key object per key) on as many worker threads as cores, interleaved with the
 * verify runs (raw, verify, raw, verify, …, raw): each verify is compared with the mean of the
 * raw runs on either side of it, so the ratio holds on a shared machine whose load changes.
 * BENCH_ROUNDS verify runs per size (default 3 at 100,000, 1 at the largest size).
 * Goal (issue 14): verify ≥ 0.9× the raw rate on all cores, < 300 MB at 1,000,000.
 * Writes the section "Full verify" of bench/RESULTS.md and bench/results/verify.json.
 * Run: node bench/verify.ts (BENCH_EVENTS=N for another size).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkpointLog } from '../src/cli/record-events.ts';
import { canonicalize } from '../src/core/ledger/canonical-json.ts';
import { keyId } from '../src/core/ledger/event-sign.ts';
import { HashArena } from '../src/core/ledger/hash-arena.ts';
import { formatVerifierKey, parseVerifierKey } from '../src/core/ledger/signed-note.ts';
import { leafHash, nodeHash, storedHashReads, treeHash } from '../src/core/ledger/tlog.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { scratchLocation } from '../test/helpers/databases.ts';
import { ledgerFixture } from '../test/helpers/ledger-fixture.ts';
import { writeGoals } from './goal-record.ts';
import { millionLog } from './million-log.ts';
import { writeSection } from './results.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const SIZES = [...new Set([Math.min(100_000, EVENTS), EVENTS])];
/** Signatures kept for the baseline (the first ones of the log), and how many it verifies each time. */
const SAMPLE = 200_000;
const RAW = Number(process.env.BENCH_RAW ?? 100_000);
const TRUCE = fileURLToPath(new URL('../bin/truce.js', import.meta.url));
const CORES = availableParallelism();
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/**
 * A log of `n` signed events in a fresh SQLite database, written as the store writes it (genesis
 * through the store; the rest as rows, the tree's hashes computed here, as truce import would
 * leave them), one checkpoint at the end. Every hundredth event is a party's acknowledgement of
 * an earlier event, anywhere in the log. The raw signatures go to `sigs` for the baseline:
 * [key (1 byte), message length (2 bytes), message, signature (64 bytes)].
 */
async function buildLog(location: string, n: number, sigs: string) {
  const f = ledgerFixture('bench-verify');
  const database = await openDatabase(location);
  const store = new LedgerStore(database, nodeCrypto);
  await f.createLog(store);
  await store.append(f.logId, f.genesis());
  await database.close();
  const db = new DatabaseSync(location);
  db.exec('PRAGMA journal_mode = WAL');
  const hashes = new HashArena();
  for (const r of db.prepare('SELECT hash FROM truce_hash ORDER BY id').all() as { hash: Uint8Array }[])
    hashes.push(new Uint8Array(r.hash));
  const leaves: Uint8Array[] = (
    db.prepare('SELECT leaf_hash FROM truce_entry ORDER BY idx').all() as { leaf_hash: Uint8Array }[]
  ).map((r) => new Uint8Array(r.leaf_hash));
  const insertEntry = db.prepare(
    'INSERT INTO truce_entry (log_id, idx, leaf_hash, kind, actor, event, recorded_at, row_id, occurred_ms) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)',
  );
  const insertHash = db.prepare('INSERT INTO truce_hash (log_id, id, hash) VALUES (?, ?, ?)');
  const signers = [f.keys.monitor!, f.keys['party-a']!];
  const ids = signers.map((s) => keyId(s));
  const out: Buffer[] = [];
  let clock = Date.parse('2023-11-25T00:00:00Z');
  db.exec('BEGIN');
  for (let size = leaves.length; size < n; size++) {
    const ack = size % 100 === 0;
    const actor = ack ? 'party-a' : 'monitor';
    clock += 1000;
    const at = new Date(clock).toISOString();
    const body = ack
      ? { of: Buffer.from(leaves[(size * 7919) % leaves.length]!).toString('hex') }
      : { date: '2023-11-25', quantity: size % 500, unit: 'truck', destination: 'north' };
    const kind = ack ? 'acknowledgement' : 'aid.delivered';
    const event = { v: 1, log: f.logId, kind, occurredAt: at, recordedAt: at, actor, body };
    const message = canonicalize(event);
    const k = ack ? 1 : 0;
    const sig = nodeCrypto.ed25519Sign(signers[k]!.seed, Buffer.from(message));
    const text = `{"event":${message},"signature":${canonicalize({ key: ids[k], sig: Buffer.from(sig).toString('base64') })}}`;
    const bytes = Buffer.from(text);
    const leaf = leafHash(nodeCrypto.sha256, bytes);
    if (!ack) leaves.push(leaf);
    insertEntry.run(f.logId, size, leaf, kind, actor, text, at, clock);
    const reads = storedHashReads(size);
    let h = leaf;
    const first = hashes.length;
    hashes.push(h);
    for (let i = 0; i < reads.length; i++) {
      h = nodeHash(nodeCrypto.sha256, hashes.at(reads[reads.length - 1 - i]!), h);
      hashes.push(h);
    }
    for (let id = first; id < hashes.length; id++) insertHash.run(f.logId, id, hashes.at(id));
    if (size < SAMPLE) {
      const m = Buffer.from(message);
      const head = Buffer.alloc(3);
      head.writeUInt8(k, 0);
      head.writeUInt16LE(m.length, 1);
      out.push(head, m, Buffer.from(sig));
    }
  }
  const root = await treeHash(nodeCrypto.sha256, n, (ix) => ix.map((i) => hashes.at(i)));
  db.prepare('UPDATE truce_log SET size = ?, root = ? WHERE id = ?').run(n, root, f.logId);
  db.exec('COMMIT');
  db.close();
  writeFileSync(sigs, Buffer.concat(out));
  const again = await openDatabase(location);
  await checkpointLog(new LedgerStore(again, nodeCrypto), f.logId, f.keys.operator!);
  await again.close();
  // The raw public keys, for the baseline.
  return signers.map((s) =>
    Buffer.from(parseVerifierKey(nodeCrypto, formatVerifierKey(s)).publicKey).toString('base64'),
  );
}

/**
 * Raw Ed25519 verifications per second of the signatures in `file`, on CORES worker threads, and
 * the CPU time each took (its thread's own, µs a signature): a figure the machine's load changes
 * far less than the rate.
 */
async function rawVerifyRate(file: string, keys: string[]): Promise<{ rate: number; cpuUs: number }> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const c = require('node:crypto');
    const { file, keys, part, parts } = workerData;
    const spki = Buffer.from('302a300506032b6570032100', 'hex');
    const objects = keys.map((k) => c.createPublicKey({ key: Buffer.concat([spki, Buffer.from(k, 'base64')]), format: 'der', type: 'spki' }));
    const data = require('node:fs').readFileSync(file);
    const records = [];
    for (let at = 0; at < data.length; ) {
      const len = data.readUInt16LE(at + 1);
      records.push([data[at], data.subarray(at + 3, at + 3 + len), data.subarray(at + 3 + len, at + 67 + len)]);
      at += 67 + len;
    }
    const mine = records.slice(0, workerData.raw).filter((_, i) => i % parts === part);
    parentPort.postMessage('ready');
    parentPort.once('message', () => {
      let ok = 0;
      const cpu = process.threadCpuUsage();
      for (const [k, m, s] of mine) ok += c.verify(null, m, objects[k], s) ? 1 : 0;
      const used = process.threadCpuUsage(cpu);
      parentPort.postMessage({ ok, n: mine.length, cpu: used.user + used.system });
    });`;
  const workers = Array.from(
    { length: CORES },
    (_, part) => new Worker(code, { eval: true, workerData: { file, keys, part, parts: CORES, raw: RAW } }),
  );
  await Promise.all(workers.map((w) => new Promise((r) => w.once('message', r))));
  const t = performance.now();
  const answers = await Promise.all(
    workers.map(
      (w) =>
        new Promise<{ ok: number; n: number; cpu: number }>((resolve, reject) => {
          w.once('message', resolve);
          w.once('error', reject);
          w.postMessage('go');
        }),
    ),
  );
  const ms = performance.now() - t;
  await Promise.all(workers.map((w) => w.terminate()));
  const n = answers.reduce((a, b) => a + b.n, 0);
  if (answers.reduce((a, b) => a + b.ok, 0) !== n) throw new Error('a raw signature did not verify');
  return { rate: (n * 1000) / ms, cpuUs: answers.reduce((a, b) => a + b.cpu, 0) / n };
}

/**
 * `truce verify` on the database, under /usr/bin/time: seconds, CPU time of all its threads
 * (start-up included) and peak memory (MB); throws when it fails.
 */
function truceVerify(location: string): {
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
  events: number;
} {
  const report = join(tmpdir(), `truce-bench-verify-time-${process.pid}`);
  const stdout = execFileSync(
    '/usr/bin/time',
    ['-f', '%e %M %U %S', '-o', report, process.execPath, TRUCE, 'verify', '--database', location, '--json'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 },
  );
  const result = JSON.parse(stdout) as { ok: boolean; logs: { size: number }[] };
  if (!result.ok) throw new Error(`the benchmark log does not verify:\n${stdout}`);
  const [seconds, kb, user, system] = readFileSync(report, 'utf8').trim().split(/\s+/).map(Number);
  rmSync(report, { force: true });
  const events = result.logs.reduce((a, l) => a + l.size, 0);
  return { seconds: seconds!, cpuSeconds: user! + system!, peakMb: Math.round(kb! / 1024), events };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const rows: string[] = [];
const runs: { n: number; rate: number; raw: number; ratio: number; peakMb: number; cpu: number }[] = [];
const loads: string[] = [`start ${load()}`];
/**
 * The log of `n` events: built afresh in a scratch database, or with BENCH_KEEP=1 kept in
 * tmpdir/truce-bench-verify and used again by the next run (building a million signed events
 * takes minutes; the log is the same whatever verify does).
 */
async function logOf(n: number) {
  const keep = process.env.BENCH_KEEP ? join(tmpdir(), 'truce-bench-verify') : undefined;
  const scratch = keep
    ? { location: join(keep, `${n}.db`), remove: async () => {} }
    : await scratchLocation('sqlite');
  const sigs = `${scratch.location}.sigs`;
  const keysFile = `${scratch.location}.keys`;
  if (keep && existsSync(keysFile)) {
    console.log(`${fmt(n)} events: the log kept by an earlier run (${scratch.location})`);
    return { ...scratch, sigs, keys: JSON.parse(readFileSync(keysFile, 'utf8')) as string[] };
  }
  if (keep) {
    mkdirSync(keep, { recursive: true });
    for (const f of [scratch.location, `${scratch.location}-wal`, `${scratch.location}-shm`, sigs])
      rmSync(f, { force: true });
  }
  const t = performance.now();
  const keys = await buildLog(scratch.location, n, sigs);
  if (keep) writeFileSync(keysFile, JSON.stringify(keys));
  console.log(`${fmt(n)} events built in ${((performance.now() - t) / 1000).toFixed(1)} s (load ${load()})`);
  return { ...scratch, sigs, keys };
}

/**
 * With BENCH_CACHE: the scale benchmarks' log of `n` synthetic events (bench/million-log.ts),
 * copied to a scratch file (the cache is never written), and the raw material of its first RAW
 * signatures for the baseline, read from it: [key (1 byte), message length (2 bytes), message
 * (the signed event's bytes, as verify slices them), signature (64 bytes)].
 */
async function cachedLog(n: number) {
  const source = await millionLog(n, (done) => process.stderr.write(`\rbuilding ${fmt(done)} of ${fmt(n)}`));
  const scratch = await scratchLocation('sqlite');
  copyFileSync(source, scratch.location);
  const sigs = `${scratch.location}.sigs`;
  const db = new DatabaseSync(scratch.location, { readOnly: true });
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  for (const { key } of db.prepare('SELECT DISTINCT key FROM truce_actor').all() as { key: string }[]) {
    const v = parseVerifierKey(nodeCrypto, key);
    keyIndex.set(keyId(v), keys.push(Buffer.from(v.publicKey).toString('base64')) - 1);
  }
  const out: Buffer[] = [];
  const rows = db.prepare('SELECT event FROM truce_entry ORDER BY idx LIMIT ?').iterate(RAW) as Iterable<{
    event: string;
  }>;
  for (const { event } of rows) {
    const signed = JSON.parse(event) as { signature: { key: string; sig: string } };
    const k = keyIndex.get(signed.signature.key);
    if (k === undefined) continue;
    const bytes = Buffer.from(event);
    const message = bytes.subarray('{"event":'.length, bytes.lastIndexOf(',"signature":{'));
    const head = Buffer.alloc(3);
    head.writeUInt8(k, 0);
    head.writeUInt16LE(message.length, 1);
    out.push(head, message, Buffer.from(signed.signature.sig, 'base64'));
  }
  db.close();
  writeFileSync(sigs, Buffer.concat(out));
  console.log(`${fmt(n)} events: ${source}, copied to ${scratch.location} (load ${load()})`);
  return { ...scratch, sigs, keys, source };
}

if (process.env.BENCH_BUILD_ONLY) {
  for (const n of SIZES) await logOf(n);
  process.exit(0);
}

const CACHE = Boolean(process.env.BENCH_CACHE);
let source =
  'a signed SQLite log built here (monitor figures, 1% acknowledgements of earlier events, one checkpoint)';
for (const n of SIZES) {
  const scratch = CACHE ? await cachedLog(n) : { ...(await logOf(n)), source: undefined };
  if (scratch.source)
    source = `the scale benchmarks' SQLite logs (bench/million-log.ts: the Nov 2023 demo log and synthetic monitor events; ${process.env.BENCH_CACHE}), each copied to a scratch file first`;
  const { sigs, keys } = scratch;
  const rounds = Number(process.env.BENCH_ROUNDS ?? (n === SIZES.at(-1) && SIZES.length > 1 ? 1 : 3));
  try {
    // raw, verify, raw, verify, …, raw: each verify between two raw runs.
    const raws = [await rawVerifyRate(sigs, keys)];
    const verifies: { seconds: number; cpuSeconds: number; peakMb: number; events: number; load: string }[] =
      [];
    for (let r = 0; r < rounds; r++) {
      const run = truceVerify(scratch.location);
      verifies.push({ ...run, load: load() });
      raws.push(await rawVerifyRate(sigs, keys));
      const [before, after] = [raws[r]!, raws[r + 1]!];
      const raw = (before.rate + after.rate) / 2;
      const rate = run.events / run.seconds;
      // CPU time an event (all of verify's threads, start-up included) ÷ a raw verification's.
      const cpu = (run.cpuSeconds * 1e6) / run.events / ((before.cpuUs + after.cpuUs) / 2);
      console.log(
        `${fmt(run.events)}, round ${r + 1}: verify ${run.seconds} s (${fmt(rate)}/s, ${run.peakMb} MB, CPU ${run.cpuSeconds.toFixed(1)} s); raw ${fmt(before.rate)}/s before, ${fmt(after.rate)}/s after: ${(rate / raw).toFixed(2)}×, CPU an event ${cpu.toFixed(2)}× a raw verification's (load ${load()})`,
      );
      rows.push(
        `| ${fmt(run.events)} | ${r + 1} | ${run.seconds.toFixed(1)} s | ${fmt(rate)}/s | ${run.peakMb.toLocaleString('en-US')} MB | ${fmt(raw)}/s (${fmt(before.rate)} before, ${fmt(after.rate)} after) | ${(rate / raw).toFixed(2)} | ${((run.cpuSeconds * 1e6) / run.events).toFixed(0)} µs ÷ ${((before.cpuUs + after.cpuUs) / 2).toFixed(0)} µs = ${cpu.toFixed(2)} | ${verifies[r]!.load} |`,
      );
    }
    // The round with the median ratio stands for this size; the peak memory is the largest seen.
    const ratios = verifies
      .map((v, r) => ({ v, before: raws[r]!, after: raws[r + 1]! }))
      .map(({ v, before, after }) => {
        const raw = (before.rate + after.rate) / 2;
        return {
          n: v.events,
          rate: v.events / v.seconds,
          raw,
          ratio: v.events / v.seconds / raw,
          cpu: (v.cpuSeconds * 1e6) / v.events / ((before.cpuUs + after.cpuUs) / 2),
        };
      })
      .sort((x, y) => x.ratio - y.ratio);
    const median = ratios[Math.floor((ratios.length - 1) / 2)]!;
    runs.push({ ...median, peakMb: Math.max(...verifies.map((v) => v.peakMb)) });
    loads.push(`${fmt(median.n)} ${load()}`);
  } finally {
    await scratch.remove();
  }
}

const last = runs.at(-1)!;
writeSection('Full verify', [
  `\`truce verify --database DB\` as users run it (its own process, ${CORES} worker threads for the order-free checks, wall time and peak resident memory from /usr/bin/time) on ${source}; baseline in the same run: raw Ed25519 verifications (node:crypto, one key object per key) of the first ${fmt(RAW)} signatures of the same log on ${CORES} worker threads, interleaved with the verify runs (raw, verify, raw, …): each verify against the mean of the raw runs just before and after it. CPU an event: the CPU time of all of verify's threads (start-up included, from /usr/bin/time) an event, against a raw verification's (each raw thread's own CPU time, process.threadCpuUsage): what the work costs, which the load of a shared machine changes far less than the rates (a process of three busy threads also gets a larger share of a loaded machine than one of two). Per size, the round with the median ratio stands in the goals. Goal: ≥ 0.9× the raw rate on all cores, < 300 MB at 1,000,000 events. The machine is shared: load average (1, 5, 15 min) ${loads.join('; ')}.`,
  '',
  '| events | round | verify | verify events/s | peak memory | raw Ed25519 verify, all cores | verify ÷ raw | CPU an event: verify ÷ raw | load after the verify |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows,
]);
const met = last.ratio >= 0.9 && last.peakMb < 300;
writeGoals('verify', [
  {
    measure: 'truce verify',
    goal: '≥ 0.9× raw Ed25519 verify × cores, < 300 MB at 1M',
    measured: `${fmt(last.rate)} events/s, peak ${last.peakMb} MB at ${fmt(last.n)} events; CPU an event ${last.cpu.toFixed(2)}× a raw verification's`,
    baseline: `${fmt(last.raw)} raw Ed25519 verifications/s on ${CORES} threads, interleaved`,
    ratio: `${last.ratio.toFixed(2)}`,
    met,
  },
]);
console.log(readFileSync(fileURLToPath(new URL('./results/verify.json', import.meta.url)), 'utf8'));
