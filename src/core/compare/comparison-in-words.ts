import type { Agreement } from '../agreement/types.ts';
import { agreementNames } from '../words/agreement-names.ts';
import type { Lang } from '../words/lang.ts';
import { renderPhrase } from '../words/render.ts';
import type { Comparison } from './compare-agreements.ts';
import type { TermChange } from './diff-terms.ts';
import type { OutcomeSeries } from './outcome-curves.ts';
import type { SummaryRow } from './summary.ts';

/** A comparison whose lines are also worded in one language: `text` beside each structured line. */
export interface ComparisonInWords extends Omit<Comparison, 'summary' | 'terms' | 'outcomes'> {
  lang: Lang;
  summary: (SummaryRow & { text: { term: string; a: string; b: string } })[];
  terms: (TermChange & { text: string })[];
  outcomes: Omit<Comparison['outcomes'], 'series'> & { series: (OutcomeSeries & { text: string })[] };
}

/** Words each line of `c` in `lang`, naming what the two agreements name in that language. */
export function comparisonInWords(c: Comparison, a: Agreement, b: Agreement, lang: Lang): ComparisonInWords {
  const names = agreementNames([a, b], lang);
  const words = (l: Parameters<typeof renderPhrase>[0]) => renderPhrase(l, { lang, names });
  return {
    ...c,
    lang,
    summary: c.summary.map((r) => ({
      ...r,
      text: { term: words(r.lines.term), a: words(r.lines.a), b: words(r.lines.b) },
    })),
    terms: c.terms.map((t) => ({ ...t, text: words(t.line) })),
    outcomes: { ...c.outcomes, series: c.outcomes.series.map((s) => ({ ...s, text: words(s.line) })) },
  };
}
