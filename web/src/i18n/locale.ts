/** The languages of the dashboard. */
export type Lang = 'en' | 'ar' | 'he';
export const LANGS: readonly Lang[] = ['en', 'ar', 'he'];

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'ar' || value === 'he';
}

/** Arabic and Hebrew are written right to left. */
export function dirOf(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'en' ? 'ltr' : 'rtl';
}

/**
 * The language to show: `?lang=` first, then the one remembered, then the browser's, then English.
 * Pure: the caller passes what it read from the URL, storage and navigator.languages.
 */
export function chooseLang(
  query: string | null,
  remembered: string | null,
  preferred: readonly string[],
): Lang {
  if (isLang(query)) return query;
  if (isLang(remembered)) return remembered;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    // `iw` is the old code of Hebrew some browsers still send.
    if (base === 'iw') return 'he';
    if (isLang(base)) return base;
  }
  return 'en';
}

/**
 * The digits numbers are written with: Latin (0–9) or Arabic-Indic (٠–٩). Arabic readers use
 * both, so an Arabic page lets the reader switch; Hebrew and English write Latin digits.
 */
export type Digits = 'latn' | 'arab';

export function isDigits(value: unknown): value is Digits {
  return value === 'latn' || value === 'arab';
}

/** The BCP 47 locale Intl formats a language's numbers and dates with, its digits explicit. */
export function localeOf(lang: Lang, digits: Digits = 'latn'): string {
  return lang === 'ar' ? `ar-u-nu-${digits}` : lang;
}
