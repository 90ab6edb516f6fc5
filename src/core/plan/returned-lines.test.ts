import { describe, expect, it } from 'vitest';
import { agreementOf } from '../compliance/test-log.ts';
import { REMAINS_YAML } from '../figures/fixture-remains.ts';
import { agreementNames } from '../words/agreement-names.ts';
import type { Lang } from '../words/lang.ts';
import { renderPhrase } from '../words/render.ts';
import { planAgreement } from './plan-agreement.ts';

/** The remains fixture: `bodies`, remains both ways; `dead-for-living`, a's remains for living detainees; `ex`, the living. */
const agreement = agreementOf(REMAINS_YAML);
const first = (a = agreement, id: string) =>
  planAgreement(a)
    .days.flatMap((d) => d.obligations)
    .find((o) => o.id === id)!;
const words = (id: string, lang: Lang, a = agreement) =>
  renderPhrase(first(a, id).line, { lang, names: agreementNames(a, lang) });

describe('plan lines of remains: returned, not released', () => {
  it('given remains both ways, then each side returns them: the handover and the batch that answers it', () => {
    expect(first(agreement, 'bodies/hand-over/1').line.code).toBe('plan.hand-over-remains');
    expect(words('bodies/hand-over/1', 'en')).toBe(
      'Batch 1: return the remains of 1 person (Remains of soldiers, Remains of civilians) to B through Intermediary, by 12:00.',
    );
    expect(first(agreement, 'bodies/release/1').line.code).toBe('plan.return-batch');
    expect(words('bodies/release/1', 'en')).toBe(
      'Batch 1: return 5 remains (Bodies held by B) to A through Intermediary, after the handover of batch 1.',
    );
    expect(words('bodies/release/1', 'ar')).toMatch(/^الدفعة 1: إعادة /);
    expect(words('bodies/release/1', 'he')).toMatch(/^פעימה 1: השבת /);
    expect(words('bodies/hand-over/1', 'ar')).toMatch(/^الدفعة 1: إعادة /);
    expect(words('bodies/hand-over/1', 'he')).toMatch(/^פעימה 1: השבת /);
  });

  it('given remains for the living, then the remains are returned and the living released', () => {
    expect(words('dead-for-living/hand-over/1', 'en')).toMatch(/^Batch 1: return the remains of 1 person /);
    expect(first(agreement, 'dead-for-living/release/1').line.code).toBe('plan.release-batch');
    expect(words('dead-for-living/release/1', 'en')).toMatch(/^Batch 1: release 3 persons \(Detainees\)/);
  });

  it('given the exchange of the living, then its lines are those it always had', () => {
    expect(first(agreement, 'ex/hand-over/1').line.code).toBe('plan.hand-over');
    expect(words('ex/hand-over/1', 'en')).toMatch(
      /^Batch 1: release 2 persons \(W\) to B through Intermediary/,
    );
    expect(first(agreement, 'ex/release/1').line.code).toBe('plan.release-batch');
  });

  it('given remains returned in one lump for all the batches, then the line says they are returned', () => {
    const lump = agreementOf(
      REMAINS_YAML.replaceAll(', ratio: 5, remains: true }', ', remains: true }').replace(
        '      categories: [{ id: bodies-held,',
        '      total: 7\n      categories: [{ id: bodies-held,',
      ),
    );
    const release = planAgreement(lump)
      .days.flatMap((d) => d.obligations)
      .find((o) => o.provision === 'bodies' && o.action === 'release')!;
    expect(release.line.code).toBe('plan.return-all');
    expect(renderPhrase(release.line, { lang: 'en', names: agreementNames(lump, 'en') })).toMatch(
      /^Return 7 remains/,
    );
  });
});
