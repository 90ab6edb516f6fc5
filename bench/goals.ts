/**
 * The goals of the scale work, one row each, assembled from the figures the benchmarks wrote to
 * bench/results/*.json (each with its own date, machine and load average). Writes the section
 * "Goals" at the top of bench/RESULTS.md and prints it. A goal no benchmark measured says so and
 * counts as not met. Run: node bench/goals.ts (the last step of `npm run bench`).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type GoalFile, goalFileSchema } from './goal-record.ts';

const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const DIR = fileURLToPath(new URL('./results/', import.meta.url));

/** The goals in the order the issue states them; a measured row is matched by its measure's prefix. */
export const GOALS: { measure: string; goal: string }[] = [
  {
    measure: 'compliance update after one appended event, at 1,000,000 events',
    goal: '≤ 1 ms p99, same result as a full evaluation',
  },
  { measure: 'full evaluation from cold, 1,000,000 events', goal: '≤ 2 s' },
  { measure: 'status document', goal: 'independent of the log’s length' },
  { measure: 'append, SQLite, one event per transaction', goal: '≥ 0.5× raw durable inserts' },
  {
    measure: 'append, PostgreSQL, 2 writers (2 processes)',
    goal: '≥ 0.5× raw inserts; gapless; two writers faster than one',
  },
  { measure: 'truce verify', goal: '≥ 0.9× raw Ed25519 verify × cores, < 300 MB at 1M' },
  { measure: 'public reads', goal: '≥ 0.8× bare Fastify, same bytes; p99 ≤ 2×' },
  { measure: 'dashboard on a 1,000,000-event log', goal: 'first figure < 1 s; JS ≤ 250 KB gzipped' },
  { measure: 'server memory at 1M events under 60 s mixed load', goal: 'flat, < 500 MB RSS' },
  // Issue 13's hostile-load acceptance, beside the scale goals.
  { measure: 'hostile load: normal reads p99', goal: '< 100 ms, no error' },
  { measure: 'hostile load: /api/health p99', goal: '< 100 ms' },
  { measure: 'hostile load: server memory', goal: 'flat (< 10 MiB/min over the last third)' },
];

export interface GoalRow {
  measure: string;
  goal: string;
  measured: string;
  baseline: string;
  ratio: string;
  met: boolean;
  run: string;
}

function readFiles(dir: string): { name: string; file: GoalFile }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => {
      const parsed = goalFileSchema.safeParse(JSON.parse(readFileSync(`${dir}${name}`, 'utf8')));
      if (!parsed.success)
        throw new Error(`bench/results/${name} is not a goals file: ${parsed.error.issues[0]?.message}`);
      return { name, file: parsed.data };
    });
}

/** One row per goal; every measured row whose measure starts with the goal's, else "not measured". */
export function goalRows(files: { name: string; file: GoalFile }[]): GoalRow[] {
  const measured = files.flatMap(({ name, file }) =>
    file.goals.map((g) => ({ ...g, run: `${name.replace(/\.json$/, '')}, ${file.date}, load ${file.load}` })),
  );
  return GOALS.flatMap((goal) => {
    const rows = measured.filter((m) => m.measure.startsWith(goal.measure));
    if (rows.length === 0)
      return [{ ...goal, measured: 'not measured', baseline: '—', ratio: '—', met: false, run: '—' }];
    return rows.map((m) => ({ ...m, goal: m.goal || goal.goal }));
  });
}

/** A cell safe in a Markdown table. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function goalsSection(rows: GoalRow[], files: { name: string; file: GoalFile }[]): string {
  const met = rows.filter((r) => r.met).length;
  const lines = [
    '## Goals',
    '',
    `${met} of ${rows.length} rows met. Each row is from the benchmark run named in its last column (its date and the machine's load average as that benchmark wrote it: 1, 5 and 15 min unless it says otherwise); the runs:`,
    '',
    ...files.map(
      ({ name, file }) =>
        `- ${name.replace(/\.json$/, '')}: ${file.date}, ${file.machine}, load ${file.load}`,
    ),
    '',
    '| measure | goal | measured | baseline | ratio | met | run |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${cell(r.measure)} | ${cell(r.goal)} | ${cell(r.measured)} | ${cell(r.baseline)} | ${cell(r.ratio)} | ${r.met ? 'yes' : 'no'} | ${cell(r.run)} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** `text` with its "## Goals" section replaced by `section`, or with `section` put first. */
export function withGoals(text: string, section: string): string {
  const without = text.replace(/## Goals\n[\s\S]*?(?=\n## |$)/, '').replace(/\n{3,}/g, '\n\n');
  const first = without.indexOf('\n## ');
  const head = first < 0 ? without.trimEnd() : without.slice(0, first).trimEnd();
  const rest = first < 0 ? '' : without.slice(first + 1);
  return `${head}\n\n${section.trimEnd()}\n\n${rest}`.trimEnd().concat('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = readFiles(DIR);
  const section = goalsSection(goalRows(files), files);
  writeFileSync(RESULTS, withGoals(readFileSync(RESULTS, 'utf8'), section));
  console.log(section);
}
