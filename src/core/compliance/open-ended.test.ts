import { describe, expect, it } from 'vitest';
import { explain } from '../words/explain.ts';
import { evaluate } from './evaluate.ts';
import { FIXTURE_YAML } from './fixture-agreement.ts';
import { actors, agreementOf, logged } from './test-log.ts';
import type { Evaluation, LoggedEvent } from './types.ts';

// The fixture's phase with no fixed end ("as long as talks go on") and a pause of two zones in turn.
const open = agreementOf(
  FIXTURE_YAML.replace('    lengthDays: 3\n', '    lengthDays: 3\n    continuesWhile: talks go on\n').replace(
    '    zones: [{ id: z1, name: Z1, fromDay: 1, days: 1 }]',
    '    extensionDays: 1\n    zones: [{ id: z1, name: Z1, fromDay: 1, days: 1 }, { id: z2, name: Z2, fromDay: 2, days: 1 }]',
  ),
);
const T = (d: number, hm: string) => `2024-01-${String(d).padStart(2, '0')}T${hm}:00+02:00`;
const run = (events: LoggedEvent[], asOf: string) => evaluate(open, [...actors(), ...events], asOf);
const aidDays = (e: Evaluation) =>
  e.obligations.filter((o) => o.obligation.provision === 'aid').map((o) => o.obligation.day);

describe('an open-ended phase under the log', () => {
  it('keeps its daily quotas up to the moment judged, past its stated length', () => {
    expect(Math.max(...aidDays(run([], T(20, '12:00'))))).toBe(20);
    expect(Math.max(...aidDays(run([], T(30, '12:00'))))).toBe(30);
  });
  it('stops where the log records its end', () => {
    const ended = logged('med', 'phase.ended', T(12, '09:00'), { phase: 'p1', reason: 'Talks broke down.' });
    expect(Math.max(...aidDays(run([ended], T(30, '12:00'))))).toBe(12);
  });
});

describe('a recorded extension of one pause zone', () => {
  const pauseDays = (e: Evaluation, zone: string) => [
    ...new Set(
      e.obligations
        .filter((o) => o.obligation.provision === 'lp' && o.obligation.destination === zone)
        .map((o) => o.obligation.day),
    ),
  ];
  it('lengthens that zone from the event that agreed it, and moves the zone after it', () => {
    expect(pauseDays(run([], T(1, '08:00')), 'z2')).toEqual([2]);
    const x = logged('med', 'extension.agreed', T(1, '14:00'), { phase: 'p1', zone: 'z1', days: 1 });
    const e = run([x], T(3, '20:00'));
    expect(pauseDays(e, 'z1')).toEqual([1, 2]);
    expect(pauseDays(e, 'z2')).toEqual([3]);
    expect(e.extensions[0]).toMatchObject({ zone: 'z1', days: 1 });
  });
  it('an extension beyond what the agreement allows is noted and not planned', () => {
    const x = logged('med', 'extension.agreed', T(1, '14:00'), { phase: 'p1', zone: 'z1', days: 2 });
    const e = run([x], T(3, '20:00'));
    expect(pauseDays(e, 'z2')).toEqual([2]);
    // A note is a phrase with its parameters, worded at the edge, never English written by the core.
    expect(e.notes).toContainEqual(
      expect.objectContaining({
        code: 'note.extension-zone-unplaced',
        params: expect.objectContaining({ zone: { type: 'place', id: 'z1' } }),
      }),
    );
  });
});

describe('nothing recorded, judged at the deadline itself', () => {
  it('says "nothing recorded by the deadline", not "0 min past the deadline"', () => {
    const o = run([], T(2, '00:00')).obligations.find((x) => x.obligation.id === 'aid/admit-aid/1/trucks')!;
    expect(o).toMatchObject({ status: 'unrecorded', overdueMinutes: 0 });
    expect(explain(o.explanation, open)).toContain('nothing recorded by the deadline');
    expect(explain(o.explanation, open)).not.toContain('0 min');
  });
});
