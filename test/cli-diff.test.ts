import { describe, expect, it } from 'vitest';
import type { Comparison } from '../src/core/compare/index.ts';
import { runCli } from './helpers/run-cli.ts';

const JAN = 'examples/agreements/jan-2025-ceasefire.yaml';
const FEB = 'examples/agreements/feb-2024-counter-proposal.yaml';
const NOV = 'examples/agreements/nov-2023-pause.yaml';

describe('truce diff', () => {
  it('Jan 2025 against Feb 2024: changed durations, totals and quotas, as a table', async () => {
    const r = await runCli('diff', JAN, FEB);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Phase 1 \(Phase 1\) duration\s+42 days, days 1–42\s+45 days, days 1–45/);
    expect(r.stdout).toMatch(/Total duration\s+126 days\s+135 days/);
    expect(r.stdout).toMatch(
      /released by Israel\s+990–1,650 persons\s+1,500 persons \(stated, not scheduled\)/,
    );
    expect(r.stdout).toMatch(/trucks per day\s+600 trucks\s+at least 500 trucks/);
    expect(r.stdout).toMatch(/~ Phase 1 length: 42 → 45 days/);
    expect(r.stdout).toMatch(/Outcomes by day/);
  });

  it('gives the same as data with --json, with the outcome curves by day', async () => {
    const r = await runCli('diff', JAN, FEB, '--json');
    expect(r.status).toBe(0);
    const c = JSON.parse(r.stdout) as Comparison;
    expect(c.a.id).toBe('jan-2025-ceasefire');
    expect(c.b.id).toBe('feb-2024-counter-proposal');
    expect(c.terms).toContainEqual(
      expect.objectContaining({
        path: 'phases[phase-1].lengthDays',
        change: 'changed',
        before: 42,
        after: 45,
      }),
    );
    expect(c.terms).toContainEqual(
      expect.objectContaining({ path: 'provisions[aid].perDay[trucks].quantity', before: 600, after: 500 }),
    );
    const hamas = c.outcomes.series.find((s) => s.key === 'hamas:person')!;
    expect(hamas.points.find((p) => p.day === 42)).toMatchObject({ a: 33, b: null });
    const trucks = c.outcomes.series.find((s) => s.key === 'israel:truck')!;
    expect(trucks.points.find((p) => p.day === 20)).toMatchObject({ a: 12_000, b: 10_000 });
  });

  it('answers "how many go home by day N" for a what-if applied to both', async () => {
    const r = await runCli('diff', NOV, NOV, '--extend', '3', '--json');
    const c = JSON.parse(r.stdout) as Comparison;
    expect(c.terms).toEqual([]);
    const israel = c.outcomes.series.find((s) => s.key === 'israel:person')!;
    expect(israel.points.at(-1)).toMatchObject({ day: 7, a: 240, b: 240 });
  });

  it('exits 2 without two files and 1 on an invalid one', async () => {
    expect((await runCli('diff', JAN)).status).toBe(2);
    const bad = await runCli('diff', JAN, 'test/fixtures/agreements-bad/unknown-key.yaml');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/unknown-key\.yaml:\d+:\d+: /);
  });
});
