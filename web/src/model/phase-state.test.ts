import { describe, expect, it } from 'vitest';
import { exampleAgreement } from './nov-2023.test-fixture.ts';
import { timelineOf } from './phase-state.ts';

describe('an agreement whose first phase is open-ended', () => {
  const { plan } = exampleAgreement('oct-2025-ceasefire');

  it('is running in that phase once started, past the horizon it is drawn to, not ended (Oct 2025)', () => {
    const t = timelineOf(plan, null, new Date('2026-12-06T12:00:00Z'));
    expect(t.phases).toEqual([
      { id: 'phase-1', fromDay: 1, toDay: 42, recorded: false, ended: false, openEnded: true },
    ]);
    // No planned end: "by the plan, ended 20 Nov 2025" would be a date nobody agreed.
    expect(t.state).toMatchObject({ state: 'running', phase: 'phase-1' });
    expect(timelineOf(plan, null, new Date('2025-10-20T12:00:00+03:00')).state).toEqual({
      state: 'running',
      phase: 'phase-1',
      day: 11,
      today: 11,
      recorded: false,
    });
  });
});
