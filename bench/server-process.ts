/**
 * What the server benchmarks share: a scratch SQLite database holding the Nov 2023 demo log (as
 * `truce serve --demo` imports it) and a log of our own whose keys we hold; `truce serve` (or a bare
 * Fastify server, the baseline: a hello-world, or one answering recorded responses byte for byte) in
 * a child process on 127.0.0.1, so that the load generator (autocannon, in the parent) does not
 * share its event loop, reporting its memory and event-loop delay every second; autocannon's types;
 * and the figures both write.
 * Run directly, it is that child: `node bench/server-process.ts serve hello|bytes|truce [location]`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { buildApp } from '../src/server/app.ts';
import { importDemoLog } from '../src/server/demo-log.ts';
import { SERVER_HEAP_FLAGS } from '../src/server/server-heap-flags.ts';
import { sharedJudgingPool, sharedWorkPool } from '../src/server/work-pool.ts';
import { openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { TokenStore } from '../src/store/token-store.ts';
import { scratchLocation } from '../test/helpers/databases.ts';
import { ledgerFixture } from '../test/helpers/ledger-fixture.ts';

type LedgerFixture = ReturnType<typeof ledgerFixture>;

export const HOST = '127.0.0.1';
export const DEMO_LOG = 'nov-2023-pause';

/** What the benchmarks read of an autocannon result. */
export interface Result {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number; average: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}
export interface Request {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: Request) => Request;
}
export interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  method?: string;
  headers?: Record<string, string>;
  requests?: Request[];
  connectionRate?: number;
  overallRate?: number;
  timeout?: number;
}
/** autocannon, loaded when first used (the server's child process never loads it). */
export function autocannon(opts: AutocannonOptions): Promise<Result> {
  const run = createRequire(import.meta.url)('autocannon') as (opts: AutocannonOptions) => Promise<Result>;
  return run(opts);
}

/** A result of no requests, for a load that was not run. */
export const noResult: Result = {
  requests: { average: 0, total: 0 },
  latency: { p50: 0, p99: 0, max: 0, average: 0 },
  '2xx': 0,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  statusCodeStats: {},
};

/** What the server reports each second: its memory, and its event loop's delay over that second. */
export interface Sample {
  at: number;
  rss: number;
  heap: number;
  /** The JS heap V8 has reserved for the main thread (heapUsed is what its objects use of it). */
  heapTotal: number;
  /** The JS heap V8 has reserved for the shared pools' worker threads (plans, judging), summed. */
  workersHeap: number;
  /** Memory outside the main thread's JS heap that its objects hold (buffers, sockets' data). */
  external: number;
  /** The event loop's delay in the second before, ms: 99th percentile and most. */
  delayP99: number;
  delayMax: number;
  /** The server's main thread in the second before, ms: running, and ready but waiting for a CPU (Linux schedstat; 0 elsewhere). */
  ranMs: number;
  waitedMs: number;
}
type Message = { port: number } | Omit<Sample, 'at'>;

/** A response recorded from the server, for the bare Fastify baseline to answer byte for byte. */
export interface Recorded {
  path: string;
  status: number;
  /** Its headers but those of the connection and framing (date, content-length, keep-alive…). */
  headers: Record<string, string>;
  /** The body, base64. */
  body: string;
}

/** Headers that belong to the connection or the framing, not the response: Node sets its own. */
const FRAMING = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** Records a GET of `url` as a bare server would replay it. */
export async function record(url: string): Promise<Recorded> {
  const response = await fetch(url);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!FRAMING.has(name)) headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer()).toString('base64');
  return { path: new URL(url).pathname, status: response.status, headers, body };
}

/** The scratch database of a server benchmark, its own log's fixture, and tokens for that log. */
export interface BenchDatabase {
  location: string;
  fixture: LedgerFixture;
  /** The size of the own log once `events` were appended. */
  size: number;
  tokens: string[];
  remove(): Promise<void>;
}

/**
 * A scratch SQLite database: the demo log, and `log` (the fixture's genesis, then `events` of its
 * batches); one token per entry of `tokens` for that log.
 */
export async function benchDatabase(
  log: string,
  tokens: { actor: string; role: 'party' | 'monitor' }[],
  events: (f: LedgerFixture) => Uint8Array[][] = () => [],
): Promise<BenchDatabase> {
  const scratch = await scratchLocation('sqlite');
  const database = await openDatabase(scratch.location);
  const store = new LedgerStore(database, nodeCrypto);
  await importDemoLog(store, nodeCrypto);
  const fixture = ledgerFixture(log);
  await fixture.createLog(store);
  await store.append(log, fixture.genesis());
  for (const batch of events(fixture)) await store.append(log, batch);
  const size = (await store.requireLog(log)).size;
  const tokenStore = new TokenStore(database);
  const created: string[] = [];
  for (const { actor, role } of tokens)
    created.push(
      (await tokenStore.create({ log, actor, role, party: role === 'party' ? actor : null })).token,
    );
  await database.close();
  return { location: scratch.location, fixture, size, tokens: created, remove: scratch.remove };
}

/** The main thread's time on a CPU and waiting for one, in ms (Linux: /proc/thread-self/schedstat). */
function schedstat(): { ran: number; waited: number } {
  try {
    const [ran, waited] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    return { ran: ran! / 1e6, waited: waited! / 1e6 };
  } catch {
    return { ran: 0, waited: 0 };
  }
}

/** In the child: a server on 127.0.0.1 at a free port, reporting its port, then every second its memory and loop delay. */
async function serve(kind: string, location: string | undefined): Promise<void> {
  let app: FastifyInstance;
  let close = async () => {};
  // The logger as `truce serve` has it (warnings and errors, to stderr), for both.
  const logger = { level: 'warn', stream: process.stderr };
  if (kind === 'hello') {
    app = Fastify({ logger });
    app.get('/', async () => ({ hello: 'world' }));
  } else if (kind === 'bytes') {
    // A bare Fastify 5 server answering each recorded path with the same status, headers and bytes.
    app = Fastify({ logger });
    for (const r of JSON.parse(readFileSync(location!, 'utf8')) as Recorded[]) {
      const body = Buffer.from(r.body, 'base64');
      app.get(r.path, (_request, reply) => {
        reply.code(r.status).headers(r.headers).send(body);
      });
    }
  } else {
    const database = await openDatabase(location!);
    app = await buildApp({ database, crypto: nodeCrypto, logger });
    close = () => database.close();
  }
  await app.listen({ host: HOST, port: 0 });
  process.send!({ port: (app.server.address() as AddressInfo).port } satisfies Message);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let sched = schedstat();
  // The workers' heaps are asked for in the background: the answer of the second before is sent.
  let workersHeap = 0;
  const countWorkers = async () => {
    const heaps = [...(await sharedWorkPool.heaps()), ...(await sharedJudgingPool.heaps())];
    workersHeap = heaps.reduce((sum, h) => sum + h.total, 0);
  };
  const timer = setInterval(() => {
    void countWorkers();
    const m = process.memoryUsage();
    const now = schedstat();
    const sample = {
      rss: m.rss,
      heap: m.heapUsed,
      heapTotal: m.heapTotal,
      workersHeap,
      external: m.external,
      delayP99: delay.percentile(99) / 1e6,
      delayMax: delay.max / 1e6,
      ranMs: now.ran - sched.ran,
      waitedMs: now.waited - sched.waited,
    } satisfies Message;
    sched = now;
    delay.reset();
    if (process.connected) process.send!(sample, () => {});
  }, 1000);
  process.on('disconnect', async () => {
    clearInterval(timer);
    delay.disable();
    await app.close();
    await close();
    process.exit(0);
  });
}

export interface Server {
  url: string;
  port: number;
  samples: Sample[];
  stop(): Promise<void>;
}

/**
 * Starts a server in a child process (the same Node) and waits for its port: `location` is the
 * database of `truce`, the JSON file of Recorded responses of `bytes`. BENCH_PROFILE=dir writes
 * the child's CPU profile (--cpu-prof) into dir when it stops.
 */
export function startServer(kind: 'hello' | 'bytes' | 'truce', location?: string): Promise<Server> {
  const profile = process.env.BENCH_PROFILE;
  const child: ChildProcess = fork(
    fileURLToPath(import.meta.url),
    ['serve', kind, ...(location ? [location] : [])],
    {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // As `truce serve` runs (src/cli/serve-relaunch.ts): with the server's V8 flags.
      execArgv: [
        ...SERVER_HEAP_FLAGS,
        ...process.execArgv,
        ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
      ],
    },
  );
  const samples: Sample[] = [];
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the ${kind} server exited (${code}) before listening`)));
    child.on('message', (m: Message) => {
      if ('rss' in m) samples.push({ at: performance.now(), ...m });
      else
        resolve({
          url: `http://${HOST}:${m.port}`,
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

export const failed = (r: Result) => r.non2xx + r.errors + r.timeouts;
export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** The samples taken between `started` and `ended` (performance.now()). */
export const within = (samples: Sample[], started: number, ended: number) =>
  samples.filter((s) => s.at >= started && s.at <= ended);

/** Mean RSS of each 10 s of the samples, in MiB. */
export function tenths(samples: Sample[], start: number): string[] {
  const spans: number[][] = [];
  for (const s of samples) {
    const i = Math.floor((s.at - start) / 10_000);
    spans[i] = [...(spans[i] ?? []), s.rss];
  }
  return spans.filter(Boolean).map((xs) => (mean(xs) / 2 ** 20).toFixed(0));
}

/** The memory table of a window of samples: its first and last 10 s, its most. */
export function memoryTable(
  window: Sample[],
  started: number,
  ended: number,
  heapName = 'JS heap used',
): string[] {
  const first = window.filter((s) => s.at - started < 10_000);
  const last = window.filter((s) => ended - s.at < 10_000);
  const row = (name: string, of: (s: Sample) => number) =>
    `| ${name} | ${mib(mean(first.map(of)))} | ${mib(mean(last.map(of)))} | ${mib(Math.max(...window.map(of)))} | ${window.length} |`;
  return [
    '| server memory | first 10 s, mean | last 10 s, mean | max | samples |',
    '|---|---|---|---|---|',
    row('RSS', (s) => s.rss),
    row(heapName, (s) => s.heap),
    row('JS heap reserved (main thread)', (s) => s.heapTotal),
    row('JS heap reserved by the worker threads', (s) => s.workersHeap),
    row('outside the JS heap, held by the main thread (buffers)', (s) => s.external),
  ];
}

if (import.meta.main && process.argv[2] === 'serve') await serve(process.argv[3]!, process.argv[4]);
