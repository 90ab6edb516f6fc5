/**
 * Server benchmark: `truce serve` on a scratch SQLite database holding the Nov 2023 demo log and a
 * 305-event scratch log, run in a child process so that the load generator (autocannon, in this
 * process) does not starve it. Each public read (status, checkpoint, full and partial hash tiles,
 * full and partial entry bundles) is compared with a bare Fastify 5 server, in a child process of
 * its own, answering the same bytes with the same status and headers (recorded from the server
 * just before): for each endpoint the baseline and the server, each loaded with 50 connections for
 * 10 s after a warm-up, in turns of 1 s alternating, so that both see the same moments' load. The
 * goal (issue 14): requests/s at least 0.8× the baseline's, p99 latency at most 2× its. Then 60 s
 * of mixed load — reads, and signed appends with per-actor tokens — must give no error while the
 * server's memory is sampled every second. Writes bench/RESULTS.md and bench/results/reads.json;
 * exits 1 if the mixed load had any error. Run: npx node bench/server.ts (BENCH_SECONDS,
 * BENCH_ROUNDS, BENCH_MIXED_SECONDS to shorten; 0 mixed seconds skips the mixed load).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { tilePath } from '../src/core/ledger/tiles.ts';
import { verifyLog } from '../src/core/ledger/verify-log.ts';
import { storeMaterial } from '../src/export/store-material.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { type Goal, writeGoals } from './goal-record.ts';
import { writeSection } from './results.ts';
import {
  autocannon,
  benchDatabase,
  DEMO_LOG,
  failed,
  fmt,
  memoryTable,
  type Recorded,
  type Result,
  record,
  type Server,
  startServer,
  tenths,
  within,
} from './server-process.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MIXED_SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? 60);
const WARM_UP_SECONDS = 2;
const CONNECTIONS = 50;
/** Seconds a request may take before autocannon counts it as a timeout. */
const TIMEOUT = 30;
/** Appending actors in the mixed load, each with its own token, each below the default limit of 600 requests a minute. */
const WRITERS = 5;
const WRITES_PER_SECOND = 8;
const BENCH_LOG = 'bench-log';
/** Issue 14's goal for public reads, against a bare Fastify server answering the same bytes. */
const MIN_RATE_RATIO = 0.8;
const MAX_P99_RATIO = 2;

/** Each side's SECONDS are measured in this many turns, baseline and server alternating. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);

/** 50 connections on one URL for `seconds`. */
const load = (url: string, seconds: number) =>
  autocannon({ url, connections: CONNECTIONS, duration: seconds, timeout: TIMEOUT });

/** The rounds of one side taken together: requests/s over them all, the median of their p99s. */
function together(rounds: Result[]): Result {
  const sum = (of: (r: Result) => number) => rounds.reduce((a, r) => a + of(r), 0);
  const p99s = rounds.map((r) => r.latency.p99).sort((a, b) => a - b);
  return {
    requests: {
      average: sum((r) => r.requests.average) / rounds.length,
      total: sum((r) => r.requests.total),
    },
    latency: {
      p50: 0,
      p99: p99s[Math.floor(p99s.length / 2)]!,
      max: Math.max(...rounds.map((r) => r.latency.max)),
      average: 0,
    },
    '2xx': sum((r) => r['2xx']),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    statusCodeStats: {},
  };
}

/** The CPU time the process's main thread ran, in ms, as it reported between `from` and `to` (performance.now()). */
const ranBetween = (process: Server, from: number, to: number) =>
  process.samples.filter((s) => s.at > from && s.at <= to).reduce((a, s) => a + s.ranMs, 0);

/**
 * The baseline and the server on one path: each warmed up, then ROUNDS turns of SECONDS / ROUNDS
 * each, alternating, so that a burst of the machine's other load falls on both alike. With each,
 * the CPU time its main thread ran per request answered (warm-up included; each process is idle
 * while the other is loaded), in µs: what a request costs it, whatever the client's pace.
 */
async function compare(
  base: Server,
  server: Server,
  path: string,
): Promise<[Result, Result, { base: number; server: number }]> {
  const started = performance.now();
  const warm = [await load(base.url + path, WARM_UP_SECONDS), await load(server.url + path, WARM_UP_SECONDS)];
  const bases: Result[] = [];
  const servers: Result[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    bases.push(await load(base.url + path, SECONDS / ROUNDS));
    servers.push(await load(server.url + path, SECONDS / ROUNDS));
  }
  // Each process reports the second before every second: the last one's report is waited for.
  await new Promise((r) => setTimeout(r, 1100));
  const ended = performance.now();
  const answered = (rs: Result[]) => rs.reduce((a, r) => a + r['2xx'] + r.non2xx, 0);
  const cpu = {
    base: (1000 * ranBetween(base, started, ended)) / answered([warm[0]!, ...bases]),
    server: (1000 * ranBetween(server, started, ended)) / answered([warm[1]!, ...servers]),
  };
  return [together(bases), together(servers), cpu];
}

/** A p99 of 0 ms (autocannon rounds to the millisecond) counts as 1 ms, so that ratios stay finite. */
const p99 = (r: Result) => Math.max(1, r.latency.p99);

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

  const load1 = loadavg().map((x) => x.toFixed(1));
  const server = await startServer('truce', bench.location);
  const logPath = (log: string, rest: string) => `/api/logs/${log}/${rest}`;
  const partial = startSize - 256;
  const reads: [string, string][] = [
    [`GET /api/logs/${DEMO_LOG}/status`, logPath(DEMO_LOG, 'status')],
    [`GET /api/logs/${DEMO_LOG}/checkpoint`, logPath(DEMO_LOG, 'checkpoint')],
    [`GET …/${tilePath(0, 0)} (full hash tile)`, logPath(BENCH_LOG, tilePath(0, 0))],
    [`GET …/${tilePath(0, 1, partial)} (partial hash tile)`, logPath(BENCH_LOG, tilePath(0, 1, partial))],
    [`GET …/tile/entries/000 (full entry bundle)`, logPath(BENCH_LOG, 'tile/entries/000')],
    [
      `GET …/tile/entries/001.p/${partial} (partial entry bundle)`,
      logPath(BENCH_LOG, `tile/entries/001.p/${partial}`),
    ],
  ];
  // The baseline answers what the server answered, recorded once: same status, headers and bytes.
  const recorded: Recorded[] = [];
  for (const [, path] of reads) recorded.push(await record(`${server.url}${path}`));
  const dir = mkdtempSync(join(tmpdir(), 'truce-bench-'));
  const file = join(dir, 'recorded.json');
  writeFileSync(file, JSON.stringify(recorded));
  const bare = await startServer('bytes', file);

  const lines = [
    `For each endpoint, in turn: the baseline, a bare Fastify 5 server (no hooks, no database) answering the very bytes the server answered for it (recorded just before: same status, body, content-type and other headers, ETag and cache-control included), then the server (\`buildApp\` on SQLite, as \`truce serve\`, with its logger at warn); each in its own process, loaded by autocannon with ${CONNECTIONS} connections for ${SECONDS} s after ${WARM_UP_SECONDS} s of warm-up, in ${ROUNDS} turns of ${SECONDS / ROUNDS} s alternating with the other (baseline, server, baseline, …) so that bursts of the machine's other load fall on both alike: requests/s over all turns, p99 the median of the turns' p99s. Tiles and bundles are of a ${startSize}-event log; the status is the Nov 2023 demo log judged now (its body changes each second; the baseline's is the one recorded). Goal (issue 14): requests/s ≥ ${MIN_RATE_RATIO}× the baseline's and p99 ≤ ${MAX_P99_RATIO}× (autocannon's p99 is whole milliseconds; 0 counts as 1). Requests taking over ${TIMEOUT} s would count as failed. CPU per request: the time each process's main thread ran (Linux schedstat) while its path was measured, warm-up included, over the requests it answered: what a request costs each of them, whatever the client's pace (autocannon is one thread: when it is the slower, both servers answer at its pace and the rates tell little). The server answers a plain GET of public bytes it already holds (tiles, bundles, the checkpoint, the status of this second) before Fastify routes it (src/server/held-front.ts); the first read of each path, recorded for the baseline, went through the route. The machine was shared: load average (1, 5, 15 min) ${load1.join(' ')} when the run began.`,
    '',
    '| endpoint | body | baseline requests/s | server requests/s | ratio | baseline p99 | server p99 | p99 ratio | goal met | failed (baseline / server) | CPU per request (baseline / server) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const goals: Goal[] = [];
  for (const [k, [name, path]] of reads.entries()) {
    const [base, r, cpu] = await compare(bare, server, path);
    const rate = r.requests.average / base.requests.average;
    const tail = p99(r) / p99(base);
    const met = rate >= MIN_RATE_RATIO && tail <= MAX_P99_RATIO && failed(r) === 0;
    const bytes = Buffer.from(recorded[k]!.body, 'base64').length;
    lines.push(
      `| ${name} | ${fmt(bytes)} B | ${fmt(base.requests.average)} | ${fmt(r.requests.average)} | ${rate.toFixed(2)}× | ${base.latency.p99} ms | ${r.latency.p99} ms | ${tail.toFixed(2)}× | ${met ? 'yes' : 'no'} | ${failed(base)} / ${failed(r)} | ${cpu.base.toFixed(1)} / ${cpu.server.toFixed(1)} µs |`,
    );
    goals.push({
      measure: `public reads: ${name}`,
      goal: `≥ ${MIN_RATE_RATIO}× bare Fastify, same bytes; p99 ≤ ${MAX_P99_RATIO}×`,
      measured: `${fmt(r.requests.average)} req/s, p99 ${r.latency.p99} ms`,
      baseline: `${fmt(base.requests.average)} req/s, p99 ${base.latency.p99} ms`,
      ratio: `${rate.toFixed(2)}× req/s, ${tail.toFixed(2)}× p99`,
      met,
    });
  }
  await bare.stop();
  rmSync(dir, { recursive: true, force: true });
  const load2 = loadavg().map((x) => x.toFixed(1));
  lines.push('', `Load average when the reads ended: ${load2.join(' ')}.`);
  writeSection('Server', lines);
  writeGoals('reads', goals);

  if (MIXED_SECONDS <= 0) {
    await server.stop();
    await bench.remove();
    return;
  }
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
