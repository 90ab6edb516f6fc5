import type { Agreement } from '../agreement/types.ts';
import { agreementNames } from './agreement-names.ts';
import type { Lang } from './lang.ts';
import type { Explanation } from './phrase.ts';
import { type Names, renderExplanation } from './render.ts';

const cache = new WeakMap<Agreement, Map<Lang, Names>>();

/** What `agreement` names (parties, provisions, places, phases, quota lines, categories), in `lang`, kept per agreement. */
export function namesOf(agreement: Agreement, lang: Lang): Names {
  let byLang = cache.get(agreement);
  if (!byLang) {
    byLang = new Map();
    cache.set(agreement, byLang);
  }
  let names = byLang.get(lang);
  if (!names) {
    names = agreementNames(agreement, lang);
    byLang.set(lang, names);
  }
  return names;
}

/** An explanation of a status under `agreement`, in words of `lang`. */
export function explain(e: Explanation, agreement: Agreement, lang: Lang = 'en'): string {
  return renderExplanation(e, { lang, names: namesOf(agreement, lang) });
}
