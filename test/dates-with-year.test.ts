import { describe, expect, it } from 'vitest';
import { formatStatusJson, formatStatusText } from '../src/cli/format-status.ts';
import { evaluate } from '../src/core/compliance/evaluate.ts';
import { FIXTURE_YAML } from '../src/core/compliance/fixture-agreement.ts';
import { labelsOf } from '../src/core/compliance/labels.ts';
import { actors, agreementOf, logged } from '../src/core/compliance/test-log.ts';
import { reportHtml } from '../src/core/report/report-html.ts';
import type { Lang } from '../src/core/words/lang.ts';

// The fixture's 3-day phase moved to start on 31 Dec 2023 08:00 (UTC+2): it ends 3 Jan 2024 08:00,
// and its first batch is due 31 Dec 12:00.
const agreement = agreementOf(
  FIXTURE_YAML.replace('start: 2024-01-01T08:00:00+02:00', 'start: 2023-12-31T08:00:00+02:00'),
);
const started = logged('op', 'phase.started', '2023-12-31T08:00:00+02:00', { phase: 'p1' });
const run = (asOf: string) => evaluate(agreement, [...actors(), started], asOf);
const text = (asOf: string, lang: Lang = 'en') =>
  formatStatusText(run(asOf), agreement, labelsOf(agreement, [], lang), lang);

describe('dates of another year than the one a status is read in', () => {
  it('say their year in the CLI status: the planned end in the next year, the start and a deadline of the year before', () => {
    const before = text('2023-12-31T20:00:00+02:00');
    expect(before).toContain('Started 31 Dec 08:00; planned to end 3 Jan 2024 08:00.');
    const after = text('2024-01-02T09:00:00+02:00');
    expect(after).toContain('Started 31 Dec 2023 08:00; planned to end 3 Jan 08:00.');
    expect(after).toContain(
      'Batch 1 (2 persons) due 31 Dec 2023 12:00; nothing recorded; 45 h past the deadline.',
    );
    expect(after).toContain('10 trucks (trucks) for 31 Dec 2023; nothing recorded');
    expect(after).not.toMatch(/31 Dec \d\d:\d\d/);
    // The end of 31 Dec (1 Jan 00:00) is read in 2023, the day it ends; a minute later, in 2024.
    expect(text('2024-01-01T00:00:00+02:00')).toContain(
      'Started 31 Dec 08:00; planned to end 3 Jan 2024 08:00.',
    );
    expect(text('2024-01-01T00:01:00+02:00')).toContain(
      'Started 31 Dec 2023 08:00; planned to end 3 Jan 08:00.',
    );
  });

  it('in Arabic and Hebrew too', () => {
    for (const lang of ['ar', 'he'] as const) {
      const phases = (asOf: string) =>
        text(asOf, lang)
          .split('\n')
          .find((l) => l.startsWith('  Phase 1'))!;
      expect(phases('2023-12-31T20:00:00+02:00')).toContain('2024');
      expect(phases('2023-12-31T20:00:00+02:00')).not.toContain('2023');
      expect(phases('2024-01-02T09:00:00+02:00')).toContain('2023');
      expect(phases('2024-01-02T09:00:00+02:00')).not.toContain('2024');
    }
  });

  it('say their year in --json explanationText and in the report', () => {
    const json = JSON.parse(formatStatusJson(run('2024-01-02T09:00:00+02:00'), agreement));
    expect(json.phases[0].explanationText).toBe('Started 31 Dec 2023 08:00; planned to end 3 Jan 08:00.');
    const html = reportHtml(run('2024-01-03T00:00:00+02:00'), agreement, '2024-01-02');
    expect(html).toContain('Started 31 Dec 2023 08:00');
    expect(html).toContain('due 31 Dec 2023 12:00');
  });

  it('are as before in a log read within one year', () => {
    const one = agreementOf(FIXTURE_YAML);
    const e = evaluate(one, actors(), '2024-01-02T09:00:00+02:00');
    const said = formatStatusText(e, one);
    expect(said).toContain('planned to end 4 Jan 08:00');
    expect(said).not.toMatch(/20\d\d \d\d:\d\d/);
  });
});
