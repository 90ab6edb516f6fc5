import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SignedEvent } from '../../../src/core/ledger/event.ts';
import { agreementDay, agreementDays, eventsOn } from './agreement-days.ts';
import { exampleAgreement, nov2023 } from './nov-2023.test-fixture.ts';

const nov = nov2023();
const after = nov.evaluate('2024-01-01T00:00:00+02:00');
const now = new Date('2024-01-01T00:00:00Z');

describe('the days of an agreement', () => {
  it('numbers every day of the Nov 2023 pause as the log records it, day 8 (its last, no obligation) included', () => {
    const days = agreementDays(nov.plan, after, now);
    // Day 0: the first list is due before the start, the evening before.
    expect(days.map((d) => d.day)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(days[0]).toEqual({ date: '2023-11-23', day: 0, phases: [] });
    expect(days.at(-1)).toEqual({
      date: '2023-12-01',
      day: 8,
      phases: [{ phase: 'pause', phaseDay: 8, recorded: true }],
    });
    // No obligation falls on it: the obligations alone would stop at day 7.
    expect(Math.max(...after.obligations.map((o) => o.obligation.day))).toBe(7);
    expect(agreementDay(nov.plan, after, '2023-12-01', now)).toEqual(days.at(-1));
  });

  it('follows the plan without a log, and numbers a day outside every phase by the start alone', () => {
    expect(agreementDays(nov.plan, null, now).map((d) => d.date)).toEqual([
      '2023-11-23',
      '2023-11-24',
      '2023-11-25',
      '2023-11-26',
      '2023-11-27',
    ]);
    expect(agreementDay(nov.plan, null, '2023-12-01', now)).toEqual({
      date: '2023-12-01',
      day: 8,
      phases: [],
    });
    // Before the start, a day is numbered only when something falls on it (day 0 above).
    expect(agreementDay(nov.plan, null, '2023-11-22', now)).toBeNull();
  });

  it('numbers the last day of every phase of the Jan 2025 ceasefire', () => {
    const { plan } = exampleAgreement('jan-2025-ceasefire');
    const days = agreementDays(plan, null, now);
    for (const p of plan.phases) {
      if (p.startDay === null || p.endDay === null) continue;
      const last = days.find((d) => d.day === p.endDay);
      expect(last?.phases, p.id).toContainEqual(
        expect.objectContaining({ phase: p.id, phaseDay: p.endDay - p.startDay + 1 }),
      );
    }
    // Every day between the first and the last of a phase is there, obligations or not.
    const first = plan.phases[0]!;
    expect(days.filter((d) => d.phases.some((x) => x.phase === first.id))).toHaveLength(first.lengthDays!);
  });
});

describe('the events of a day', () => {
  const events = readFileSync(
    new URL('../../../examples/logs/nov-2023-pause/events.jsonl', import.meta.url),
    'utf8',
  )
    .split('\n')
    .filter(Boolean)
    .map((line, index) => ({ index, event: JSON.parse(line) as SignedEvent }));

  it('are those the log dates to it in the agreement time zone, in log order', () => {
    expect(eventsOn(events, '2023-12-01', 'Asia/Gaza').map((e) => e.index)).toEqual([61, 62, 63]);
    expect(eventsOn(events, '2023-11-25', 'Asia/Gaza').map((e) => e.index)).toEqual([
      18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
    ]);
    // Midnight in Gaza is the evening before in UTC: the day is the agreement's, not UTC's.
    expect(eventsOn(events, '2023-11-24', 'UTC').map((e) => e.index)).toContain(18);
    expect(eventsOn(events, '2023-12-02', 'Asia/Gaza')).toEqual([]);
  });
});
