import { describe, expect, it } from 'vitest';
import { evaluate } from '../compliance/evaluate.ts';
import { FIXTURE_YAML } from '../compliance/fixture-agreement.ts';
import { actors, agreementOf, logged } from '../compliance/test-log.ts';
import { planAgreement } from '../plan/plan-agreement.ts';
import { actingParties, restsOnUncertainParty } from './uncertain-party.ts';

// The fixture with party B marked uncertain (who acts for that side is not confirmed): B admits the
// aid, withdraws, opens the crossing, releases in the exchange; A hands over, pauses, negotiates.
const marked = agreementOf(
  FIXTURE_YAML.replace(
    '  - { id: b, name: B, role: party }',
    '  - { id: b, name: B, role: party, uncertain: true, note: Which authority acts for B is not confirmed. }',
  ),
);
const plain = agreementOf(FIXTURE_YAML);
const T = (d: number, hm: string) => `2024-01-0${d}T${hm}:00+02:00`;

describe('a party the agreement marks uncertain', () => {
  it('names the parties acting in each provision: its party or parties, an exchange’s sides and intermediary', () => {
    const p = (id: string) => marked.provisions.find((x) => x.id === id)!;
    expect(actingParties(p('ex')).sort()).toEqual(['a', 'b', 'red']);
    expect(actingParties(p('aid'))).toEqual(['b']);
    expect(actingParties(p('cease')).sort()).toEqual(['a', 'b']);
    expect(restsOnUncertainParty(marked, p('neg'))).toBe(false);
    expect(restsOnUncertainParty(marked, p('wd'))).toBe(true);
    expect(restsOnUncertainParty(plain, p('wd'))).toBe(false);
  });

  it('marks every obligation of the plan that party must meet, and only those, and its totals', () => {
    const obligations = planAgreement(marked).days.flatMap((d) => d.obligations);
    const of = (party: string) => obligations.filter((o) => o.party === party);
    expect(of('b').length).toBeGreaterThan(0);
    expect(of('b').every((o) => o.uncertain === true)).toBe(true);
    expect(of('a').some((o) => o.uncertain)).toBe(false);
    expect(
      planAgreement(marked)
        .totals.filter((t) => t.party === 'b')
        .every((t) => t.uncertain),
    ).toBe(true);
    // Without the mark, nothing of B's is marked: the ⚠ comes from the party alone.
    expect(
      planAgreement(plain)
        .days.flatMap((d) => d.obligations)
        .some((o) => o.party === 'b' && o.uncertain),
    ).toBe(false);
    // A standing term that binds it (the cessation of A and B) is marked too.
    expect(planAgreement(marked).standing.find((s) => s.provision === 'cease')?.uncertain).toBe(true);
  });

  it('marks the status of each term it acts in, and of each of its obligations judged, as the CLI, the report and the dashboard show them', () => {
    const wd = logged('b', 'withdrawal.completed', T(2, '10:00'), { provision: 'wd', zones: ['z1', 'z2'] });
    const e = evaluate(marked, [...actors(), wd], T(3, '20:00'));
    const prov = (id: string) => e.provisions.find((p) => p.provision === id)!;
    expect(prov('wd')).toMatchObject({ status: 'met', uncertain: true });
    expect(prov('aid').uncertain).toBe(true);
    expect(prov('cease').uncertain).toBe(true);
    expect(prov('ex').uncertain).toBe(true);
    expect(prov('neg')).not.toHaveProperty('uncertain');
    expect(e.obligations.find((o) => o.obligation.provision === 'wd')).toMatchObject({ uncertain: true });
    const none = evaluate(plain, [...actors(), wd], T(3, '20:00'));
    expect(none.provisions.find((p) => p.provision === 'wd')).not.toHaveProperty('uncertain');
  });
});
