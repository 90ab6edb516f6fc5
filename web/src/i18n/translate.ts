import { type Formatters, formatters } from './format.ts';
import { type Digits, dirOf, type Lang, localeOf } from './locale.ts';
import { ar } from './messages-ar.ts';
import { type Catalog, en, type MessageKey } from './messages-en.ts';
import { he } from './messages-he.ts';
import { selectPlural } from './plural.ts';

const CATALOGS: Record<Lang, Catalog> = { en, ar, he };

export type Params = Record<string, string | number>;

/** Text an agreement gives in several languages (a string is English only). */
export type Localized = string | { en: string; ar?: string; he?: string };

export interface Translator {
  lang: Lang;
  /** The digits numbers are written with, and the Intl locale that writes them so. */
  digits: Digits;
  locale: string;
  fmt: Formatters;
  /** The message `key` with `{name}` replaced; numbers are written as the locale writes them; `n` picks the plural form. */
  t(key: MessageKey, params?: Params): string;
  /** Text from an agreement in the chosen language, else English. */
  text(value: Localized | undefined, fallback?: string): string;
}

/** The words for a field of an event body (its id when the catalog has none). */
export function fieldLabel(t: Translator['t'], field: string): string {
  const key = `field.${field}` as MessageKey;
  return key in en ? t(key) : field;
}

/** First strong isolate … pop directional isolate (Unicode 6.3): in plain text, what <bdi> is in HTML. */
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * `text` isolated from what surrounds it, taking its direction from its own first strong letter:
 * a Latin name, a time or a key inside an Arabic or Hebrew sentence keeps its brackets, colons and
 * digits in place, and does not pull the sentence's punctuation into its own run.
 */
export function isolate(text: string): string {
  return text === '' ? text : `${FSI}${text}${PDI}`;
}

/**
 * The template with `{name}` replaced: numbers as the locale writes them; strings isolated when
 * `isolated` (right-to-left pages, where a left-to-right value would otherwise break the line's order).
 */
export function interpolate(template: string, params: Params, fmt: Formatters, isolated = false): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (typeof v === 'number') return fmt.number(v);
    return isolated ? isolate(v) : v;
  });
}

export function translator(lang: Lang, digits: Digits = 'latn'): Translator {
  const catalog = CATALOGS[lang];
  const fmt = formatters(lang, digits);
  const rtl = dirOf(lang) === 'rtl';
  return {
    lang,
    digits,
    locale: localeOf(lang, digits),
    fmt,
    t(key, params = {}) {
      const message = catalog[key] ?? en[key];
      // A key with no message (an id the catalog does not know yet) shows as itself rather than failing the page.
      if (message === undefined) return key;
      const template =
        typeof message === 'string' ? message : selectPlural(lang, message, Number(params.n ?? 0));
      return interpolate(template, params, fmt, rtl);
    },
    text(value, fallback = '') {
      if (value === undefined) return fallback;
      if (typeof value === 'string') return value;
      return value[lang] ?? value.en;
    },
  };
}
