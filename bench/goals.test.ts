import { describe, expect, it } from 'vitest';
import { GOALS, goalRows, goalsSection, withGoals } from './goals.ts';

const file = {
  date: '2026-12-06',
  machine: 'test CPU, 2 cores',
  load: '1.0 1.0 1.0',
  goals: [
    {
      measure: 'truce verify',
      goal: '≥ 0.9×',
      measured: '9,000/s',
      baseline: '10,000/s',
      ratio: '0.90',
      met: true,
    },
  ],
};

describe('the goals table', () => {
  it('has one row per goal, unmeasured ones not met', () => {
    const rows = goalRows([{ name: 'verify.json', file }]);
    expect(rows).toHaveLength(GOALS.length);
    expect(rows.filter((r) => r.met).map((r) => r.measure)).toEqual(['truce verify']);
    expect(rows.find((r) => r.measure.startsWith('append, SQLite'))).toMatchObject({
      measured: 'not measured',
      met: false,
    });
  });

  it('opens the results file and replaces itself on the next run', () => {
    const section = goalsSection(goalRows([{ name: 'verify.json', file }]), [{ name: 'verify.json', file }]);
    expect(section).toContain('| measure | goal | measured | baseline | ratio | met | run |');
    expect(section).toContain(`1 of ${GOALS.length} rows met`);
    const text = '# Benchmark results\n\nIntro.\n\n## Append\n\nfigures\n';
    const once = withGoals(text, section);
    expect(once.indexOf('## Goals')).toBeLessThan(once.indexOf('## Append'));
    expect(once.startsWith('# Benchmark results\n\nIntro.\n\n## Goals')).toBe(true);
    expect(withGoals(once, section)).toBe(once);
  });

  it('escapes a bar in a cell', () => {
    const withBar = { ...file, goals: [{ ...file.goals[0]!, measured: 'a | b' }] };
    expect(goalsSection(goalRows([{ name: 'v.json', file: withBar }]), [])).toContain('a \\| b');
  });
});

describe('a goals file', () => {
  it('takes the load average as a string, a number or the three of loadavg()', async () => {
    const { goalFileSchema } = await import('./goal-record.ts');
    const of = (load: unknown) => goalFileSchema.parse({ ...file, load }).load;
    expect(of('1.0 2.0 3.0')).toBe('1.0 2.0 3.0');
    expect(of(1.5)).toBe('1.5');
    expect(of([20.66, 19.19, 15.05])).toBe('20.7 19.2 15.1');
  });
});
