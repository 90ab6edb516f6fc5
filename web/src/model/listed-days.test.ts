import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SignedEvent } from '../../../src/core/ledger/event.ts';
import { dateIn } from './calendar.ts';
import { byMonth, currentMonth, DAILY_RUN, dailyTerms, dueObligations, listedDays } from './listed-days.ts';
import { exampleAgreement, nov2023 } from './nov-2023.test-fixture.ts';

/** The days of a log's events in a time zone, as GET /api/logs/{id}/days answers them. */
function occurredIn(log: string, timeZone: string): { date: string; events: number }[] {
  const days = new Map<string, number>();
  for (const line of readFileSync(
    new URL(`../../../examples/logs/${log}/events.jsonl`, import.meta.url),
    'utf8',
  )
    .split('\n')
    .filter(Boolean)) {
    const date = dateIn(new Date((JSON.parse(line) as SignedEvent).event.occurredAt), timeZone);
    days.set(date, (days.get(date) ?? 0) + 1);
  }
  return [...days].sort().map(([date, events]) => ({ date, events }));
}

const now = new Date('2027-01-01T00:00:00Z');

describe('the days an agreement page lists', () => {
  it('are the days the Nov 2023 log records events on and the days obligations fall due, each with its counts', () => {
    const nov = nov2023();
    const evaluation = nov.evaluate('2024-01-01T00:00:00+02:00');
    const days = listedDays(nov.plan, evaluation, occurredIn('nov-2023-pause', 'Asia/Gaza'), now);
    expect(days.map((d) => [d.date, d.day, d.events, d.due > 0])).toEqual([
      // The log opens two days before the pause (keys registered, the text adopted): no day number.
      ['2023-11-22', null, 10, false],
      // Day 0: the first list is due the evening before; nothing recorded that day.
      ['2023-11-23', 0, 0, true],
      ['2023-11-24', 1, 8, true],
      ['2023-11-25', 2, 13, true],
      ['2023-11-26', 3, 6, true],
      ['2023-11-27', 4, 5, true],
      ['2023-11-28', 5, 6, true],
      ['2023-11-29', 6, 6, true],
      ['2023-11-30', 7, 7, true],
      // Day 8, the pause's last: no obligation, three events.
      ['2023-12-01', 8, 3, false],
    ]);
    // Every obligation judged is counted on its day, and again on the day its moved deadline falls on
    // (as the day's page lists it): 49 obligations, two of them moved.
    expect(evaluation.obligations).toHaveLength(49);
    expect(days.reduce((n, d) => n + d.due, 0)).toBe(51);
  });

  it('leave out a term due every day (aid per day) as a reason to list a day: the Oct 2025 plan lists a few days, not hundreds', () => {
    const { plan } = exampleAgreement('oct-2025-ceasefire');
    const due = dueObligations(plan, null);
    const aid = due.filter((o) => o.obligation.provision === 'aid');
    expect(aid.length).toBeGreaterThan(DAILY_RUN);
    const daily = dailyTerms(due);
    expect([...daily.provisions]).toEqual(['aid']);
    const days = listedDays(plan, null, [], now);
    expect(days.length).toBeLessThan(aid.length / 2);
    // The exchanges' days are there, each with its obligations.
    const exchanges = due.filter((o) => o.obligation.kind === 'exchange');
    expect(exchanges.length).toBeGreaterThan(0);
    for (const o of exchanges) expect(days.map((d) => d.date)).toContain(o.dates[0]);
  });

  it('count a daily run only from DAILY_RUN consecutive days on, and never of an exchange', () => {
    const o = (date: string, kind = 'aid') => ({
      obligation: { provision: 'x', kind, action: 'admit-aid', party: 'a' },
      dates: [date],
    });
    const week = ['01', '02', '03', '04', '05', '06', '07'].map((d) => o(`2023-11-${d}`));
    expect(week).toHaveLength(DAILY_RUN - 1);
    expect(dailyTerms(week).provisions.size).toBe(0);
    expect(dailyTerms([...week, o('2023-11-08')]).provisions).toEqual(new Set(['x']));
    expect(dailyTerms([...week, o('2023-11-09')]).isDaily(week[0]!.obligation, '2023-11-01')).toBe(false);
    // Lists and batches of an exchange, one a day for eight days (the Nov 2023 pause extended): each a day.
    const lists = [...week, o('2023-11-08')].map((x) => ({
      ...x,
      obligation: { ...x.obligation, kind: 'exchange' },
    }));
    expect(dailyTerms(lists).provisions.size).toBe(0);
  });

  it('are grouped by month, the month of today open, else the latest before it, else the first', () => {
    const d = (date: string) => ({ date, day: null, events: 1, due: 0, dated: 0 });
    const months = byMonth([d('2025-10-09'), d('2025-10-13'), d('2025-11-04'), d('2027-12-31')]);
    expect(months.map((m) => [m.month, m.days.length])).toEqual([
      ['2025-10', 2],
      ['2025-11', 1],
      ['2027-12', 1],
    ]);
    expect(currentMonth(months, '2025-11-20')).toBe('2025-11');
    expect(currentMonth(months, '2026-12-07')).toBe('2025-11');
    expect(currentMonth(months, '2025-01-01')).toBe('2025-10');
    expect(currentMonth([], '2025-01-01')).toBeNull();
  });
});
