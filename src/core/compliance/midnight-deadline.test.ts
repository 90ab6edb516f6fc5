import { describe, expect, it } from 'vitest';
import { explainedEvaluation } from '../words/explained-evaluation.ts';
import { evaluate } from './evaluate.ts';
import { FIXTURE_YAML } from './fixture-agreement.ts';
import { actors, agreementOf } from './test-log.ts';

// The fixture's withdrawal, due by the end of day 2 (no hour): its deadline is 3 Jan 00:00.
const agreement = agreementOf(FIXTURE_YAML.replace('    byDay: 2\n    by: "18:00"\n', '    byDay: 2\n'));
const said = (lang: 'en' | 'ar' | 'he') =>
  JSON.stringify(
    explainedEvaluation(evaluate(agreement, actors(), '2024-01-04T12:00:00+02:00'), agreement, lang),
  );

describe('a deadline at midnight', () => {
  it('is the end of the day before it, as the agreement says it: not the next day at 00:00', () => {
    expect(said('en')).toContain('(due by the end of 2 Jan)');
    expect(said('en')).not.toContain('(due 3 Jan 00:00)');
    expect(said('ar')).toContain('(الموعد نهاية');
    expect(said('he')).toContain('(מועד: סוף');
  });
});
