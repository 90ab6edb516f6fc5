import type { Lang } from './locale.ts';

export type PluralCategory = Intl.LDMLPluralRule;

/** A message that varies with a count: `other` is required, the other forms as the language has them. */
export type PluralMessage = Partial<Record<PluralCategory, string>> & { other: string };

const rules = new Map<Lang, Intl.PluralRules>();

function rulesOf(lang: Lang): Intl.PluralRules {
  let r = rules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(lang);
    rules.set(lang, r);
  }
  return r;
}

/** The CLDR plural category of `n` in `lang` (Arabic: zero, one, two, few, many, other). */
export function pluralCategory(lang: Lang, n: number): PluralCategory {
  return rulesOf(lang).select(n);
}

/**
 * The form of `message` for `n`. An explicit `zero` is used for 0 in every language (English
 * "no events"); otherwise the language's own category, falling back to `other`.
 */
export function selectPlural(lang: Lang, message: PluralMessage, n: number): string {
  if (n === 0 && message.zero !== undefined) return message.zero;
  const category = pluralCategory(lang, n);
  return message[category] ?? message.other;
}
