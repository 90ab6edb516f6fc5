import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { actors, agreementOf, logged } from './test-log.ts';
import type { LoggedEvent } from './types.ts';

// A seven-day ceasefire from 21:45 on its first day (a start given as an instant), and a
// withdrawal due when it ends.
const agreement = agreementOf(`
id: hours
title: Hours
version: 1
kind: agreement
timeZone: Asia/Gaza
start: 2024-01-01T00:00:00+02:00
parties:
  - { id: a, name: A, role: party }
  - { id: b, name: B, role: party }
  - { id: med, name: Mediator, role: mediator }
phases:
  - { id: notice, title: Notice, start: { day: 1 }, lengthDays: 1 }
  - { id: ceasefire, title: Ceasefire, start: { at: "2024-01-02T21:45:00+02:00" }, lengthDays: 7 }
provisions:
  - { id: cease, kind: cessation, phase: ceasefire, parties: [a, b] }
  - id: wd
    kind: withdrawal
    phase: ceasefire
    party: b
    zones: [{ id: z1, name: Z1 }]
    due: { after: { phase: ceasefire, edge: end } }
`);
const started = (at: string) => logged('med', 'phase.started', at, { phase: 'ceasefire' });
const run = (asOf: string, events = [started('2024-01-02T21:45:00+02:00')]) =>
  evaluate(agreement, [...actors(), ...events], asOf);

describe('a phase that starts at an hour', () => {
  it('is planned from that hour and to the same hour its length later', () => {
    const p = run('2024-01-03T12:00:00+02:00').phases.find((x) => x.phase === 'ceasefire')!;
    expect(p).toMatchObject({
      plannedStart: '2024-01-02T21:45:00+02:00',
      plannedEnd: '2024-01-09T21:45:00+02:00',
    });
    expect(p.lateStartMinutes).toBeUndefined();
  });

  it('started later than that hour on its day is late by the minutes between', () => {
    const p = run('2024-01-03T12:00:00+02:00', [started('2024-01-02T23:00:00+02:00')]).phases.find(
      (x) => x.phase === 'ceasefire',
    )!;
    expect(p.lateStartMinutes).toBe(75);
  });

  it('a term due at its end is due at that hour, not at the midnight before', () => {
    const wd = (asOf: string) => run(asOf).obligations.find((o) => o.obligation.provision === 'wd')!;
    expect(wd('2024-01-09T12:00:00+02:00').obligation.due).toBe('2024-01-09T21:45:00+02:00');
    expect(wd('2024-01-09T12:00:00+02:00').status).toBe('not-yet-due');
    expect(wd('2024-01-09T22:00:00+02:00').status).not.toBe('not-yet-due');
  });
});

describe('an allegation against a ceasefire before its hour', () => {
  const alleged = (at: string) =>
    logged('a', 'violation.alleged', at, { against: 'b', provision: 'cease', description: 'Shelling.' });
  const found = (of: LoggedEvent, at: string) =>
    logged('med', 'allegation.resolved', at, { of: of.leafHash, finding: 'breach', reason: 'Verified.' });
  const cease = (events: LoggedEvent[], asOf: string) =>
    evaluate(agreement, [...actors(), started('2024-01-02T21:45:00+02:00'), ...events], asOf).provisions.find(
      (p) => p.provision === 'cease',
    )!;

  it('is no breach of it, even found as one: said, not counted', () => {
    const early = alleged('2024-01-02T15:00:00+02:00');
    const p = cease([early, found(early, '2024-01-02T18:00:00+02:00')], '2024-01-03T12:00:00+02:00');
    expect(p.status).toBe('unrecorded');
    expect(JSON.stringify(p.explanation)).toContain('provision.alleged-before-start');
  });

  it('after its hour, found as a breach, makes it missed', () => {
    const late = alleged('2024-01-02T22:30:00+02:00');
    expect(cease([late, found(late, '2024-01-03T09:00:00+02:00')], '2024-01-03T12:00:00+02:00').status).toBe(
      'missed',
    );
  });
});
