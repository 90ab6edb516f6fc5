/** The languages a reader can read Truce in. */
export type Lang = 'en' | 'ar' | 'he';
export const LANGS: readonly Lang[] = ['en', 'ar', 'he'];

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'ar' || value === 'he';
}
