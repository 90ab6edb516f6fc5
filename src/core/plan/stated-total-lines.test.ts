import { describe, expect, it } from 'vitest';
import type { ProvisionOf } from '../agreement/types.ts';
import { agreementNames } from '../words/agreement-names.ts';
import { renderPhrase } from '../words/render.ts';
import { pause } from './fixtures/pause.ts';
import { planAgreement } from './plan-agreement.ts';
import type { Obligation } from './types.ts';

/** The pause fixture (50 for 150 over 4 days, 3 for 1) with its exchange changed by `change`. */
function planned(
  change: (ex: ProvisionOf<'exchange'>) => void,
  options: Parameters<typeof planAgreement>[1] = {},
) {
  const agreement = pause();
  const ex = agreement.provisions[0]!;
  if (ex.kind !== 'exchange') throw new Error('fixture');
  change(ex);
  const plan = planAgreement(agreement, options);
  const of = (action: string) =>
    plan.days.flatMap((d) => d.obligations).filter((o: Obligation) => o.action === action);
  const words = (o: Obligation) =>
    renderPhrase(o.line, { lang: 'en', names: agreementNames(agreement, 'en') });
  return { of, words };
}

describe('a side whose batches add up to another total than the agreement states', () => {
  it('given 3 for 1 of 50 and a stated 120, then each release carries the ⚠ and both totals', () => {
    const { of, words } = planned((ex) => {
      ex.counterpart.total = [{ value: 120, source: 'One report', uncertain: true }];
    });
    const releases = of('release');
    expect(releases.map((o) => o.quantity)).toEqual([39, 39, 36, 36]);
    for (const o of releases) expect(o.uncertain).toBe(true);
    expect(words(releases[0]!)).toBe(
      'Batch 1: release 39 persons through Intermediary, by seniority, after the handover of batch 1. ⚠ 150 persons by the ratio in all, total stated in the agreement: ⚠ 120 (One report).',
    );
    // The handovers add up to the 50 stated for their side: no mark.
    for (const o of of('hand-over')) expect(o.uncertain).toBeUndefined();
  });

  it('given a stated total the batches add up to, then no batch is marked', () => {
    const { of, words } = planned((ex) => {
      ex.counterpart.total = 150;
    });
    for (const o of of('release')) {
      expect(o.uncertain).toBeUndefined();
      expect(words(o)).not.toContain('⚠');
    }
  });

  it('given sources that disagree on the handovers’ total, then each handover shows the plan’s and every stated one', () => {
    const { of, words } = planned((ex) => {
      ex.release.total = [
        { value: 50, source: 'Source A' },
        { value: 48, source: 'Source B' },
      ];
    });
    const handovers = of('hand-over');
    for (const o of handovers) expect(o.uncertain).toBe(true);
    expect(words(handovers[0]!)).toMatch(
      /\. ⚠ 48 persons in all in the plan, total stated in the agreement: 50 \(Source A\) or 48 \(Source B\)\.$/,
    );
  });

  it('given an extension, then the batches it adds are not held against the total of the original term', () => {
    const { of, words } = planned(
      (ex) => {
        ex.counterpart.total = 150;
      },
      { extend: 3 },
    );
    const releases = of('release');
    expect(releases.some((o) => o.extension)).toBe(true);
    for (const o of releases) {
      expect(o.uncertain).toBeUndefined();
      expect(words(o)).not.toContain('⚠');
    }
  });

  it('given a side the agreement marks uncertain, then every quantity of that side carries the ⚠', () => {
    const { of } = planned((ex) => {
      ex.counterpart.uncertain = true;
    });
    for (const o of of('release')) expect(o.uncertain).toBe(true);
    for (const o of of('hand-over')) expect(o.uncertain).toBeUndefined();
    const other = planned((ex) => {
      ex.release.uncertain = true;
    });
    for (const o of other.of('hand-over')) expect(o.uncertain).toBe(true);
    for (const o of other.of('release')) expect(o.uncertain).toBeUndefined();
  });
});
