import type { Allegation } from '../compliance/types.ts';
import type { Lang } from '../words/lang.ts';
import { formatNumber } from '../words/render.ts';
import { frame } from './report-words.ts';

/**
 * An allegation's casualty figures, one phrase per source ("26 killed per Reuters"), never added up;
 * `source` writes the source's name (an HTML edge isolates it).
 */
export function casualtyPhrases(
  casualties: Allegation['casualties'],
  lang: Lang = 'en',
  source: (name: string) => string = (name) => name,
): string[] {
  const n = (x: number) => formatNumber(x, lang);
  return (casualties ?? []).map((c) => {
    const counts = [
      c.killed !== undefined ? frame(lang, 'killed', { n: n(c.killed) }) : '',
      c.injured !== undefined ? frame(lang, 'injured', { n: n(c.injured) }) : '',
    ].filter(Boolean);
    return frame(lang, 'casualtiesPer', {
      counts: counts.join(lang === 'ar' ? '، ' : ', '),
      source: source(c.source),
    });
  });
}
