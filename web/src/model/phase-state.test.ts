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
      openEnded: true,
    });
  });
});

describe('an agreement whose phases are all past', () => {
  const { plan } = exampleAgreement('nov-2023-pause');
  const after = new Date('2023-12-20T12:00:00+02:00');
  const started = {
    phase: 'pause',
    startedAt: '2023-11-24T07:00:00+02:00',
    plannedEnd: '2023-11-28T07:00:00+02:00',
  };

  it('ended on the recorded date when the log records the end', () => {
    const t = timelineOf(plan, { phases: [{ ...started, endedAt: '2023-12-01T07:00:00+02:00' }] }, after);
    expect(t.state).toEqual({ state: 'ended', endDate: '2023-12-01', today: 27, recorded: true });
  });

  it('ended by the plan, on the plan’s date, when the log records the start and no end', () => {
    const t = timelineOf(plan, { phases: [{ ...started, endedAt: null }] }, after);
    // Not "Ended 28 Nov" as if recorded (the plan ends it at 07:00 on the 28th): nobody recorded that it ended.
    expect(t.state).toEqual({ state: 'ended', endDate: '2023-11-28', today: 27, recorded: false });
  });

  it('ended by the plan with no log at all', () => {
    expect(timelineOf(plan, null, after).state).toMatchObject({ state: 'ended', recorded: false });
  });
});

describe('a running phase with no fixed end', () => {
  const { plan } = exampleAgreement('oct-2025-ceasefire');

  it('says so, recorded or not, so that "day 424" is not read as a day of a planned span', () => {
    const started = {
      phase: 'phase-1',
      startedAt: '2025-10-10T12:00:00+03:00',
      endedAt: null,
      plannedEnd: null,
    };
    const t = timelineOf(plan, { phases: [started] }, new Date('2026-12-06T12:00:00Z'));
    expect(t.state).toMatchObject({ state: 'running', phase: 'phase-1', recorded: true, openEnded: true });
    const ended = { ...started, endedAt: '2026-01-10T12:00:00+02:00' };
    // Once its end is recorded it no longer runs.
    expect(timelineOf(plan, { phases: [ended] }, new Date('2026-12-06T12:00:00Z')).state).toMatchObject({
      state: 'ended',
      recorded: true,
      endDate: '2026-01-10',
    });
  });
});

describe('a log that records the first phase ended and no second phase started (Jan 2025)', () => {
  const { plan } = exampleAgreement('jan-2025-ceasefire');
  const first = {
    phase: 'phase-1',
    startedAt: '2025-01-19T11:15:00+02:00',
    endedAt: '2025-03-02T00:00:00+02:00',
    plannedEnd: '2025-03-02T00:00:00+02:00',
  };

  it('is between the phases on the record, the second not started, not "by the plan" in or past it', () => {
    for (const now of ['2025-03-05T12:00:00Z', '2025-06-01T12:00:00Z', '2026-12-07T12:00:00Z'])
      expect(timelineOf(plan, { phases: [first] }, new Date(now)).state, now).toEqual({
        state: 'between',
        phase: 'phase-2',
        today: expect.any(Number),
      });
  });

  it('marks the days the plan gives the second phase as not recorded', () => {
    const t = timelineOf(plan, { phases: [first] }, new Date('2025-06-01T12:00:00Z'));
    expect(t.phases.find((p) => p.id === 'phase-1')).toMatchObject({ recorded: true, ended: true });
    expect(t.phases.find((p) => p.id === 'phase-2')).toMatchObject({ recorded: false });
  });
});
