/**
 * A monitor's spreadsheet of BENCH_IMPORT_ROWS (default 100,000) rows imported with `truce import`
 * in one run on SQLite and on PostgreSQL, then the same file imported again (it adds nothing: each
 * row is found by its id, an indexed query). Each step is one `truce` command, timed with its peak
 * memory (/usr/bin/time). Baselines, measured in the same run: reading and signing the rows in
 * this process without storing them (the floor of an import), and, against the same database,
 * finding the rows' ids by reading every event of the log (how a re-import looked them up before
 * the row-id index) beside the indexed lookup of the same ids.
 * Run: nice node bench/monitor-import.ts (PostgreSQL at TRUCE_TEST_POSTGRES or 127.0.0.1:5432).
 * Writes the section "Monitor import" of bench/RESULTS.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvRows } from '../src/cli/monitor-rows.ts';
import { rowEnvelope } from '../src/cli/row-event.ts';
import { canonicalBytes } from '../src/core/ledger/canonical-json.ts';
import type { SignedEvent } from '../src/core/ledger/event.ts';
import { signCheckedEvent } from '../src/core/ledger/event-sign.ts';
import { formatVerifierKey, parseSignerKey } from '../src/core/ledger/signed-note.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { scratchLocation } from '../test/helpers/databases.ts';
import { writeSection } from './results.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const TRUCE = fileURLToPath(new URL('../bin/truce.js', import.meta.url));
const NOV = fileURLToPath(new URL('../examples/agreements/nov-2023-pause.yaml', import.meta.url));
const LOG = 'nov-2023-pause';
const SETUP = '2023-11-22T12:00:00+02:00';

/** Runs `truce ARGS` in `cwd` under /usr/bin/time: its output, seconds and peak memory (MB). */
function truce(cwd: string, ...args: string[]): { out: string; seconds: number; peakMb: number } {
  const report = join(tmpdir(), `truce-bench-time-${process.pid}`);
  const out = execFileSync('/usr/bin/time', ['-f', '%e %M', '-o', report, process.execPath, TRUCE, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [seconds, kb] = execFileSync('cat', [report], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
  return { out, seconds: seconds!, peakMb: Math.round(kb! / 1024) };
}

/** One row a minute: fixed figures, no clock, no randomness (as test/monitor-import-100k.test.ts). */
function sheet(n: number): string {
  const lines = ['id,kind,occurred_at,actor,date,quantity,unit,destination,source'];
  for (let i = 0; i < n; i++) {
    const t = new Date(Date.UTC(2023, 10, 24) + i * 60_000).toISOString();
    lines.push(
      `row-${i},aid.delivered,${t},monitor,${t.slice(0, 10)},${(i % 97) + 1},truck,north,UN 2720 mechanism`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

const seconds = (t: number) => (performance.now() - t) / 1000;
const rate = (s: number) => `${Math.round(ROWS / s).toLocaleString('en-US')}/s`;
const table: string[] = [];
const floors: string[] = [];

const work = await mkdtemp(join(tmpdir(), 'truce-import-bench-'));
try {
  for (const name of ['operator', 'monitor']) truce(work, 'keygen', name, '--out', `keys/${name}.key`);
  await writeFile(join(work, 'rows.csv'), sheet(ROWS));
  await writeFile(join(work, 'rows-1k.csv'), sheet(Math.min(1000, ROWS)));
  const monitor = parseSignerKey(nodeCrypto, (await readFile(join(work, 'keys/monitor.key'), 'utf8')).trim());

  // Baseline: the rows read and signed in this process, nothing stored.
  let t = performance.now();
  const rows = csvRows(await readFile(join(work, 'rows.csv'), 'utf8')).rows;
  const signed: SignedEvent[] = rows.map((row) =>
    signCheckedEvent(
      nodeCrypto,
      rowEnvelope(row, { log: LOG, recordedAt: SETUP, defaultActor: undefined, leafOfId: () => undefined }),
      monitor,
    ),
  );
  for (const s of signed) canonicalBytes(s);
  const floor = seconds(t);

  for (const backend of ['sqlite', 'postgres'] as const) {
    const scratch = await scratchLocation(backend);
    try {
      const db = ['--database', scratch.location];
      truce(work, 'log', 'init', NOV, '--key', 'keys/operator.key', '--occurred-at', SETUP, ...db);
      truce(
        work,
        'record',
        'actor.registered',
        '--key',
        'keys/operator.key',
        '--occurred-at',
        SETUP,
        ...['--field', 'actor=monitor', '--field', 'name=Monitor', '--field', 'role=monitor'],
        ...['--field', `key=${formatVerifierKey(monitor)}`],
        ...db,
      );
      const first = truce(work, 'import', 'rows.csv', '--keys', 'keys', '--json', ...db);
      const a = JSON.parse(first.out) as { added: number; duplicates: number };
      if (a.added !== ROWS) throw new Error(`${backend}: the import added ${a.added} of ${ROWS} rows`);
      const again = truce(work, 'import', 'rows.csv', '--keys', 'keys', '--json', ...db);
      const b = JSON.parse(again.out) as { added: number; duplicates: number };
      if (b.added !== 0 || b.duplicates !== ROWS)
        throw new Error(`${backend}: the re-import added ${b.added}, found ${b.duplicates}`);
      // A small sheet again into the big log: its cost is the sheet's, not the log's.
      const small = truce(work, 'import', 'rows-1k.csv', '--keys', 'keys', '--json', ...db);
      if ((JSON.parse(small.out) as { added: number }).added !== 0)
        throw new Error(`${backend}: the re-import of 1,000 rows added some`);

      // Baselines on the same database: every event read to find the ids, and the indexed lookup.
      const database = await openDatabase(scratch.location);
      try {
        const store = new LedgerStore(database, nodeCrypto);
        const size = (await store.requireLog(LOG)).size;
        t = performance.now();
        let found = 0;
        const decoder = new TextDecoder();
        for await (const page of store.rawEntryPages(LOG, { to: size }))
          for (const e of page) {
            const text = decoder.decode(e.bytes);
            if (text.includes('"id":"') && (JSON.parse(text) as SignedEvent).event.id) found++;
          }
        const scan = seconds(t);
        t = performance.now();
        const indexed = (
          await store.entriesWithIds(
            LOG,
            rows.map((_, i) => `row-${i}`),
          )
        ).size;
        const lookup = seconds(t);
        if (found !== ROWS || indexed !== ROWS)
          throw new Error(`${backend}: ${found} and ${indexed} ids found`);
        t = performance.now();
        const few = (
          await store.entriesWithIds(
            LOG,
            rows.slice(0, 1000).map((_, i) => `row-${i}`),
          )
        ).size;
        const fewLookup = seconds(t);
        if (few !== Math.min(1000, ROWS)) throw new Error(`${backend}: ${few} of 1,000 ids found`);
        table.push(
          `| ${backend} | ${first.seconds.toFixed(1)} s (${rate(first.seconds)}) | ${first.peakMb} MB | ${again.seconds.toFixed(1)} s, added 0 | ${small.seconds.toFixed(1)} s, added 0 | ${lookup.toFixed(2)} s | ${(fewLookup * 1000).toFixed(0)} ms | ${scan.toFixed(2)} s |`,
        );
      } finally {
        await database.close();
      }
    } finally {
      await scratch.remove();
    }
  }
  floors.push(`${floor.toFixed(1)} s (${rate(floor)})`);
  writeSection('Monitor import', [
    `${ROWS.toLocaleString('en-US')} rows of a monitor's CSV (aid.delivered, one a minute, each with an id), imported with \`truce import rows.csv --keys keys\` in one run (one transaction: every row signed, checked and appended), then the same file again; each a \`truce\` command timed with its peak resident memory. Load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' ',
      )} when the run ended (the machine is shared). Baselines in the same run: reading and signing the rows in this process without storing them, ${floors[0]}; and, on each database after the import, finding the ids by the row-id index (what a re-import does: its cost grows with the file, not the log), all of them and the first 1,000, beside reading every event of the log for them (what a re-import did before migration 0011, whatever the file's length). The re-imports are whole \`truce\` commands (start, reading and checking the file, the lookup).`,
    '',
    '| backend | import | peak memory | re-import of the same file | re-import of its first 1,000 rows | 100,000 ids by index | 1,000 ids by index | ids by reading the log (baseline) |',
    '|---|---|---|---|---|---|---|---|',
    ...table,
  ]);
} finally {
  await rm(work, { recursive: true, force: true });
}
