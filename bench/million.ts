/**
 * The server on a big log (bench/million-log.ts: the Nov 2023 demo log plus BENCH_EVENTS synthetic
 * events, default 1,000,000; and the same with 10,000, the baseline), each `truce serve` (buildApp
 * on SQLite) in its own process:
 * - cold start: from the process's start to the first status of the log (read from the store and
 *   evaluated);
 * - the status document's size, beside the small log's;
 * - the dashboard: first figure on screen of the agreement page (Chromium, first visits), beside the
 *   static reference page; the public pages' JavaScript gzipped;
 * - memory under 60 s of mixed load (reads of status, checkpoint, tiles, a page of events; a monitor
 *   appending 5 events a second, recorded late of the pause's first hours), sampled every second.
 * Writes the section "Server on a big log" of bench/RESULTS.md and bench/results/million.json.
 * Run: node bench/million.ts (the big log is built the first time: long).
 */
import { copyFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { tilePath } from '../src/core/ledger/tiles.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { TokenStore } from '../src/store/token-store.ts';
import { PUBLIC_JS_BUDGET, publicScriptSize } from '../test/browser/bundle-size.ts';
import { openBrowser } from '../test/browser/chromium.ts';
import { WEB_DIST } from '../test/browser/web-build.ts';
import { firstDataTimes } from './first-data.ts';
import { writeGoals } from './goal-record.ts';
import { percentile } from './machine.ts';
import { FLAT_SHARE, memoryFlatness } from './memory-trend.ts';
import { LOG, millionLog, syntheticEvent } from './million-log.ts';
import { writeSection } from './results.ts';
import { autocannon, failed, fmt, memoryTable, startServer, tenths, within } from './server-process.ts';

const N = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const SMALL = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const MIXED_SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? 60);
const STATUS = `/api/logs/${LOG}/status?lang=en`;

const progress = (done: number) => process.stderr.write(`\rbig log: ${fmt(done)} events appended`);

/** Starts a server on `location` and times it to its first status; the status's size. */
async function coldStart(location: string) {
  const t = performance.now();
  const server = await startServer('truce', location);
  let response: Response;
  do response = await fetch(`${server.url}${STATUS}`);
  while (response.status === 503);
  if (!response.ok) {
    const ms = performance.now() - t;
    const problem = (await response.json()) as { code?: string; detail?: string };
    await server.stop();
    throw new StatusRefused(response.status, problem.code ?? '?', problem.detail ?? '', ms);
  }
  const bytes = (await response.arrayBuffer()).byteLength;
  return { server, ms: performance.now() - t, bytes };
}

/** The server would not give the big log's status: what it answered, and after how long. */
class StatusRefused extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly ms: number;
  constructor(status: number, code: string, detail: string, ms: number) {
    super(`the status answered ${status} ${code} after ${(ms / 1000).toFixed(1)} s: ${detail}`);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.ms = ms;
  }
}

/** The section and the goals when the big log's status was refused: nothing else can be measured. */
function writeRefusal(refused: StatusRefused, small: { ms: number; bytes: number }, load: string) {
  const what = `refused: ${refused.status} ${refused.code} after ${fmt(refused.ms)} ms`;
  writeSection('Server on a big log', [
    `The Nov 2023 demo log plus ${fmt(N)} synthetic events (bench/million-log.ts), on SQLite, served by \`truce serve\` in its own process; baseline: the same with ${fmt(SMALL)} synthetic events, whose first status came ${fmt(small.ms)} ms after the start (${fmt(small.bytes)} bytes). Load average ${load} at the start.`,
    '',
    `The big log's status was ${what}: "${refused.detail}" The dashboard and the mixed load need that status, so they were not measured.`,
  ]);
  const row = (measure: string, goal: string) => ({
    measure,
    goal,
    measured: what,
    baseline: `${fmt(small.ms)} ms, ${fmt(small.bytes)} bytes at ${fmt(SMALL)} events`,
    ratio: '—',
    met: false,
  });
  writeGoals('million', [
    row(
      'full evaluation from cold, 1,000,000 events, read from the store (server start to first status)',
      '≤ 2 s',
    ),
    row('status document size', 'independent of the log’s length'),
    row('dashboard on a 1,000,000-event log', 'first figure < 1 s; JS ≤ 250 KB gzipped'),
    row('server memory at 1M events under 60 s mixed load', 'flat, < 500 MB RSS'),
  ]);
}

async function main(): Promise<void> {
  const smallPath = await millionLog(SMALL, progress);
  const bigPath = await millionLog(N, progress);
  process.stderr.write('\n');
  // The mixed load appends: it runs on a copy, so that the cached log stays as built.
  const copy = `${bigPath}.run`;
  copyFileSync(bigPath, copy);
  const database = await openDatabase(copy);
  const size = (await new LedgerStore(database, nodeCrypto).requireLog(LOG)).size;
  const { token } = await new TokenStore(database).create({
    log: LOG,
    actor: 'monitor',
    role: 'monitor',
    party: null,
  });
  await database.close();
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');

  const loadAtStart = load();
  const small = await coldStart(smallPath);
  await small.server.stop();
  let big: Awaited<ReturnType<typeof coldStart>>;
  try {
    big = await coldStart(copy);
  } catch (e) {
    for (const f of ['', '-wal', '-shm']) rmSync(`${copy}${f}`, { force: true });
    if (!(e instanceof StatusRefused)) throw e;
    writeRefusal(e, small, loadAtStart);
    process.exitCode = 1;
    return;
  }
  const server = big.server;
  try {
    // The dashboard's agreement page: the headline figures.
    const browser = await openBrowser();
    let page: number[];
    let docs: number[];
    try {
      docs = await firstDataTimes(browser, `${server.url}/api/docs`, 'h1, h2', RUNS);
      page = await firstDataTimes(
        browser,
        `${server.url}/agreements/${LOG}?lang=en`,
        '[data-testid="headline-figures"]',
        RUNS,
      );
    } finally {
      await browser.close();
    }
    const js = publicScriptSize(WEB_DIST);

    // Mixed load.
    const loadAtMixed = load();
    const started = performance.now();
    const reads = autocannon({
      url: server.url,
      connections: 20,
      duration: MIXED_SECONDS,
      timeout: 30,
      requests: [
        { path: STATUS },
        { path: `/api/logs/${LOG}/checkpoint` },
        { path: `/api/logs/${LOG}/${tilePath(0, 0)}` },
        { path: `/api/logs/${LOG}/${tilePath(0, Math.floor(size / 256) - 1)}` },
        { path: `/api/logs/${LOG}/events?from=${size - 100}&limit=100` },
      ],
    });
    let i = N;
    const appends = autocannon({
      url: server.url,
      connections: 1,
      duration: MIXED_SECONDS,
      timeout: 30,
      connectionRate: 5,
      requests: [
        {
          method: 'POST',
          path: `/api/logs/${LOG}/events`,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          setupRequest: (req) => ({
            ...req,
            body: new TextDecoder().decode(syntheticEvent(i++, N, new Date().toISOString())),
          }),
        },
      ],
    });
    const [r, w] = await Promise.all([reads, appends]);
    const ended = performance.now();
    const window = within(server.samples, started, ended);
    const maxRss = Math.max(...window.map((s) => s.rss)) / 2 ** 20;
    // The server has been warm since the cold start and the dashboard's visits: the whole window is judged.
    const memory = memoryFlatness(
      window.map((x) => ({ seconds: (x.at - started) / 1000, mib: x.rss / 2 ** 20 })),
    );

    const pageMedian = percentile(page, 50);
    const docsMedian = percentile(docs, 50);
    const ms = (n: number) => `${fmt(n)} ms`;
    const sizeRatio = big.bytes / small.bytes;
    writeSection('Server on a big log', [
      `The Nov 2023 demo log plus ${fmt(N)} synthetic events (bench/million-log.ts: 70% aid figures, one truck an event from four sources; statements; one allegation in 10,000), ${fmt(size)} events in all, on SQLite, served by \`truce serve\` in its own process; baseline: the same with ${fmt(SMALL)} synthetic events. Load average (1, 5, 15 min) ${loadAtStart} at the start, ${loadAtMixed} when the mixed load began.`,
      '',
      `| measure | ${fmt(SMALL)} events (baseline) | ${fmt(N)} events | ratio |`,
      '|---|---|---|---|',
      `| cold start to the first status (read from the store, evaluated) | ${ms(small.ms)} | ${ms(big.ms)} | ${(big.ms / small.ms).toFixed(1)}× |`,
      `| status document (${STATUS}) | ${fmt(small.bytes)} bytes | ${fmt(big.bytes)} bytes | ${sizeRatio.toFixed(3)}× |`,
      '',
      `Dashboard (Chromium, ${RUNS} first visits after one warm-up): the agreement page's headline figures, median ${ms(pageMedian)} (p90 ${ms(percentile(page, 90))}); the static reference page /api/docs, median ${ms(docsMedian)}. Public pages' JavaScript: ${(js.gzipped / 1024).toFixed(1)} KB gzipped.`,
      '',
      `Mixed load, ${MIXED_SECONDS} s: 20 connections reading (status, checkpoint, a full and the last full hash tile, the last 100 events) and one monitor appending 5 events a second, recorded now of what occurred in the pause's first hours (out of the log's order: each changes a day already judged, its evidence lists among them).`,
      '',
      '| traffic | requests | p99 latency | failed |',
      '|---|---|---|---|',
      `| reads | ${fmt(r.requests.total)} | ${r.latency.p99} ms | ${failed(r)} |`,
      `| appends | ${fmt(w.requests.total)} | ${w.latency.p99} ms | ${failed(w)} |`,
      '',
      ...memoryTable(window, started, ended),
      '',
      `RSS, mean of each 10 s: ${tenths(window, started).join(', ')} MiB; its trend (Theil–Sen, bench/memory-trend.ts) ${memory.mibPerMinute.toFixed(1)} MiB a minute, ${memory.flat ? 'flat' : 'not flat'} (growth over the window under ${FLAT_SHARE * 100}% of the memory held).`,
    ]);
    writeGoals('million', [
      {
        measure:
          'full evaluation from cold, 1,000,000 events, read from the store (server start to first status)',
        goal: '≤ 2 s',
        measured: ms(big.ms),
        baseline: `${ms(small.ms)} at ${fmt(SMALL)} events`,
        ratio: `${(big.ms / small.ms).toFixed(1)}×`,
        met: big.ms <= 2000 && N >= 1_000_000,
      },
      {
        measure: 'status document size',
        goal: 'independent of the log’s length',
        measured: `${fmt(big.bytes)} bytes at ${fmt(size)} events`,
        baseline: `${fmt(small.bytes)} bytes at ${fmt(SMALL)} events`,
        ratio: `${sizeRatio.toFixed(3)}×`,
        met: sizeRatio <= 1.01,
      },
      {
        measure: 'dashboard on a 1,000,000-event log',
        goal: 'first figure < 1 s; JS ≤ 250 KB gzipped',
        measured: `${ms(pageMedian)} median; ${(js.gzipped / 1024).toFixed(1)} KB`,
        baseline: `/api/docs ${ms(docsMedian)}`,
        ratio: `${(pageMedian / docsMedian).toFixed(1)}×`,
        met: pageMedian < 1000 && js.gzipped <= PUBLIC_JS_BUDGET && N >= 1_000_000,
      },
      {
        measure: 'server memory at 1M events under 60 s mixed load',
        goal: 'flat, < 500 MB RSS',
        measured: `max ${maxRss.toFixed(0)} MiB; trend ${memory.mibPerMinute.toFixed(1)} MiB/min`,
        baseline: `flat: growth over the window < ${FLAT_SHARE * 100}% of the memory held`,
        ratio: '—',
        met: maxRss < 500 && memory.flat && failed(r) + failed(w) === 0 && N >= 1_000_000,
      },
    ]);
  } finally {
    await server.stop();
    for (const f of ['', '-wal', '-shm']) rmSync(`${copy}${f}`, { force: true });
  }
}

await main();
