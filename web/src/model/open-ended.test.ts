import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/compliance/evaluate.ts';
import { termLabel } from '../components/common.tsx';
import { translator } from '../i18n/translate.ts';
import { exampleAgreement } from './nov-2023.test-fixture.ts';
import { timelineOf } from './phase-state.ts';
import { plannedSeries } from './series.ts';

describe('an agreement whose first phase has no fixed end (October 2025)', () => {
  const { agreement, plan } = exampleAgreement('oct-2025-ceasefire');
  it('is still running past the last day planned, not "ended", when no end is recorded', () => {
    const at = '2025-12-06T12:00:00+02:00';
    const t = timelineOf(plan, evaluate(agreement, [], at), new Date(at));
    expect(t.state).toMatchObject({ state: 'running', phase: 'phase-1' });
    expect(t.phases[0]).toMatchObject({ id: 'phase-1', openEnded: true, ended: false });
  });
  it('its charts run to the last day something counted falls due, not to a milestone dated 2027', () => {
    const last = Math.max(...plannedSeries(plan).map((s) => s.points.at(-1)!.day));
    expect(last).toBe(plan.horizon!.day);
  });
  it('names quota lines and categories by their labels in the reader’s language, never by id', () => {
    for (const lang of ['en', 'ar', 'he'] as const) {
      const { text } = translator(lang);
      const trucks = termLabel(agreement, 'trucks', text);
      const bodies = termLabel(agreement, 'palestinian-bodies', text);
      expect(trucks).not.toBe('trucks');
      expect(bodies).not.toBe('palestinian-bodies');
      if (lang !== 'en') expect(`${trucks}${bodies}`).not.toMatch(/[A-Za-z]/);
    }
  });
});
