/**
 * Hostile-load benchmark: `truce serve` (buildApp on a scratch SQLite database holding the Nov 2023
 * demo log and a log of our own, bench/server-process.ts) in a child process on 127.0.0.1. First a
 * baseline: normal public reads and /api/health alone for HOSTILE_BASELINE_SECONDS (20), on a fresh
 * server. Then for HOSTILE_WARMUP_SECONDS (30) and HOSTILE_SECONDS (60) more the same reads beside: the worst plan and comparison the
 * API allows, anonymous (limited per address) and with a token (within its limit); a flood of
 * person records within the token's limit; clients that send their bodies a byte a second; 500
 * open event streams. The reads' latency (p99) and errors, the server's event-loop delay and its
 * memory each second, and the machine's load average go to bench/RESULTS.md. Exits 1 if a normal
 * read or health request failed, either p99 reached 100 ms, or the RSS was not flat after the
 * warm-up (bench/memory-trend.ts: its trend grew it by 5% or more over the 60 s). Everything runs on loopback, bounded in count and time.
 * Run: nice npx node bench/hostile.ts (HOSTILE_SECONDS to shorten; HOSTILE_LOADS=plans,persons,
 * slow,streams to choose the hostile loads; BENCH_PROFILE=dir for the server's CPU profile).
 * The three goals, measured and beside their baseline, also go to bench/results/hostile.json.
 */
import { connect, type Socket } from 'node:net';
import { loadavg } from 'node:os';
import { type Goal, writeGoals } from './goal-record.ts';
import { healthProbe } from './health-probe.ts';
import { FLAT_SHARE, memoryFlatness } from './memory-trend.ts';
import { writeSection } from './results.ts';
import {
  type AutocannonOptions,
  autocannon,
  benchDatabase,
  DEMO_LOG,
  failed,
  fmt,
  HOST,
  memoryTable,
  noResult,
  type Result,
  type Sample,
  startServer,
  tenths,
  within,
} from './server-process.ts';

const SECONDS = Number(process.env.HOSTILE_SECONDS ?? 60);
const BASELINE_SECONDS = Number(process.env.HOSTILE_BASELINE_SECONDS ?? 20);
/**
 * Seconds of the same load before the measured window, its requests counted with the rest: the
 * server grows to its working size then (worker threads start, their heaps and the caches fill:
 * from some 250 to 650 MiB and more in the first 20 to 50 s, the longer the busier the machine), and memory is judged on what follows.
 */
const WARMUP_SECONDS = Number(process.env.HOSTILE_WARMUP_SECONDS ?? 30);
const OWN_LOG = 'bench-hostile';
/** The worst plan and comparison allowed (PLAN_LIMITS): the longest extension, the longest delays. */
const WORST_PLAN = `/api/agreements/${DEMO_LOG}/plan?extend=3650`;
const WORST_DIFF =
  '/api/diff?a=jan-2025-ceasefire&b=may-2024-proposal&delay=phase-1-exchange=8760&delay=aid=8760';
const STREAMS = 500;
const SLOW_CLIENTS = 20;
/** Requests a second of each token-holding client: 540 a minute, under the default limit of 600. */
const TOKEN_RATE = 9;
const READERS = 10;
const TIMEOUT = 30;
/** The hostile loads to run (HOSTILE_LOADS=plans,persons,slow,streams; default all), to tell their effects apart. */
const LOADS = new Set((process.env.HOSTILE_LOADS ?? 'plans,persons,slow,streams').split(','));

/** `count` event streams held open until `until`; how many were answered 200 and how many events came. */
function holdStreams(port: number, count: number, until: number) {
  const sockets: Socket[] = [];
  const opened = { ok: 0, other: 0, closedEarly: 0 };
  for (let i = 0; i < count; i++) {
    const socket = connect(port, HOST);
    let head = '';
    let counted = false;
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      if (counted) return;
      head += d;
      if (head.includes('\r\n')) {
        if (/^HTTP\/1\.1 200/.test(head)) opened.ok++;
        else opened.other++;
        counted = true;
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      if (performance.now() < until) opened.closedEarly++;
    });
    socket.write(
      `GET /api/logs/${DEMO_LOG}/stream HTTP/1.1\r\nHost: ${HOST}\r\nAccept: text/event-stream\r\n\r\n`,
    );
    sockets.push(socket);
  }
  const close = () => {
    for (const s of sockets) s.destroy();
  };
  return { opened, close };
}

/** Clients that send a request body a byte a second, each starting again once answered, until `until`. */
function slowBodies(port: number, token: string, clients: number, until: number) {
  const answers: Record<string, number> = {};
  const runOne = (): Promise<void> =>
    new Promise((resolve) => {
      const socket = connect(port, HOST);
      let answer = '';
      socket.setEncoding('utf8');
      const drip = setInterval(() => socket.write('{'), 1000);
      socket.on('data', (d: string) => {
        answer += d;
      });
      socket.on('error', () => {});
      socket.on('close', () => {
        clearInterval(drip);
        const code = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 'closed without an answer';
        answers[code] = (answers[code] ?? 0) + 1;
        resolve();
      });
      socket.write(
        `POST /api/logs/${OWN_LOG}/persons HTTP/1.1\r\nHost: ${HOST}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\nAuthorization: Bearer ${token}\r\n\r\n`,
      );
      setTimeout(() => socket.destroy(), Math.max(0, until - performance.now()));
    });
  const loop = async () => {
    while (performance.now() < until) await runOne();
  };
  return { answers, done: Promise.all(Array.from({ length: clients }, loop)) };
}

const codes = (r: Result) =>
  Object.entries(r.statusCodeStats)
    .map(([code, s]) => `${code}: ${fmt(s.count)}`)
    .join(', ') || 'none';
const ms = (n: number) => `${n.toFixed(0)} ms`;

interface Phase {
  reads: Result;
  health: Result;
  heavyAnonymous: Result;
  heavyToken: Result;
  flood: Result;
  slow: Record<string, number>;
  streams: { ok: number; other: number; closedEarly: number };
  samples: Sample[];
  started: number;
  /** Where the memory is judged from: after the warm-up. */
  measured: number;
  ended: number;
  load: string;
  loadEnd: string;
}

const loadNow = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

/** One goal of the run as bench/results/hostile.json gives it: figures in `unit`, the ratio to the baseline. */
const goal = (
  measure: string,
  text: string,
  unit: string,
  measured: number,
  baseline: number,
  met: boolean,
): Goal => ({
  measure,
  goal: text,
  measured: `${measured.toFixed(unit === 'ms' ? 0 : 1)} ${unit}`,
  baseline: `${baseline.toFixed(unit === 'ms' ? 0 : 1)} ${unit}`,
  ratio: baseline === 0 ? 'n/a' : `${(measured / baseline).toFixed(2)}×`,
  met,
});

/** Runs the normal reads for `seconds` on a fresh server, beside the hostile `loads`. */
async function phase(
  db: Awaited<ReturnType<typeof benchDatabase>>,
  measuredSeconds: number,
  loads: Set<string>,
  warmupSeconds = 0,
): Promise<Phase> {
  const seconds = warmupSeconds + measuredSeconds;
  const [planner, flooder, dripper] = db.tokens as [string, string, string];
  const load = loadNow();
  const server = await startServer('truce', db.location);
  const url = server.url;
  const started = performance.now();
  const until = started + seconds * 1000;
  const streams = holdStreams(server.port, loads.has('streams') ? STREAMS : 0, until);
  const slow = slowBodies(server.port, dripper, loads.has('slow') ? SLOW_CLIENTS : 0, until);
  const run = (opts: Omit<AutocannonOptions, 'url' | 'duration' | 'timeout'>) =>
    autocannon({ url, duration: seconds, timeout: TIMEOUT, ...opts });
  const when = (name: string, opts: Parameters<typeof run>[0]) =>
    loads.has(name) ? run(opts) : Promise.resolve(noResult);
  const persons = JSON.stringify({
    records: Array.from({ length: 100 }, (_, i) => ({ names: { en: `Person ${i}`, ar: 'نور' }, age: 30 })),
  });
  const [reads, health, heavyAnonymous, heavyToken, flood] = await Promise.all([
    run({
      connections: READERS,
      requests: [
        { path: `/api/logs/${DEMO_LOG}/status` },
        { path: `/api/logs/${DEMO_LOG}/checkpoint` },
        { path: `/api/logs/${DEMO_LOG}/events?from=0&limit=100` },
        { path: '/api/agreements' },
        { path: `/api/agreements/${DEMO_LOG}` },
      ],
    }),
    healthProbe(url, seconds),
    when('plans', { connections: 4, requests: [{ path: WORST_PLAN }, { path: WORST_DIFF }] }),
    when('plans', {
      connections: 2,
      overallRate: TOKEN_RATE,
      requests: [
        { path: WORST_PLAN, headers: { authorization: `Bearer ${planner}` } },
        { path: WORST_DIFF, headers: { authorization: `Bearer ${planner}` } },
      ],
    }),
    when('persons', {
      connections: 1,
      overallRate: TOKEN_RATE,
      requests: [
        {
          method: 'POST',
          path: `/api/logs/${OWN_LOG}/persons`,
          headers: { authorization: `Bearer ${flooder}`, 'content-type': 'application/json' },
          body: persons,
        },
      ],
    }),
  ]);
  const ended = performance.now();
  await slow.done;
  const opened = { ...streams.opened };
  streams.close();
  await server.stop();
  return {
    reads,
    health,
    heavyAnonymous,
    heavyToken,
    flood,
    slow: slow.answers,
    streams: opened,
    samples: within(server.samples, started, ended),
    started,
    measured: started + warmupSeconds * 1000,
    ended,
    load,
    loadEnd: loadNow(),
  };
}

async function main(): Promise<void> {
  const db = await benchDatabase(OWN_LOG, [
    { actor: 'monitor', role: 'monitor' },
    { actor: 'party-a', role: 'party' },
    { actor: 'party-b', role: 'party' },
  ]);
  const baseline = await phase(db, BASELINE_SECONDS, new Set());
  const hostile = await phase(db, SECONDS, LOADS, WARMUP_SECONDS);
  await db.remove();

  const points = (p: Phase) =>
    within(p.samples, p.measured, p.ended).map((s) => ({
      seconds: (s.at - p.measured) / 1000,
      mib: s.rss / 2 ** 20,
    }));
  const memory = memoryFlatness(points(hostile));
  const delays = (p: Phase) => {
    const d = p.samples.map((s) => s.delayP99).sort((a, b) => a - b);
    return `${ms(d[Math.floor(d.length / 2)] ?? 0)} / ${ms(Math.max(0, ...p.samples.map((s) => s.delayMax)))}`;
  };
  const share = (p: Phase, of: 'ranMs' | 'waitedMs') =>
    `${Math.round((100 * p.samples.reduce((a, s) => a + s[of], 0)) / Math.max(1, p.ended - p.started))}%`;
  const row = (name: string, r: Result) =>
    `| ${name} | ${fmt(r.requests.total)} | ${r.latency.p50} ms | ${r.latency.p99} ms | ${r.latency.max} ms | ${codes(r)} | ${r.errors + r.timeouts} |`;
  const bad = failed(hostile.reads) + failed(hostile.health);
  const slowest = Math.max(hostile.reads.latency.p99, hostile.health.latency.p99);
  writeSection('Server under hostile load', [
    `${Math.round((hostile.ended - hostile.started) / 1000)} s at once against \`truce serve\` (SQLite, default limits, ${HOST}), in its own process: ${READERS} connections of normal public reads (the demo log's status as of now, its checkpoint, a page of 100 events, the agreements and one agreement) and one client asking for /api/health 10 times a second from a process of its own (bench/health-probe.ts: apart from the load generators, so that it times the server, not a busy client), beside: 4 anonymous connections asking for the worst allowed plan (\`extend=3650\`, 3,654 days) and comparison (both sides delayed 8,760 h) — limited to 60 a minute for the address; a token asking for the same at ${TOKEN_RATE}/s (within its 600 a minute); a party's token adding 100 person records a request at ${TOKEN_RATE}/s; ${SLOW_CLIENTS} clients sending a persons body a byte a second (cut at 10 s); ${STREAMS} open event streams. Baseline: the same normal reads and health requests alone for ${BASELINE_SECONDS} s, on a fresh server, just before. The machine was shared with other sessions' tests: load average (1, 5, 15 min) ${baseline.load} when the baseline began, ${hostile.load} when the hostile load began, ${hostile.loadEnd} when it ended.`,
    '',
    '| traffic | requests | p50 | p99 | max | status codes | errors and timeouts |',
    '|---|---|---|---|---|---|---|',
    row('baseline: normal public reads alone', baseline.reads),
    row('baseline: GET /api/health alone', baseline.health),
    row('normal public reads', hostile.reads),
    row('GET /api/health', hostile.health),
    row('worst plan and diff, anonymous', hostile.heavyAnonymous),
    row('worst plan and diff, with a token', hostile.heavyToken),
    row('persons flood, with a token', hostile.flood),
    '',
    `Slow bodies: ${Object.entries(hostile.slow)
      .map(([code, n]) => `${code}: ${n}`)
      .join(
        ', ',
      )}. Event streams: ${hostile.streams.ok} opened (200), ${hostile.streams.other} refused, ${hostile.streams.closedEarly} closed before the end. The server's event-loop delay (median of each second's p99 / most): ${delays(baseline)} alone, ${delays(hostile)} under the hostile load. Its main thread (the event loop) ran ${share(baseline, 'ranMs')} and waited for a CPU, ready to run, ${share(baseline, 'waitedMs')} of the time alone; ${share(hostile, 'ranMs')} and ${share(hostile, 'waitedMs')} under the hostile load (Linux schedstat).`,
    '',
    ...memoryTable(
      within(hostile.samples, hostile.measured, hostile.ended),
      hostile.measured,
      hostile.ended,
      'JS heap used (main thread)',
    ),
    '',
    `The table is of the ${Math.round((hostile.ended - hostile.measured) / 1000)} s after a warm-up of ${WARMUP_SECONDS} s under the same load (counted in the requests above). RSS, mean of each 10 s from the start of the load: ${tenths(hostile.samples, hostile.started).join(', ')} MiB. After the warm-up its trend (Theil–Sen: the median slope between every two samples, which collections' saw does not move) was ${memory.mibPerMinute.toFixed(1)} MiB a minute: ${memory.growthMib.toFixed(1)} MiB over the window, ${memory.flat ? 'flat' : 'not flat'} by the criterion that it grew by less than ${FLAT_SHARE * 100}% of the ${memory.medianMib.toFixed(0)} MiB held (median; memory given back is not growth). Normal reads that failed: ${failed(hostile.reads)}; health requests that failed: ${failed(hostile.health)}; the slower p99 of the two: ${slowest} ms (${slowest < 100 ? 'under' : 'over'} 100 ms).`,
  ]);
  writeGoals('hostile', [
    {
      ...goal(
        'hostile load: normal reads p99',
        '< 100 ms, no error',
        'ms',
        hostile.reads.latency.p99,
        baseline.reads.latency.p99,
        hostile.reads.latency.p99 < 100 && failed(hostile.reads) === 0,
      ),
      measured: `${hostile.reads.latency.p99} ms, ${failed(hostile.reads)} failed`,
    },
    goal(
      'hostile load: /api/health p99',
      '< 100 ms',
      'ms',
      hostile.health.latency.p99,
      baseline.health.latency.p99,
      hostile.health.latency.p99 < 100,
    ),
    {
      ...goal(
        'hostile load: server memory',
        `flat: growth over the ${SECONDS} s after a ${WARMUP_SECONDS} s warm-up < ${FLAT_SHARE * 100}% of the memory held`,
        'MiB',
        memory.growthMib,
        FLAT_SHARE * memory.medianMib,
        memory.flat,
      ),
      measured: `${memory.growthMib.toFixed(1)} MiB over ${SECONDS} s (trend ${memory.mibPerMinute.toFixed(1)} MiB/min; ${memory.medianMib.toFixed(0)} MiB held)`,
      baseline: `${(FLAT_SHARE * memory.medianMib).toFixed(1)} MiB (${FLAT_SHARE * 100}% of the memory held)`,
    },
  ]);
  if (bad || slowest >= 100 || !memory.flat) process.exitCode = 1;
}

await main();
