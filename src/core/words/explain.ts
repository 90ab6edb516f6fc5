import type { Agreement } from '../agreement/types.ts';
import { namesOf } from './agreement-names.ts';
import type { Lang } from './lang.ts';
import type { Explanation } from './phrase.ts';
import { renderExplanation } from './render.ts';

/** An explanation of a status under `agreement`, in words of `lang`. */
export function explain(e: Explanation, agreement: Agreement, lang: Lang = 'en'): string {
  return renderExplanation(e, { lang, names: namesOf(agreement, lang) });
}
