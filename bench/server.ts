/**
 * Server benchmark: `truce serve` on a scratch SQLite database holding the Nov 2023 demo log and a
 * 305-event scratch log, run in a child process so that the load generator (autocannon, in this
 * process) does not starve it. Each public read is loaded with 50 connections for 10 s and
 * compared with a bare Fastify hello-world measured in the same run; then 60 s of mixed load —
 * reads, and signed appends with per-actor tokens — must give no error while the server's memory
 * is sampled every second. Writes bench/RESULTS.md; exits 1 if the mixed load had any error.
 * Run: npx node bench/server.ts (BENCH_SECONDS, BENCH_MIXED_SECONDS to shorten).
 */
import { loadavg } from 'node:os';
import { tilePath } from '../src/core/ledger/tiles.ts';
import { verifyLog } from '../src/core/ledger/verify-log.ts';
import { storeMaterial } from '../src/export/store-material.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { writeSection } from './results.ts';
import {
  autocannon,
  benchDatabase,
  DEMO_LOG,
  failed,
  fmt,
  memoryTable,
  type Result,
  startServer,
  tenths,
  within,
} from './server-process.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MIXED_SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? 60);
const CONNECTIONS = 50;
/** Seconds a request may take before autocannon counts it as a timeout. */
const TIMEOUT = 30;
/** Appending actors in the mixed load, each with its own token, each below the default limit of 600 requests a minute. */
const WRITERS = 5;
const WRITES_PER_SECOND = 8;
const BENCH_LOG = 'bench-log';

/** 50 connections on one URL: a short warm-up, then SECONDS measured. */
async function load(url: string): Promise<Result> {
  await autocannon({ url, connections: CONNECTIONS, duration: 2, timeout: TIMEOUT });
  return autocannon({ url, connections: CONNECTIONS, duration: SECONDS, timeout: TIMEOUT });
}

async function main(): Promise<void> {
  // The database: the demo log as `truce serve --demo` imports it, and a log of our own whose keys we hold.
  const bench = await benchDatabase(
    BENCH_LOG,
    Array.from({ length: WRITERS }, () => ({ actor: 'monitor', role: 'monitor' as const })),
    (f) =>
      Array.from({ length: 3 }, (_, i) =>
        Array.from({ length: 100 }, (_, k) =>
          f.event('monitor', 'statement', { text: `note ${i * 100 + k}` }),
        ),
      ),
  );
  const f = bench.fixture;
  const startSize = bench.size;
  const writerTokens = bench.tokens;

  const load1 = loadavg()[0]!.toFixed(1);
  const hello = await startServer('hello');
  const baseline = await load(`${hello.url}/`);
  await hello.stop();

  const server = await startServer('truce', bench.location);
  const logUrl = (log: string, rest: string) => `${server.url}/api/logs/${log}/${rest}`;
  const partial = startSize - 256;
  const reads: [string, string][] = [
    [`GET /api/logs/${DEMO_LOG}/status`, logUrl(DEMO_LOG, 'status')],
    [`GET …/${tilePath(0, 0)} (full hash tile)`, logUrl(BENCH_LOG, tilePath(0, 0))],
    [`GET …/${tilePath(0, 1, partial)} (partial hash tile)`, logUrl(BENCH_LOG, tilePath(0, 1, partial))],
    [`GET …/tile/entries/000 (full entry bundle)`, logUrl(BENCH_LOG, 'tile/entries/000')],
    [`GET /api/logs/${DEMO_LOG}/checkpoint`, logUrl(DEMO_LOG, 'checkpoint')],
  ];
  const lines = [
    `Each endpoint loaded by autocannon with ${CONNECTIONS} connections for ${SECONDS} s (after 2 s of warm-up), the server (\`buildApp\` on SQLite, as \`truce serve\`) in its own process; baseline: a bare Fastify 5 hello-world (JSON) in the same conditions. Tiles are of a ${startSize}-event log; the status is the Nov 2023 demo log judged now. Requests taking over ${TIMEOUT} s would count as failed. The machine was shared: load average ${load1} when the run began.`,
    '',
    '| endpoint | requests/s | p99 latency | ÷ baseline requests/s | failed (non-2xx, errors, timeouts) |',
    '|---|---|---|---|---|',
    `| baseline: Fastify hello-world | ${fmt(baseline.requests.average)} | ${baseline.latency.p99} ms | 1.00 | ${failed(baseline)} |`,
  ];
  for (const [name, url] of reads) {
    const r = await load(url);
    lines.push(
      `| ${name} | ${fmt(r.requests.average)} | ${r.latency.p99} ms | ${(r.requests.average / baseline.requests.average).toFixed(2)} | ${failed(r)} |`,
    );
  }
  writeSection('Server', lines);

  // Mixed: readers on every public read and the event pages, appenders each with its own token.
  const mixedLoad = loadavg()[0]!.toFixed(1);
  const started = performance.now();
  const readers = autocannon({
    url: server.url,
    connections: CONNECTIONS - WRITERS,
    duration: MIXED_SECONDS,
    timeout: TIMEOUT,
    requests: [
      { path: `/api/logs/${DEMO_LOG}/status` },
      { path: `/api/logs/${BENCH_LOG}/${tilePath(0, 0)}` },
      { path: `/api/logs/${BENCH_LOG}/${tilePath(0, 1, partial)}` },
      { path: `/api/logs/${BENCH_LOG}/events?from=0&limit=100` },
      { path: `/api/logs/${DEMO_LOG}/checkpoint` },
      { path: `/api/logs/${DEMO_LOG}/export/events.csv` },
    ],
  });
  let n = 0;
  const writers = writerTokens.map((token) =>
    autocannon({
      url: server.url,
      connections: 1,
      duration: MIXED_SECONDS,
      timeout: TIMEOUT,
      connectionRate: WRITES_PER_SECOND,
      requests: [
        {
          method: 'POST',
          path: `/api/logs/${BENCH_LOG}/events`,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          setupRequest: (req) => ({
            ...req,
            body: new TextDecoder().decode(
              // Recorded now: a live log takes only events recorded within minutes of the server's clock.
              f.event(
                'monitor',
                'aid.delivered',
                { date: '2023-11-25', quantity: ++n, unit: 'truck', destination: 'north' },
                { recordedAt: new Date().toISOString() },
              ),
            ),
          }),
        },
      ],
    }),
  );
  const [r, ...w] = await Promise.all([readers, ...writers]);
  const ended = performance.now();
  const mixed = (ended - started) / 1000;
  await server.stop();

  const written = w.reduce((a, x) => a + x['2xx'], 0);
  const wBad = w.reduce((a, x) => a + failed(x), 0);
  const rBad = failed(r!);
  const codes = (x: Result[]) => {
    const counts: Record<string, number> = {};
    for (const y of x)
      for (const [code, s] of Object.entries(y.statusCodeStats)) counts[code] = (counts[code] ?? 0) + s.count;
    return Object.entries(counts)
      .map(([code, count]) => `${code}: ${fmt(count)}`)
      .join(', ');
  };

  // Every append answered 2xx is in the log, and the log still verifies whole.
  const database = await openDatabase(bench.location);
  const store = new LedgerStore(database, nodeCrypto);
  const endSize = (await store.requireLog(BENCH_LOG)).size;
  const report = await verifyLog(nodeCrypto, await storeMaterial(store, BENCH_LOG));
  await database.close();
  await bench.remove();

  const window = within(server.samples, started, ended);
  // autocannon stops with at most one append in flight per writer: the server may still complete it.
  const grew = endSize - startSize;
  const inFlight = grew - written;
  const lost = inFlight < 0 || inFlight > WRITERS ? Math.abs(inFlight) : 0;
  writeSection('Server under mixed load', [
    `${Math.round(mixed)} s at once: ${CONNECTIONS - WRITERS} connections cycling through the demo log's status, a full and a partial hash tile, a page of 100 events, the checkpoint and the events CSV export; and ${WRITERS} actors each appending signed events (aid.delivered) with its own token at ${WRITES_PER_SECOND}/s (under the default limit of 600 a minute). The server's memory is what it reports every second. The machine was shared: load average ${mixedLoad} when the mixed load began.`,
    '',
    '| traffic | requests | requests/s | p99 latency | status codes | failed (non-2xx, errors, timeouts) |',
    '|---|---|---|---|---|---|',
    `| reads | ${fmt(r!.requests.total)} | ${fmt(r!.requests.average)} | ${r!.latency.p99} ms | ${codes([r!])} | ${rBad} |`,
    `| appends | ${fmt(w.reduce((a, x) => a + x.requests.total, 0))} | ${fmt(w.reduce((a, x) => a + x.requests.average, 0))} | ${Math.max(...w.map((x) => x.latency.p99))} ms | ${codes(w)} | ${wBad} |`,
    '',
    `Appends: ${fmt(written)} answered 2xx; the log grew from ${startSize} to ${endSize} events (${lost === 0 ? `none lost; ${inFlight} more were in flight when the load stopped` : `${lost} unaccounted for`}) and verifies whole (${report.problems.length} problems).`,
    '',
    ...memoryTable(window, started, ended),
    '',
    `RSS, mean of each 10 s: ${tenths(window, started).join(', ')}.`,
  ]);
  if (rBad || wBad || lost || report.problems.length) {
    console.error(
      `The mixed load failed: ${rBad} reads and ${wBad} appends failed, ${lost} appends unaccounted for, ${report.problems.length} verification problems.`,
    );
    process.exitCode = 1;
  }
}

await main();
