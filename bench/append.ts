/**
 * Append benchmark: one signed event per transaction, appended by writer processes
 * (bench/append-writer.ts), against raw inserts of the same bytes by the same processes with the
 * same durability by the same means (SQLite: the store's own connection, a commit on the disk
 * before it resolves, its write-ahead log flushed off the event loop and copied into the file by
 * the store's checkpointing thread; PostgreSQL's defaults), in interleaved rounds
 * (append, rows alone, raw, append, …) so that all see the same machine. "Rows alone" writes the
 * rows an append writes, by the same processes, with no check or planning (append-writer.ts
 * `rows`): what the database's own work for those rows bounds an append at. SQLite with one writer;
 * PostgreSQL with one writer and with two writer processes on one log, which must stay gapless
 * and verify. Writes the "Append" section of bench/RESULTS.md and bench/results/append.json.
 * Run: node bench/append.ts (PostgreSQL at TRUCE_TEST_POSTGRES or 127.0.0.1:5432).
 */
import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { formatSignerKey } from '../src/core/ledger/signed-note.ts';
import type { LogMaterial } from '../src/core/ledger/verify-log.ts';
import { verifyLog } from '../src/core/ledger/verify-log.ts';
import { storeMaterial } from '../src/export/store-material.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { type Database, openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { scratchLocation } from '../test/helpers/databases.ts';
import { ledgerFixture } from '../test/helpers/ledger-fixture.ts';
import { writeGoals } from './goal-record.ts';
import { rate } from './machine.ts';
import { writeSection } from './results.ts';

const ROUNDS = Number(process.env.BENCH_APPEND_ROUNDS ?? 6);
const PER_ROUND = Number(process.env.BENCH_APPEND_PER_ROUND ?? 300);
const WRITER = fileURLToPath(new URL('./append-writer.ts', import.meta.url));
/** The log the writers' `rows` command writes to: apart from the log appended to, which must verify. */
const FLOOR_LOG = 'bench-rows-alone';

/** A writer process and its answers, one line per command. */
class Writer {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: Interface;
  private readonly waiting: ((line: string) => void)[] = [];
  private stderr = '';

  constructor(location: string, log: string, tag: string, key: string) {
    this.child = spawn(process.execPath, [WRITER, location, log, tag, FLOOR_LOG], {
      env: { ...process.env, TRUCE_BENCH_KEY: key },
    });
    this.child.stderr.on('data', (d) => {
      this.stderr += d;
    });
    this.lines = createInterface({ input: this.child.stdout });
    this.lines.on('line', (line) => this.waiting.shift()?.(line));
    this.child.on('exit', (code) => {
      if (code !== 0) for (const w of this.waiting.splice(0)) w(`failed ${this.stderr}`);
    });
  }

  send(command: string): Promise<string> {
    return new Promise((resolve, reject) => {
      this.waiting.push((line) => (line.startsWith('failed') ? reject(new Error(line)) : resolve(line)));
      this.child.stdin.write(`${command}\n`);
    });
  }

  quit(): Promise<void> {
    return new Promise((resolve) => {
      this.child.on('exit', () => resolve());
      this.child.stdin.end('quit\n');
    });
  }
}

interface Tally {
  events: number;
  ms: number;
  /** CPU time the writer processes used (user + system), all together. */
  cpuMs: number;
  /** PostgreSQL: CPU time the server's processes serving the writers used (user + system). */
  databaseCpuMs: number;
  rounds: number[];
}

const tally = (): Tally => ({ events: 0, ms: 0, cpuMs: 0, databaseCpuMs: 0, rounds: [] });

/** Clock ticks a second of /proc's CPU times. */
const TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/**
 * PostgreSQL (on this machine): the CPU time (user + system, ms) each server process connected to
 * the bench's scratch database has used, by process id, from /proc; the parent's own connection
 * aside. Empty when the server is elsewhere (no /proc entry to read).
 */
async function serverCpu(database: Database): Promise<Map<number, number>> {
  const cpu = new Map<number, number>();
  if (database.dialect !== 'postgres') return cpu;
  const r = await database.pool!.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  for (const { pid } of r.rows) {
    try {
      // Fields 14 and 15 (utime, stime), counted after the command's closing parenthesis.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      cpu.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS);
    } catch {
      // Gone meanwhile, or not on this machine.
    }
  }
  return cpu;
}

/** One timed round: every writer runs `command` on the events it prepared; wall time from start to the last done. */
async function round(database: Database, writers: Writer[], command: 'append' | 'rows' | 'raw', into: Tally) {
  const before = await serverCpu(database);
  const t = performance.now();
  const answers = await Promise.all(writers.map((w) => w.send(command)));
  const ms = performance.now() - t;
  const after = await serverCpu(database);
  const events = writers.length * PER_ROUND;
  into.events += events;
  into.ms += ms;
  into.cpuMs += answers.reduce((sum, a) => sum + Number(a.split(' ')[2]), 0);
  for (const [pid, used] of after) into.databaseCpuMs += used - (before.get(pid) ?? 0);
  into.rounds.push((events * 1000) / ms);
}

const perSecond = (t: Tally) => (t.events * 1000) / t.ms;

interface BackendResult {
  append: Tally[];
  rows: Tally[];
  raw: Tally[];
  size: number;
  gapless: boolean;
  problems: number;
  /** SQLite: the log, kept open for the verify benchmark until `close`. */
  material?: LogMaterial;
  close(): Promise<void>;
}

/**
 * Runs the rounds on one backend with each count of writers in `writerCounts`: per round, for each
 * count, an append round, a round of the rows alone, then a raw round, of the same bytes. Then checks the log: indexes 0..size-1
 * each once, and verifyLog finds no problem.
 */
async function backend(dialect: 'sqlite' | 'postgres', writerCounts: number[]): Promise<BackendResult> {
  const scratch = await scratchLocation(dialect);
  const database = await openDatabase(scratch.location);
  const store = new LedgerStore(database, nodeCrypto);
  const f = ledgerFixture();
  await store.createLog({
    id: f.logId,
    origin: 'bench',
    logKey: f.operatorKey,
    createdAt: new Date().toISOString(),
  });
  await store.append(f.logId, f.genesis());
  await store.createLog({
    id: FLOOR_LOG,
    origin: FLOOR_LOG,
    logKey: f.operatorKey,
    createdAt: new Date().toISOString(),
  });
  await sql`create table bench_raw (id ${sql.raw(dialect === 'postgres' ? 'bigserial' : 'integer')} primary key, data ${sql.raw(dialect === 'postgres' ? 'bytea' : 'blob')})`.execute(
    database.db,
  );
  const keys = [f.keys.monitor!, f.keys['party-a']!];
  const writers = keys
    .slice(0, Math.max(...writerCounts))
    .map((k, i) => new Writer(scratch.location, f.logId, `w${i}`, formatSignerKey(k)));
  // SQLite: the write-ahead log copied into the database file and emptied before each round (not
  // timed), so that each round pays for copying its own writes (a checkpoint by whichever
  // connection crosses 1,000 pages, or the store's checkpointing thread), not for the last one's.
  const settle = async () => {
    if (dialect === 'sqlite') await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(database.db);
  };
  const timed = async (active: Writer[], command: 'append' | 'rows' | 'raw', into: Tally) => {
    await settle();
    await round(database, active, command, into);
  };
  const append = writerCounts.map(tally);
  const rows = writerCounts.map(tally);
  const raw = writerCounts.map(tally);
  // One round of each, untimed: the processes' code compiled and the databases' caches warm.
  for (const count of writerCounts) {
    const active = writers.slice(0, count);
    await Promise.all(active.map((w) => w.send(`prep ${PER_ROUND}`)));
    await timed(active, 'append', tally());
    await timed(active, 'rows', tally());
    await timed(active, 'raw', tally());
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const [k, count] of writerCounts.entries()) {
      const active = writers.slice(0, count);
      await Promise.all(active.map((w) => w.send(`prep ${PER_ROUND}`)));
      await timed(active, 'append', append[k]!);
      await timed(active, 'rows', rows[k]!);
      await timed(active, 'raw', raw[k]!);
      console.error(
        `${dialect}, ${count} writer(s), round ${r + 1}: append ${Math.round(append[k]!.rounds.at(-1)!)}/s, rows alone ${Math.round(rows[k]!.rounds.at(-1)!)}/s, raw ${Math.round(raw[k]!.rounds.at(-1)!)}/s`,
      );
    }
  }
  await Promise.all(writers.map((w) => w.quit()));
  const log = await store.requireLog(f.logId);
  const indexes = await database.db
    .selectFrom('truce_entry')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('idx').as('lo'), eb.fn.max('idx').as('hi')])
    .where('log_id', '=', f.logId)
    .executeTakeFirstOrThrow();
  const expected = 5 + (ROUNDS + 1) * PER_ROUND * writerCounts.reduce((a, b) => a + b, 0);
  const gapless =
    log.size === expected &&
    Number(indexes.n) === expected &&
    Number(indexes.lo) === 0 &&
    Number(indexes.hi) === expected - 1;
  const material = await storeMaterial(store, f.logId);
  const report = await verifyLog(nodeCrypto, material);
  const close = async () => {
    await database.close();
    await scratch.remove();
  };
  if (dialect !== 'sqlite') await close();
  return {
    append,
    rows,
    raw,
    size: log.size,
    gapless,
    problems: report.problems.length,
    ...(dialect === 'sqlite' ? { material } : {}),
    close: dialect === 'sqlite' ? close : async () => {},
  };
}

/**
 * The append benchmark. Returns the SQLite log it appended, open, as verifyLog's material (for the
 * verify benchmark), and `close`, which closes and removes it.
 */
export async function appendBench(): Promise<{ material: LogMaterial; close(): Promise<void> }> {
  const loadBefore = loadavg()[0]!;
  const sqlite = await backend('sqlite', [1]);
  const postgres = await backend('postgres', [1, 2]);
  const loadAfter = loadavg()[0]!;
  const load = `1-min load average ${loadBefore.toFixed(2)} at start, ${loadAfter.toFixed(2)} at end`;
  const ratio = (a: Tally, b: Tally) => perSecond(a) / perSecond(b);
  const perRound = (t: Tally) => t.rounds.map((x) => Math.round(x)).join(', ');
  const cpu = (t: Tally) => `${(t.cpuMs / t.events).toFixed(2)} ms`;
  const serverMs = (t: Tally) => `${(t.databaseCpuMs / t.events).toFixed(2)} ms`;
  const row = (name: string, k: number, writers: number, checked: BackendResult) => {
    const [a, w, b] = [checked.append[k]!, checked.rows[k]!, checked.raw[k]!];
    return `| ${name} | ${writers} | ${rate(a.events, a.ms)} | ${rate(w.events, w.ms)} | ${rate(b.events, b.ms)} | ${ratio(a, b).toFixed(2)} | ${ratio(w, b).toFixed(2)} | ${cpu(a)} / ${cpu(w)} / ${cpu(b)} | ${name === 'postgres' ? `${serverMs(a)} / ${serverMs(w)} / ${serverMs(b)}` : 'in the writer'} | ${perRound(a)} | ${perRound(w)} | ${perRound(b)} | ${checked.gapless && checked.problems === 0 ? `gapless, verifies (${checked.size} events)` : `NOT gapless or does not verify (${checked.size} events, ${checked.problems} problems)`} |`;
  };
  writeSection('Append', [
    `${ROUNDS} interleaved rounds per backend and count of writers: ${PER_ROUND} signed events per writer process appended one per transaction; then the rows those appends write, written alone by the same processes into another log (no parsing, no signature check, no planning: on SQLite the entry, as many tree hashes as an append writes and the log's new size, root and edge, with bare prepared statements; on PostgreSQL the store's own one-statement append, truce_append_at_end, which computes the tree in the database from the tree's edge kept in the log's row); then the same bytes inserted raw, one per transaction. All with the same durability by the same means (SQLite: on the store's own connection, each commit on the disk before it resolves, the write-ahead log flushed off the event loop as the store does (synchronous=NORMAL, then fdatasync of the log: a commit as durable as with FULL) and copied into the file by the store's checkpointing thread, the log emptied before each round, untimed; PostgreSQL defaults). "Rows alone ÷ raw" is what the database's own work for an append's rows bounds the append at, whatever the code before it. Rates are events over the wall time of the rounds (all writers together), after one untimed round of each; CPU per event is the writer processes' own (user + system), which the other load on the machine does not inflate as much as wall time; the database server's is that of PostgreSQL's processes serving the writers' connections (from /proc; its background writers aside); SQLite's is in the writer's. On PostgreSQL an append's transaction commits without waiting for the disk (synchronous_commit off for it alone), so that the log's row lock, which keeps two appends from taking one index, is let go at the commit, and the append resolves once the write-ahead log is flushed past it (a second, tiny transaction whose commit flushes, src/store/pg-wal-flush.ts): two writers' flushes can be one, as two writers' raw inserts share a flush (group commit), where a lock held through the flush ordered them one after the other. The rows alone are committed the same way. The machine was shared: ${load} (2 cores).`,
    '',
    '| backend | writer processes | append | rows alone | raw insert | append ÷ raw | rows alone ÷ raw | CPU per event, append / rows alone / raw | database server CPU per event, append / rows alone / raw | append per round | rows alone per round | raw per round | the log after |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    row('sqlite', 0, 1, sqlite),
    row('postgres', 0, 1, postgres),
    row('postgres', 1, 2, postgres),
  ]);
  const sqliteRatio = ratio(sqlite.append[0]!, sqlite.raw[0]!);
  const pgRatio = ratio(postgres.append[1]!, postgres.raw[1]!);
  const pgGapless = postgres.gapless && postgres.problems === 0;
  const twoFaster = perSecond(postgres.append[1]!) > perSecond(postgres.append[0]!);
  const goals = [
    {
      measure: 'append, SQLite, one event per transaction',
      goal: '≥ 0.5× raw durable inserts',
      measured: `${rate(sqlite.append[0]!.events, sqlite.append[0]!.ms)}, CPU ${cpu(sqlite.append[0]!)} per event`,
      baseline: `${rate(sqlite.raw[0]!.events, sqlite.raw[0]!.ms)}, CPU ${cpu(sqlite.raw[0]!)} per event`,
      ratio: sqliteRatio.toFixed(2),
      met: sqliteRatio >= 0.5 && sqlite.gapless && sqlite.problems === 0,
    },
    {
      measure: 'append, PostgreSQL, 2 writers (2 processes)',
      goal: '≥ 0.5× raw inserts; gapless; two writers faster than one',
      measured: `${rate(postgres.append[1]!.events, postgres.append[1]!.ms)}, CPU ${cpu(postgres.append[1]!)} per event (+ ${serverMs(postgres.append[1]!)} the server's); 1 writer ${rate(postgres.append[0]!.events, postgres.append[0]!.ms)}`,
      baseline: `${rate(postgres.raw[1]!.events, postgres.raw[1]!.ms)}, CPU ${cpu(postgres.raw[1]!)} per event (+ ${serverMs(postgres.raw[1]!)} the server's)`,
      ratio: pgRatio.toFixed(2),
      met: pgRatio >= 0.5 && pgGapless && twoFaster,
    },
  ];
  writeGoals('append', goals, load);
  console.log(JSON.stringify(goals, null, 2));
  console.log(
    `postgres: 1 writer ${rate(postgres.append[0]!.events, postgres.append[0]!.ms)}, 2 writers ${rate(postgres.append[1]!.events, postgres.append[1]!.ms)}`,
  );
  return { material: sqlite.material!, close: () => sqlite.close() };
}

if (import.meta.main) await (await appendBench()).close();
