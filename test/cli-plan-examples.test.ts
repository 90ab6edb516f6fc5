import { describe, expect, it } from 'vitest';
import type { Plan } from '../src/core/plan/types.ts';
import { runCli } from './helpers/run-cli.ts';

// The acceptance of issue 10 as a user types it: `truce plan` on the shipped examples.

const MAY = 'examples/agreements/may-2024-proposal.yaml';
const OCT = 'examples/agreements/oct-2025-ceasefire.yaml';

async function planJson(...args: string[]): Promise<Plan> {
  const r = await runCli('plan', ...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Plan;
}

const trucks = (plan: Plan) =>
  plan.days.map((d) => d.obligations.find((o) => o.action === 'admit-aid' && o.category === 'trucks'));

describe('truce plan on the second-edition examples', () => {
  it('May 2024 from a start to a date 60 days in: 600 trucks every day, open-ended past six weeks', async () => {
    const plan = await planJson(MAY, '--start', '2024-06-10T08:00:00+03:00', '--to', '2024-08-08');
    expect(plan.horizon).toEqual({ day: 60, date: '2024-08-08', from: 'option' });
    expect(plan.days.map((d) => d.day)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(trucks(plan).map((o) => o?.quantity)).toEqual(Array(60).fill(600));
    expect(trucks(plan).map((o) => o?.openEnded === true)).toEqual([
      ...Array(42).fill(false),
      ...Array(18).fill(true),
    ]);
  });

  it('Oct 2025: the living hostages 72 h after the pullback, and 30 h later with --delay pullback=30', async () => {
    const due = (plan: Plan) =>
      plan.days
        .flatMap((d) => d.obligations)
        .find((o) => o.provision === 'living-exchange' && o.action === 'hand-over')?.due;
    expect(due(await planJson(OCT))).toBe('2025-10-13T12:00:00+03:00');
    expect(due(await planJson(OCT, '--delay', 'pullback=30'))).toBe('2025-10-14T18:00:00+03:00');
  });

  it('Oct 2025 in text: the bodies planned at 15 each beside the stated 360, and the trucks with their sources', async () => {
    const r = await runCli('plan', OCT, '--to', '2025-10-31');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /Return of the remains of deceased hostages and of Palestinian bodies, Israel: stated ⚠ 360 \(Reported as the agreed total\).*420 remains/,
    );
    // Each batch the ratio gives carries the ⚠ and both totals: 420 by the ratio, 360 stated.
    expect(r.stdout).toMatch(
      /return +420 remains +Batch 1: return 420 remains \(Bodies of Palestinians\) to Hamas through International Committee of the Red Cross, after the handover of batch 1\. ⚠ 420 remains by the ratio in all, total stated in the agreement: ⚠ 360 \(Reported as the agreed total\)\. \[⚠ uncertain/,
    );
    expect(r.stdout).toMatch(/Let in 400 to 600 trucks.*sources differ: 600 \(COGAT.*\), 400 \(One timeline/);
    expect(r.stdout).toMatch(
      /Aid trucks +⚠ \d+–\d+ trucks \(by source: \d+ per COGAT.*; \d+ per One timeline/,
    );
  });

  it('truce diff May 2024 against Jan 2025: trucks day by day, categories lined up by what their persons are', async () => {
    const r = await runCli('diff', MAY, 'examples/agreements/jan-2025-ceasefire.yaml', '--json');
    expect(r.status).toBe(0);
    const diff = JSON.parse(r.stdout) as {
      summary: { term: string; a: string; b: string }[];
      outcomes: { series: { key: string; points: { day: number; a: number | null; b: number | null }[] }[] };
    };
    const row = (term: string) =>
      diff.summary.find((x) => x.term === `Exchange (Phase 1 exchange) category: ${term}`);
    expect(row('women')).toMatchObject({
      a: 'Women',
      b: 'Civilian women, 30 for 1; Female soldiers, 50 for 1',
    });
    expect(row('elderly')).toMatchObject({ a: 'Elderly', b: 'Men over 50, 30 for 1' });
    const trucks = diff.outcomes.series.find((x) => x.key === 'israel:truck')!;
    const at = (day: number) => trucks.points.find((p) => p.day === day);
    // May 2024's phase 1 runs on while talks go on; Jan 2025's ends on day 42.
    expect([at(42), at(60)]).toMatchObject([
      { a: 42 * 600, b: 42 * 600 },
      { a: 60 * 600, b: 42 * 600 },
    ]);
  });
});
