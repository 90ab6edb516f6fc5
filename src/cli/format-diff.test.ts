import { describe, expect, it } from 'vitest';
import type { ProvisionOf } from '../core/agreement/types.ts';
import { compareAgreements } from '../core/compare/compare-agreements.ts';
import { comparisonInWords } from '../core/compare/comparison-in-words.ts';
import { pause } from '../core/plan/fixtures/pause.ts';
import { formatComparisonText, reportDays } from './format-diff.ts';

function counterOffer() {
  const b = pause({ id: 'counter', kind: 'proposal', version: 2 });
  (b.provisions[0] as ProvisionOf<'exchange'>).release.categories[1]!.ratio = 5;
  const aid = b.provisions[1] as ProvisionOf<'aid'>;
  aid.perDay[0] = { ...aid.perDay[0]!, quantity: 600, atLeast: true };
  b.provisions = b.provisions.filter((p) => p.kind !== 'cessation');
  b.provisions.push({ id: 'medevac', kind: 'medical-evacuation', phase: 'pause', party: 'a', perDay: 50 });
  return b;
}

const lines = (text: string) => text.split('\n');
const line = (text: string, start: RegExp) => lines(text).find((l) => start.test(l));

describe('formatComparisonText', () => {
  const text = formatComparisonText(
    comparisonInWords(
      compareAgreements(pause(), counterOffer(), { planB: { extend: 3 } }),
      pause(),
      counterOffer(),
      'en',
    ),
  );

  it('names A and B first', () => {
    expect(lines(text).slice(0, 2)).toEqual([
      'A: Test pause — agreement test-pause, version 1',
      'B: Test pause — proposal counter, version 2',
    ]);
  });

  it('prints the headline terms in aligned columns, marking those that differ', () => {
    expect(text).toMatch(/^Headline terms \(7 of 9 differ, marked ≠\)$/m);
    const differs = line(text, /Exchange \(exchange\) released by Party A/)!;
    expect(differs).toMatch(
      /^ {2}≠ {2}Exchange \(exchange\) released by Party A +150 persons +240–400 persons$/,
    );
    const same = line(text, /ratio for Women/)!;
    expect(same).toMatch(/^ {5}Exchange \(exchange\) ratio for Women +3 for 1 +3 for 1$/);
    expect(line(text, /aid-trucks per day/)).toMatch(/200 trucks +at least 600 trucks$/);
    const columnB = (l: string) => l.indexOf(l.includes('240–400') ? '240–400' : '3 for 1', 50);
    expect(columnB(differs)).toBe(same.lastIndexOf('3 for 1'));
  });

  it('prints one line per term change: ~ changed, + added, - removed', () => {
    expect(text).toMatch(/^Term by term \(8 changes\)$/m);
    expect(lines(text)).toContain('  ~ Exchange (exchange) release side category Minors ratio: 3 → 5');
    expect(lines(text)).toContain('  ~ Aid (aid) per-day quota aid-trucks quantity: 200 → 600 trucks');
    expect(lines(text)).toContain('  + Aid (aid) per-day quota aid-trucks "at least" mark added: yes');
    expect(text).toMatch(/^ {2}- Cessation of hostilities \(ceasefire\) removed: /m);
    expect(text).toMatch(/^ {2}\+ Medical evacuation \(medevac\) added: /m);
  });

  it('prints the outcomes on day 1, every 7th day and the last day, with ranges and floors', () => {
    const table = lines(text).slice(lines(text).findIndex((l) => l.startsWith('Outcomes by day')));
    expect(table[1]).toMatch(
      /persons released by Party A +persons released by Party B +patients let out by Party A +trucks let in by Party A$/,
    );
    expect(table[2]).toMatch(/^ +day +A +B +A +B +A +B +A +B$/);
    const row = (day: number) =>
      table
        .find((l) => new RegExp(`^ +${day} `).test(l))!
        .trim()
        .split(/ +/);
    // A has no patients at all (none), and past its last day it says nothing: two different marks.
    expect(row(1)).toEqual(['1', '39', '39–65', '13', '13', 'none', '50', '204', '≥604']);
    expect(row(7)).toEqual(['7', '150', '240–400', '50', '80', '—', '350', '816', '≥4228']);
    expect(table.filter((l) => /^ +\d+ /.test(l))).toHaveLength(2);
  });

  it('takes another spacing of days, and says so when the terms are the same', () => {
    const same = formatComparisonText(
      comparisonInWords(compareAgreements(pause(), pause()), pause(), pause(), 'en'),
      {
        every: 2,
      },
    );
    expect(same).toMatch(/^Headline terms \(all the same\)$/m);
    expect(same).toMatch(/^Term by term: no differences$/m);
    const days = lines(same)
      .filter((l) => /^ +\d+ /.test(l))
      .map((l) => l.trim().split(/ +/)[0]);
    expect(days).toEqual(['1', '2', '4']);
  });
});

describe('reportDays', () => {
  it('gives day 1, each multiple of the step before the last day, and the last day', () => {
    expect(reportDays(20, 7)).toEqual([1, 7, 14, 20]);
    expect(reportDays(14, 7)).toEqual([1, 7, 14]);
    expect(reportDays(1, 7)).toEqual([1]);
    expect(reportDays(0, 7)).toEqual([]);
  });
});
