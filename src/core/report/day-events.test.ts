import { describe, expect, it } from 'vitest';
import { novEvents } from '../../../examples/logs/nov-2023-events.ts';
import { dayEvents } from './day-events.ts';

describe('the events of one day, as the daily report lists them', () => {
  it('gives every event that happened that day in the agreement’s zone, in order, without key registrations', () => {
    const day2 = dayEvents(novEvents(), '2023-11-25', 'Asia/Gaza');
    expect(day2.map((e) => e.kind)).toEqual([
      'list.submitted',
      'violation.alleged',
      'violation.alleged',
      'statement',
      'aid.delivered',
      'aid.delivered',
      'aid.delivered',
      'statement',
      'handover.completed',
      'handover.confirmed',
      'release.completed',
      'release.completed',
      'statement',
    ]);
    expect(day2[0]).toMatchObject({ at: '2023-11-25T00:00:00+02:00', actor: 'hamas' });
    expect(day2[1]).toMatchObject({
      at: '2023-11-25T16:00:00+02:00',
      actor: 'hamas',
      kind: 'violation.alleged',
    });
    expect(day2.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
    // The day before the pause: registrations and the adoption are housekeeping, not what happened.
    expect(dayEvents(novEvents(), '2023-11-22', 'Asia/Gaza')).toEqual([]);
  });

  it('reads the day in the agreement’s zone: 23:30 UTC on 24 Nov is 25 Nov in Gaza', () => {
    const events = novEvents().filter((e) => e.event.event.kind === 'list.submitted');
    // Lists are dated at local midnight (22:00 UTC the day before).
    const first = dayEvents(events, '2023-11-24', 'Asia/Gaza')[0]!;
    expect(first.at).toBe('2023-11-24T00:00:00+02:00');
    expect(dayEvents(events, '2023-11-24', 'UTC').map((e) => e.at)).not.toContain('2023-11-24T00:00:00Z');
  });
});
