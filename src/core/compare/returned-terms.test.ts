import { describe, expect, it } from 'vitest';
import { agreementOf } from '../compliance/test-log.ts';
import { REMAINS_YAML } from '../figures/fixture-remains.ts';
import { planAgreement } from '../plan/plan-agreement.ts';
import { summarize } from './summary.ts';

/** The remains fixture: `bodies`, remains both ways; `dead-for-living`, a's remains for living detainees; `ex`, the living. */
const agreement = agreementOf(REMAINS_YAML);
/** The same text where b hands over living persons for a's remains under `bodies`. */
const living = agreementOf(
  REMAINS_YAML.replace(
    'categories: [{ id: bodies-held, label: { en: Bodies held by B, ar: جثامين لدى ب, he: גופות המוחזקות בידי ב }, remains: true }]',
    'categories: [{ id: bodies-held, label: Detainees held by B }]',
  ),
);
const terms = (a = agreement, b = agreement) =>
  summarize(a, b, planAgreement(a), planAgreement(b)).map((r) => r.term);

describe('comparison terms of remains: returned, not released', () => {
  it('given a side that hands over remains in both texts, then the term says they are returned by it', () => {
    const t = terms();
    expect(t).toContain('Exchange (bodies) returned by A');
    expect(t).toContain('Exchange (bodies) returned by B');
    expect(t).toContain('Exchange (dead-for-living) returned by A');
    expect(t).toContain('Exchange (dead-for-living) released by B');
    expect(t).toContain('Exchange (ex) released by A');
    expect(t).toContain('Exchange (ex) released by B');
    expect(t.filter((x) => x.startsWith('Exchange (bodies)') && x.includes('released'))).toEqual([]);
  });

  it('given a side that hands over remains in one text and the living in the other, then the term says both', () => {
    const t = terms(agreement, living);
    expect(t).toContain('Exchange (bodies) returned by A');
    expect(t).toContain('Exchange (bodies) released or returned by B');
  });
});
