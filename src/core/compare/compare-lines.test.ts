import { describe, expect, it } from 'vitest';
import type { Agreement } from '../agreement/types.ts';
import { pause } from '../plan/fixtures/pause.ts';
import { agreementNames } from '../words/agreement-names.ts';
import { renderPhrase } from '../words/render.ts';
import { compareAgreements } from './compare-agreements.ts';
import { diffTerms } from './diff-terms.ts';

function named(): Agreement {
  const a = pause();
  a.parties = [
    { id: 'a', name: { en: 'Party A', ar: 'الطرف أ', he: 'צד א' }, role: 'party' },
    { id: 'b', name: { en: 'Party B', ar: 'الطرف ب', he: 'צד ב' }, role: 'party' },
    { id: 'icrc', name: 'Intermediary', role: 'intermediary' },
  ];
  a.phases[0]!.title = { en: 'Pause', ar: 'الهدنة', he: 'ההפוגה' };
  return a;
}

describe('comparison lines', () => {
  const a = named();
  const b = named();
  b.phases[0]!.lengthDays = 5;
  const c = compareAgreements(a, b);
  const words = (lang: 'ar' | 'he') => {
    const names = agreementNames([a, b], lang);
    return {
      summary: c.summary.map((r) =>
        [r.lines.term, r.lines.a, r.lines.b].map((l) => renderPhrase(l, { lang, names })),
      ),
      terms: c.terms.map((t) => renderPhrase(t.line, { lang, names })),
      series: c.outcomes.series.map((s) => renderPhrase(s.line, { lang, names })),
    };
  };

  it('word headline terms, changes and series in Arabic with the agreement names', () => {
    const ar = words('ar');
    expect(ar.summary[0]).toEqual(['مدة المرحلة 1 (الهدنة)', '4 أيام، الأيام 1–4', '5 أيام، الأيام 1–5']);
    expect(ar.summary.map((r) => r[0])).toContain('التبادل (exchange): من يُفرج عنهم من جانب الطرف ب');
    expect(ar.terms).toEqual(['المرحلة 1 المدة: 4 ← 5 أيام']);
    expect(ar.series[0]).toBe('الأشخاص المُفرَج عنهم من جانب الطرف أ');
  });

  it('word them in Hebrew, and keep the English of the deprecated fields', () => {
    const he = words('he');
    expect(he.summary[1]).toEqual(['משך כולל', '4 ימים', '5 ימים']);
    expect(he.terms).toEqual(['שלב 1 משך: 4 ← 5 ימים']);
    expect(c.terms[0]!.label).toBe('Phase 1 length: 4 → 5 days');
    expect(c.outcomes.series[0]!.label).toBe('persons released by Party A');
  });
});

describe('comparison values', () => {
  it('name what the agreements name (parties) and what a file is (agreement, proposal) in the language', () => {
    const a = named();
    const b = named();
    b.kind = 'proposal';
    const ceasefire = b.provisions.find((p) => p.kind === 'cessation');
    if (ceasefire?.kind !== 'cessation') throw new Error('fixture');
    ceasefire.parties = ['b', 'a'];
    const names = agreementNames([a, b], 'he');
    const said = diffTerms(a, b).map((t) => renderPhrase(t.line, { lang: 'he', names }));
    expect(said).toContain('ההסכם סוג: הסכם ← הצעה');
    expect(said).toContain('הפסקת פעולות האיבה (ceasefire) הצדדים: צד א, צד ב ← צד ב, צד א');
  });
});
