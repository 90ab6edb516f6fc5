import { describe, expect, it } from 'vitest';
import { formatStatusJson, formatStatusText } from '../src/cli/format-status.ts';
import { evaluate } from '../src/core/compliance/evaluate.ts';
import { FIXTURE_YAML } from '../src/core/compliance/fixture-agreement.ts';
import { labelsOf } from '../src/core/compliance/labels.ts';
import { actors, agreementOf, logged } from '../src/core/compliance/test-log.ts';
import type { LoggedEvent } from '../src/core/compliance/types.ts';
import { headlineFigures } from '../src/core/figures/headline-figures.ts';
import { reportHtml } from '../src/core/report/report-html.ts';
import { explain } from '../src/core/words/explain.ts';
import type { Lang } from '../src/core/words/lang.ts';

// Remains recovered by the receiving side (B) without a handover by the holding side (A): shown in
// their own words wherever the exchange is, never counted as a return.
const dated = agreementOf(FIXTURE_YAML);
// The same exchange with no cadence: the plan places no batch of it.
const undated = agreementOf(
  FIXTURE_YAML.replace('      cadence: daily\n', '')
    .replace('      handoverBy: "12:00"\n', '')
    .replace('      lists: { lead: { eveningBefore: true } }\n', ''),
);
const T = (d: number, hm: string) => `2024-01-0${d}T${hm}:00+02:00`;
const recovered = logged(
  'med',
  'remains.recovered',
  T(1, '11:00'),
  { provision: 'ex', by: 'b', count: 1047 },
  'Search team report',
);
const run = (agreement: typeof dated, events: LoggedEvent[] = [recovered]) =>
  evaluate(agreement, [...actors(), ...events], T(2, '09:00'));
const labels = (agreement: typeof dated, lang: Lang = 'en') =>
  labelsOf(agreement, [{ actor: 'b', party: 'b' }], lang);

describe('remains recovered without a handover', () => {
  it('are kept with their source, and the returns stay unrecorded: recovered is not returned', () => {
    const e = run(undated);
    const ex = e.provisions.find((p) => p.provision === 'ex')!;
    expect(ex.recovered).toEqual([
      {
        by: 'b',
        count: 1047,
        at: T(1, '11:00'),
        source: 'Search team report',
        evidence: [recovered.leafHash],
      },
    ]);
    const h = headlineFigures(undated, e);
    expect(h.releases.map((r) => r.counted)).toEqual([null, null]);
    expect(h.recovered).toEqual([{ provision: 'ex', ...ex.recovered![0] }]);
    // None recorded, none in the headline's JSON (the output of other logs is unchanged).
    expect(headlineFigures(undated, run(undated, []))).not.toHaveProperty('recovered');
    expect(JSON.parse(formatStatusJson(e, undated)).headline.recovered[0]).toMatchObject({ count: 1047 });
  });

  it('are said in the explanation of an exchange on no date, as what the record holds of it, never "nothing recorded"', () => {
    const ex = run(undated).provisions.find((p) => p.provision === 'ex')!;
    expect(ex.status).toBe('unrecorded');
    expect(explain(ex.explanation, undated, 'en')).toBe(
      'Not recorded as done (no date was agreed); recorded: 1,047 recovered by B without a handover, 1 Jan 11:00 (source: Search team report).',
    );
  });

  it('are said of a dated exchange as recorded of the term, its statuses unchanged', () => {
    const e = run(dated);
    const ex = e.provisions.find((p) => p.provision === 'ex')!;
    // Not a handover by A: its batch past its deadline has nothing recorded.
    expect(e.obligations.find((o) => o.obligation.id === 'ex/hand-over/1')).toMatchObject({
      status: 'unrecorded',
      noRecord: true,
    });
    expect(explain(ex.explanation, dated, 'en')).toContain(
      'Recorded of the term: 1,047 recovered by B without a handover, 1 Jan 11:00 (source: Search team report).',
    );
    expect(ex.evidence).toContain(recovered.leafHash);
  });

  it('stand in the CLI status: the headline, the provision and the cumulative figures, in en, ar and he', () => {
    const e = run(undated);
    const text = (lang: Lang) => formatStatusText(e, undated, labels(undated, lang), lang);
    const en = text('en');
    expect(en).toContain(
      '  Recovered by B without a handover (ex): 1,047 on 1 Jan; not counted as returned (source: Search team report)',
    );
    expect(en).toContain(
      '  ex: 1,047 recovered by B without a handover, 1 Jan 11:00 (source: Search team report)',
    );
    expect(en).not.toMatch(/ex +unrecorded +Nothing recorded/);
    expect(text('ar')).toContain('المُنتشَل على يد B دون تسليم (ex): 1,047 في');
    expect(text('ar')).toContain('انتشال 1,047 على يد B دون تسليم');
    expect(text('he')).toContain('חולצו בידי B ללא מסירה (ex): 1,047 ב־');
    expect(text('he')).toContain('1,047 חולצו בידי B ללא מסירה');
  });

  it('stand in the report: the headline figure (with data-figure) and the cumulative figures', () => {
    const html = reportHtml(run(undated), undated, '2024-01-01', undefined, labels(undated));
    expect(html).toMatch(/Recovered by .*B.* without a handover/);
    expect(html).toContain(`data-figure="recovered:ex:b:${T(1, '11:00')}" data-value="1047"`);
    expect(html.replace(/<[^>]+>|[\u2066-\u2069]/g, '')).toContain(
      'ex: 1,047 recovered by B without a handover, 1 Jan 11:00 (source: Search team report)',
    );
  });
});
