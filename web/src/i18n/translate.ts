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
  /**
   * Text from an agreement in the chosen language, else English (or `fallback`): isolated, as
   * `isolate` does, since it is the agreement's words, not the page's.
   */
  text(value: Localized | undefined, fallback?: string): string;
  /**
   * Words the page does not write itself (a record's: a source, a statement, an actor's name; the
   * agreement's: a title, a name, a note) as they go into a sentence of the page: on an Arabic or
   * Hebrew page, isolated (U+2068 … U+2069) so that a bracket or a full stop beside them keeps its
   * side; as they are on an English page. The one way the dashboard joins such words to its own
   * outside `t`'s parameters (which it isolates too); an element does it with `<Marked>`.
   */
  isolate(words: string): string;
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
  return text === '' || isolated(text) ? text : `${FSI}${text}${PDI}`;
}

/** Whether `text` is one isolate already: its first character opens one that its last closes. */
function isolated(text: string): boolean {
  if (!text.startsWith(FSI) || !text.endsWith(PDI)) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === FSI || c === '\u2066' || c === '\u2067') depth++;
    else if (c === PDI && --depth === 0) return i === text.length - 1;
  }
  return false;
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
  const own = (words: string) => (rtl ? isolate(words) : words);
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
      if (value === undefined) return own(fallback);
      if (typeof value === 'string') return own(value);
      return own(value[lang] ?? value.en);
    },
    isolate: own,
  };
}
