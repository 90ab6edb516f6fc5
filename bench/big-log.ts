/**
 * Big logs move: a log of BENCH_BIG_EVENTS (default 1,000,000) signed events imported, verified
 * and exported on SQLite, then its export imported, verified and exported on PostgreSQL, each step
 * a `truce` command of its own, timed, with
 * its peak memory (maximum resident set size, from /usr/bin/time). The first folder is written
 * here from signed events (no database), so that every figure is of the commands themselves;
 * baseline: reading the same events.jsonl once, line by line, in this process.
 * Run (once, it takes long): nice node bench/big-log.ts (PostgreSQL at TRUCE_TEST_POSTGRES
 * or 127.0.0.1:5432). Writes the section "Big logs move" of bench/RESULTS.md, step by step.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signCheckpoint } from '../src/core/ledger/checkpoint.ts';
import { HashArena } from '../src/core/ledger/hash-arena.ts';
import { leafHash, storedHashes, treeHash } from '../src/core/ledger/tlog.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { scratchLocation } from '../test/helpers/databases.ts';
import { ledgerFixture } from '../test/helpers/ledger-fixture.ts';
import { writeSection } from './results.ts';

const EVENTS = Number(process.env.BENCH_BIG_EVENTS ?? 1_000_000);
const TRUCE = fileURLToPath(new URL('../bin/truce.js', import.meta.url));

/** Writes an export folder of `n` signed events (genesis, then monitor statements) with one checkpoint. */
async function writeSeedFolder(dir: string, n: number) {
  const f = ledgerFixture('big-log');
  const out = createWriteStream(join(dir, 'events.jsonl'));
  const hashes = new HashArena();
  const read = (ix: number[]) => ix.map((i) => hashes.at(i));
  const events = function* () {
    yield* f.genesis();
    for (let i = 0; i < n - 5; i++)
      yield f.event('monitor', 'aid.delivered', {
        date: '2023-11-25',
        quantity: i % 500,
        unit: 'truck',
        destination: 'north',
      });
  };
  let size = 0;
  for (const bytes of events()) {
    for (const h of await storedHashes(nodeCrypto.sha256, size, leafHash(nodeCrypto.sha256, bytes), read))
      hashes.push(h);
    size++;
    out.write(bytes);
    if (!out.write('\n')) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  const root = await treeHash(nodeCrypto.sha256, size, read);
  const origin = 'truce.example/big-log';
  const note = signCheckpoint(nodeCrypto, { origin, size, root, extensions: [] }, f.keys.operator!);
  const log = {
    id: f.logId,
    origin,
    logKey: f.operatorKey,
    size,
    root: Buffer.from(root).toString('hex'),
    agreementHash: null,
  };
  await writeFile(join(dir, 'log.json'), `${JSON.stringify(log, null, 2)}\n`);
  await writeFile(
    join(dir, 'checkpoints.json'),
    `${JSON.stringify([{ size, note, cosignatures: [] }], null, 2)}\n`,
  );
  await writeFile(join(dir, 'checkpoint'), note);
}

/** Runs `truce ARGS` under /usr/bin/time: seconds and peak memory (MB); throws when it fails. */
function truce(...args: string[]): { seconds: number; peakMb: number } {
  const report = join(tmpdir(), `truce-bench-time-${process.pid}`);
  execFileSync('/usr/bin/time', ['-f', '%e %M', '-o', report, process.execPath, TRUCE, ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [seconds, kb] = execFileSync('cat', [report], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
  return { seconds: seconds!, peakMb: Math.round(kb! / 1024) };
}

const rows: string[] = [];
function record(backend: string, step: string, r: { seconds: number; peakMb: number }) {
  const rate = Math.round(EVENTS / r.seconds).toLocaleString('en-US');
  rows.push(
    `| ${backend} | ${step} | ${r.seconds.toFixed(1)} s | ${rate}/s | ${r.peakMb.toLocaleString('en-US')} MB |`,
  );
  writeSection('Big logs move', [
    `${EVENTS.toLocaleString('en-US')} signed events; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' ',
      )} when the last step ended (the machine is shared; run under nice). Each step is one \`truce\` command, timed with its peak resident memory; \`import\` checks every event as it appends it (one pass, one transaction), \`verify\` recomputes everything from the database, \`export\` writes events.jsonl, checkpoints and every tile. Baseline: reading the seed events.jsonl once, line by line (${baseline.toFixed(1)} s).`,
    '',
    '| backend | step | time | events/s | peak memory |',
    '|---|---|---|---|---|',
    ...rows,
  ]);
}

let baseline = 0;
const work = await mkdtemp(join(tmpdir(), 'truce-big-'));
try {
  const seed = join(work, 'seed');
  await mkdir(seed);
  let t = performance.now();
  await writeSeedFolder(seed, EVENTS);
  console.log(
    `seed folder written in ${((performance.now() - t) / 1000).toFixed(1)} s, ${(await stat(join(seed, 'events.jsonl'))).size} bytes`,
  );
  t = performance.now();
  let lines = 0;
  for await (const chunk of createReadStream(join(seed, 'events.jsonl')) as AsyncIterable<Buffer>)
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
  baseline = (performance.now() - t) / 1000;
  if (lines !== EVENTS) throw new Error(`the seed folder has ${lines} lines`);
  // The SQLite database's export is what PostgreSQL imports: a folder truce export wrote.
  let folder = seed;
  for (const backend of ['sqlite', 'postgres'] as const) {
    const scratch = await scratchLocation(backend);
    try {
      const db = ['--database', scratch.location];
      record(
        backend,
        `import (${folder === seed ? 'the seed folder' : 'the SQLite export'})`,
        truce('import', folder, ...db),
      );
      record(backend, 'verify', truce('verify', ...db));
      const out = join(work, `export-${backend}`);
      record(backend, 'export', truce('export', '--out', out, ...db));
      folder = out;
    } finally {
      await scratch.remove();
    }
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
