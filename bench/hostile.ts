/**
 * Hostile-load benchmark: `truce serve` (buildApp on a scratch SQLite database holding the Nov 2023
 * demo log and a log of our own) in a child process on 127.0.0.1, and for HOSTILE_SECONDS (60) at
 * once: the worst plan and comparison the API allows, anonymous (limited per address) and with a
 * token (within its limit); a flood of person records within the token's limit; clients that send
 * their bodies a byte a second; 500 open event streams; and beside them normal public reads. The
 * normal reads' latency (p99) and errors, and the server's memory each second, go to
 * bench/RESULTS.md. Everything runs on loopback, bounded in count and time.
 * Run: nice npx node bench/hostile.ts (HOSTILE_SECONDS to shorten).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { buildApp } from '../src/server/app.ts';
import { importDemoLog } from '../src/server/demo-log.ts';
import { openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { TokenStore } from '../src/store/token-store.ts';
import { scratchLocation } from '../test/helpers/databases.ts';
import { ledgerFixture } from '../test/helpers/ledger-fixture.ts';
import { writeSection } from './results.ts';

const SECONDS = Number(process.env.HOSTILE_SECONDS ?? 60);
const HOST = '127.0.0.1';
const DEMO_LOG = 'nov-2023-pause';
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

interface Result {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface Request {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  requests?: Request[];
  overallRate?: number;
  timeout?: number;
}) => Promise<Result>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

type Message = { port: number } | { rss: number; heap: number };

/** In the child: the server on 127.0.0.1 at a free port; its memory reported every second. */
async function serve(location: string): Promise<void> {
  const database = await openDatabase(location);
  const app = await buildApp({ database, crypto: nodeCrypto });
  await app.listen({ host: HOST, port: 0 });
  process.send!({ port: (app.server.address() as AddressInfo).port } satisfies Message);
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    if (process.connected) process.send!({ rss: m.rss, heap: m.heapUsed } satisfies Message, () => {});
  }, 1000);
  process.on('disconnect', async () => {
    clearInterval(timer);
    await app.close();
    await database.close();
    process.exit(0);
  });
}

interface Server {
  port: number;
  samples: { at: number; rss: number; heap: number }[];
  stop(): Promise<void>;
}

function startServer(location: string): Promise<Server> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['serve', location], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const samples: Server['samples'] = [];
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
    child.on('message', (m: Message) => {
      if ('rss' in m) samples.push({ at: performance.now(), rss: m.rss, heap: m.heap });
      else
        resolve({
          port: m.port,
          samples,
          stop: () =>
            new Promise<void>((done) => {
              child.removeAllListeners('exit');
              child.once('exit', () => done());
              child.disconnect();
            }),
        });
    });
  });
}

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

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const failed = (r: Result) => r.non2xx + r.errors + r.timeouts;
const codes = (r: Result) =>
  Object.entries(r.statusCodeStats)
    .map(([code, s]) => `${code}: ${fmt(s.count)}`)
    .join(', ') || 'none';

async function main(): Promise<void> {
  const scratch = await scratchLocation('sqlite');
  const database = await openDatabase(scratch.location);
  const store = new LedgerStore(database, nodeCrypto);
  await importDemoLog(store, nodeCrypto);
  const f = ledgerFixture(OWN_LOG);
  await f.createLog(store);
  await store.append(OWN_LOG, f.genesis());
  const tokens = new TokenStore(database);
  const token = async (actor: string, role: 'party' | 'monitor') =>
    (await tokens.create({ log: OWN_LOG, actor, role, party: role === 'party' ? actor : null })).token;
  const planner = await token('monitor', 'monitor');
  const flooder = await token('party-a', 'party');
  const dripper = await token('party-b', 'party');
  await database.close();

  const load1 = loadavg()[0]!.toFixed(1);
  const server = await startServer(scratch.location);
  const url = `http://${HOST}:${server.port}`;
  const started = performance.now();
  const until = started + SECONDS * 1000;
  const streams = holdStreams(server.port, LOADS.has('streams') ? STREAMS : 0, until);
  const slow = slowBodies(server.port, dripper, LOADS.has('slow') ? SLOW_CLIENTS : 0, until);
  const run = (opts: Omit<Parameters<Autocannon>[0], 'url' | 'duration' | 'timeout'>) =>
    autocannon({ url, duration: SECONDS, timeout: TIMEOUT, ...opts });
  const none: Result = {
    requests: { average: 0, total: 0 },
    latency: { p50: 0, p99: 0, max: 0 },
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    statusCodeStats: {},
  };
  const when = (load: string, opts: Parameters<typeof run>[0]) =>
    LOADS.has(load) ? run(opts) : Promise.resolve(none);
  const persons = JSON.stringify({
    records: Array.from({ length: 100 }, (_, i) => ({ names: { en: `Person ${i}`, ar: 'نور' }, age: 30 })),
  });
  const [reads, health, anonymousHeavy, tokenPlans, flood] = await Promise.all([
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
    run({ connections: 1, overallRate: 10, requests: [{ path: '/api/health' }] }),
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
  await scratch.remove();

  const window = server.samples.filter((s) => s.at >= started && s.at <= ended);
  const first = window.filter((s) => s.at - started < 10_000);
  const last = window.filter((s) => ended - s.at < 10_000);
  const tenths: number[][] = [];
  for (const s of window) {
    const i = Math.floor((s.at - started) / 10_000);
    tenths[i] = [...(tenths[i] ?? []), s.rss];
  }
  const row = (name: string, r: Result) =>
    `| ${name} | ${fmt(r.requests.total)} | ${r.latency.p50} ms | ${r.latency.p99} ms | ${r.latency.max} ms | ${codes(r)} | ${r.errors + r.timeouts} |`;
  writeSection('Server under hostile load', [
    `${Math.round((ended - started) / 1000)} s at once against \`truce serve\` (SQLite, default limits, ${HOST}), in its own process: ${READERS} connections of normal public reads (the demo log's status as of now, its checkpoint, a page of 100 events, the agreements and one agreement) and one client asking for /api/health 10 times a second, beside: 4 anonymous connections asking for the worst allowed plan (\`extend=3650\`, 3,654 days) and comparison (both sides delayed 8,760 h) — limited to 60 a minute for the address; a token asking for the same at ${TOKEN_RATE}/s (within its 600 a minute); a party's token adding 100 person records a request at ${TOKEN_RATE}/s; ${SLOW_CLIENTS} clients sending a persons body a byte a second (cut at 10 s); ${STREAMS} open event streams. The machine was shared: load average ${load1} when the run began.`,
    '',
    '| traffic | requests | p50 | p99 | max | status codes | errors and timeouts |',
    '|---|---|---|---|---|---|---|',
    row('normal public reads', reads),
    row('GET /api/health', health),
    row('worst plan and diff, anonymous', anonymousHeavy),
    row('worst plan and diff, with a token', tokenPlans),
    row('persons flood, with a token', flood),
    '',
    `Slow bodies: ${Object.entries(slow.answers)
      .map(([code, n]) => `${code}: ${n}`)
      .join(
        ', ',
      )}. Event streams: ${opened.ok} opened (200), ${opened.other} refused, ${opened.closedEarly} closed before the end.`,
    '',
    '| server memory | first 10 s, mean | last 10 s, mean | max | samples |',
    '|---|---|---|---|---|',
    `| RSS | ${mib(mean(first.map((s) => s.rss)))} | ${mib(mean(last.map((s) => s.rss)))} | ${mib(Math.max(...window.map((s) => s.rss)))} | ${window.length} |`,
    `| JS heap used (main thread) | ${mib(mean(first.map((s) => s.heap)))} | ${mib(mean(last.map((s) => s.heap)))} | ${mib(Math.max(...window.map((s) => s.heap)))} | ${window.length} |`,
    '',
    `RSS, mean of each 10 s: ${tenths
      .filter(Boolean)
      .map((xs) => (mean(xs) / 2 ** 20).toFixed(0))
      .join(
        ', ',
      )} MiB. Normal reads that failed: ${failed(reads)}; health requests that failed: ${failed(health)}.`,
  ]);
  if (failed(reads) || failed(health)) process.exitCode = 1;
}

if (process.argv[2] === 'serve') await serve(process.argv[3]!);
else await main();
