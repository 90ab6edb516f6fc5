import { describe, expect, it } from 'vitest';
import { agreementOf } from '../compliance/test-log.ts';
import { planAgreement } from './plan-agreement.ts';

// A 4-day pause from 07:00, a 7-day ceasefire from 21:45 given by `{at}` (written in UTC), a phase
// that follows it, one on a day given without an hour, and one with no end.
const YAML = `
id: instants
title: Instants
version: 1
kind: agreement
timeZone: Africa/Khartoum
start: 2023-05-11T07:00:00+02:00
parties:
  - { id: a, name: A, role: party }
  - { id: b, name: B, role: party }
phases:
  - { id: pause, title: Pause, start: { day: 1 }, lengthDays: 4 }
  - { id: ceasefire, title: Ceasefire, start: { at: 2023-05-22T19:45:00Z }, lengthDays: 7 }
  - { id: after, title: After, start: { afterPhase: ceasefire, offsetDays: 1 }, lengthDays: 2 }
  - { id: later, title: Later, start: { day: 40 }, lengthDays: 3 }
  - { id: talks, title: Talks, start: { day: 50 } }
provisions:
  - { id: c, kind: cessation, phase: ceasefire, parties: [a, b] }
`;
const agreement = agreementOf(YAML);
const phase = (id: string) => planAgreement(agreement).phases.find((p) => p.id === id)!;

describe('a phase as instants', () => {
  it('of day 1 starts at the agreement start and ends its length later at that hour, not at midnight', () => {
    expect(phase('pause')).toMatchObject({
      startAt: '2023-05-11T07:00:00+02:00',
      startExact: true,
      endDate: '2023-05-14',
      endAt: '2023-05-15T07:00:00+02:00',
    });
  });

  it('given by {at}: starts at that instant (not at the first instant of its day), on its day in the zone', () => {
    expect(phase('ceasefire')).toMatchObject({
      startDay: 12,
      startDate: '2023-05-22',
      startAt: '2023-05-22T21:45:00+02:00',
      startExact: true,
      endDate: '2023-05-28',
      endAt: '2023-05-29T21:45:00+02:00',
    });
  });

  it('after another phase: from its end, at its hour, offsetDays later', () => {
    expect(phase('after')).toMatchObject({
      startDate: '2023-05-30',
      startAt: '2023-05-30T21:45:00+02:00',
      startExact: false,
      endAt: '2023-06-01T21:45:00+02:00',
    });
  });

  it('on a day given without an hour: from the first instant of that day; with no end, no end instant', () => {
    expect(phase('later')).toMatchObject({
      startAt: '2023-06-19T00:00:00+02:00',
      startExact: false,
      endAt: '2023-06-22T00:00:00+02:00',
    });
    expect(phase('talks')).toMatchObject({ startAt: '2023-06-29T00:00:00+02:00', endAt: null });
  });

  it('extended by days: ends that many days later at the same hour', () => {
    const extended = planAgreement(agreement, { extend: { pause: 2 } }).phases.find((p) => p.id === 'pause')!;
    expect(extended.endAt).toBe('2023-05-17T07:00:00+02:00');
  });

  it('without a start date (a proposal): no instants', () => {
    const proposal = agreementOf(
      YAML.replace('kind: agreement', 'kind: proposal')
        .replace('start: 2023-05-11T07:00:00+02:00\n', '')
        .replace('start: { at: 2023-05-22T19:45:00Z }', 'start: { afterPhase: pause }'),
    );
    for (const p of planAgreement(proposal).phases) expect([p.startAt, p.endAt]).toEqual([null, null]);
  });
});
