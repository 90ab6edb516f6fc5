import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { actors, agreementOf, logged } from './test-log.ts';
import type { Evaluation, LoggedEvent } from './types.ts';

// The October 2025 agreement: the living hostages in one window batch (from the pullback to 72 h after
// it), the remains in one batch due with them. A monitor's records rarely number the batches.
const oct = agreementOf(
  readFileSync(new URL('../../../examples/agreements/oct-2025-ceasefire.yaml', import.meta.url), 'utf8'),
);
const at = (date: string, hm: string) => `2025-${date}T${hm}:00+03:00`;
const run = (events: LoggedEvent[], asOf: string) => evaluate(oct, [...actors(), ...events], asOf);
const ob = (e: Evaluation, id: string) => e.obligations.find((o) => o.obligation.id === id)!;
const pullback = logged('b', 'withdrawal.completed', at('10-10', '12:00'), {
  provision: 'pullback',
  zones: ['beyond-agreed-line'],
});
const handover = (provision: string, count: number, when: string) =>
  logged('a', 'handover.completed', when, { provision, count, to: 'israel' });

describe('handovers that name no batch', () => {
  it('given the living handed over inside their window, then they count toward the window batch, judged by its deadline', () => {
    const e = run([pullback, handover('living-exchange', 20, at('10-13', '08:00'))], at('10-13', '20:00'));
    expect(ob(e, 'living-exchange/hand-over/4')).toMatchObject({ status: 'met', required: 20, done: 20 });
    expect(e.notes.map((n) => n.code)).not.toContain('note.no-batch');
  });
  it('given remains returned over the following weeks, then the single batch counts them all, cumulatively, met late once complete, a body found not to be a hostage left out', () => {
    const first = handover('remains-exchange', 4, at('10-13', '11:00'));
    const wrong = handover('remains-exchange', 1, at('10-14', '21:00'));
    const finding = logged('b', 'remains.identified', at('10-15', '10:00'), {
      provision: 'remains-exchange',
      handover: wrong.leafHash,
      finding: 'not-a-hostage',
    });
    const rest = handover('remains-exchange', 24, at('11-10', '18:00'));
    const events = [pullback, first, wrong, finding, rest];
    expect(ob(run(events, at('10-20', '12:00')), 'remains-exchange/hand-over/4')).toMatchObject({
      status: 'partly-met',
      required: 28,
      done: 4,
    });
    const o = ob(run(events, at('11-11', '12:00')), 'remains-exchange/hand-over/4');
    expect(o).toMatchObject({
      status: 'met-late',
      done: 28,
      remains: [{ finding: 'not-a-hostage', count: 1 }],
    });
    expect(o.lateMinutes).toBe(
      Math.round((Date.parse(at('11-10', '18:00')) - Date.parse(at('10-13', '12:00'))) / 60_000),
    );
  });
});
