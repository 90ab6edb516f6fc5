/**
 * A big SQLite database for the scale benchmarks: the Nov 2023 demo log (as `truce serve --demo`
 * imports it), then synthetic events recorded in detail by its monitor (demo key), appended through
 * the store as `truce` appends them (signature, right to append, tree), 1,000 a transaction:
 * - 70% aid figures of the aid-trucks line, one truck an event, from four sources in turn;
 * - the rest statements, but one allegation in 10,000 (a log grows with detail, its allegations do not).
 * Spread evenly over the seven days of the pause. Kept in BENCH_CACHE (default: the OS's temporary
 * folder) under a name with the count, and reused when it is whole (a build is renamed to that name only once complete).
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSigner } from '../examples/logs/build-nov-2023.ts';
import { canonicalBytes } from '../src/core/ledger/canonical-json.ts';
import type { EventEnvelope } from '../src/core/ledger/event.ts';
import { signEvent } from '../src/core/ledger/event-sign.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { importDemoLog } from '../src/server/demo-log.ts';
import { openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';

export const LOG = 'nov-2023-pause';
const SOURCES = ['UN 2720 mechanism', 'COGAT', 'Palestine Red Crescent', 'UNRWA'];
const START = Date.parse('2023-11-24T07:00:00+02:00');
const SPAN = 7 * 86_400_000;
const BATCH = 1000;

/** The i-th of `n` synthetic events, signed by the demo monitor (recorded when it occurred, or at `recordedAt`). */
export function syntheticEvent(i: number, n: number, recordedAt?: string): Uint8Array {
  const at = START + Math.floor((i * SPAN) / n);
  const iso = new Date(at).toISOString();
  const day = new Date(at + 2 * 3_600_000).toISOString().slice(0, 10);
  const kind = i % 10_000 === 9_999 ? 'violation.alleged' : i % 10 < 7 ? 'aid.delivered' : 'statement';
  const body =
    kind === 'aid.delivered'
      ? { provision: 'aid', date: day, quantity: 1, unit: 'truck', category: 'aid' }
      : kind === 'statement'
        ? { text: `Situation update ${i}.` }
        : { against: i % 2 ? 'israel' : 'hamas', provision: 'ceasefire', description: `Report ${i}.` };
  const envelope = {
    v: 1,
    log: LOG,
    kind,
    occurredAt: iso,
    recordedAt: recordedAt ?? iso,
    actor: 'monitor',
    body,
    ...(kind === 'aid.delivered' ? { source: { name: SOURCES[i % SOURCES.length]! } } : {}),
  } as EventEnvelope;
  return canonicalBytes(signEvent(nodeCrypto, envelope, demoSigner('monitor')));
}

/**
 * The path of a SQLite database holding the demo log plus `n` synthetic events, built if missing;
 * `progress` is told of every 10,000 appended.
 */
export async function millionLog(n: number, progress: (done: number) => void = () => {}): Promise<string> {
  const dir = process.env.BENCH_CACHE ?? join(tmpdir(), 'truce-bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `nov-2023-plus-${n}.db`);
  if (existsSync(path)) return path;
  // Built under a name of this process's own, so that two runs at once never write one file.
  const building = `${path}.${process.pid}.building`;
  for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true });
  const database = await openDatabase(building);
  const store = new LedgerStore(database, nodeCrypto);
  await importDemoLog(store, nodeCrypto);
  for (let i = 0; i < n; i += BATCH) {
    const batch: Uint8Array[] = [];
    for (let k = i; k < Math.min(n, i + BATCH); k++) batch.push(syntheticEvent(k, n));
    await store.append(LOG, batch);
    if ((i + BATCH) % 10_000 === 0 || i + BATCH >= n) progress(Math.min(n, i + BATCH));
  }
  await database.close();
  for (const f of ['-wal', '-shm']) rmSync(`${building}${f}`, { force: true });
  renameSync(building, path);
  return path;
}

if (import.meta.main) {
  const n = Number(process.argv[2] ?? 1_000_000);
  const t = performance.now();
  const path = await millionLog(n, (done) =>
    process.stderr.write(`\r${done.toLocaleString('en-US')} of ${n}`),
  );
  process.stderr.write(`\n${path} in ${((performance.now() - t) / 1000).toFixed(0)} s\n`);
}
