import type { Agreement } from '../agreement/types.ts';
import { namesOf } from './agreement-names.ts';
import type { Lang } from './lang.ts';
import type { Explanation } from './phrase.ts';
import { type Names, renderExplanation } from './render.ts';

/**
 * An explanation of a status under `agreement`, in words of `lang`; dates of another year than
 * `year` (the year it is read in, see readingYear) with their year.
 */
export function explain(e: Explanation, agreement: Agreement, lang: Lang = 'en', year?: string): string {
  return renderExplanation(e, { lang, names: namesOf(agreement, lang), ...(year ? { year } : {}) });
}

/** Names as given, every id as it is: for phrases that name nothing of an agreement (figures, sources, quotes). */
export const AS_GIVEN: Names = {
  party: (id) => id,
  provision: (id) => id,
  place: (id) => id,
  phase: (id) => id,
  quota: (_, id) => id,
  category: (id) => id,
};

/** An explanation that names nothing of an agreement, in words of `lang`. */
export function explainPlain(e: Explanation, lang: Lang = 'en'): string {
  return renderExplanation(e, { lang, names: AS_GIVEN });
}
