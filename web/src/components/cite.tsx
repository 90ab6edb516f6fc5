import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context.ts';

/**
 * The script of a text, as a BCP 47 tag of undetermined language ("und-Latn"): what a citation or
 * a name given no translation is marked with, since its language is not known but its script is.
 */
export function scriptTag(text: string): string | undefined {
  const letter = text.match(/[A-Za-z\u00C0-\u024F\u0590-\u05FF\u0600-\u06FF\u0750-\u077F]/)?.[0];
  if (!letter) return undefined;
  if (/[\u0590-\u05FF]/.test(letter)) return 'und-Hebr';
  if (/[\u0600-\u06FF\u0750-\u077F]/.test(letter)) return 'und-Arab';
  return 'und-Latn';
}

/**
 * A source as it was given (an outlet, an official, a statement): quoted, never translated, marked
 * with its script and isolated so that it reads in its own direction inside a sentence of another.
 */
export function Cite({ children }: { children: string }): ReactNode {
  return (
    <cite className="source-name" lang={scriptTag(children)} dir="auto" translate="no">
      {children}
    </cite>
  );
}

/** The script tag of a page's language. */
const PAGE_SCRIPT: Record<string, string> = { en: 'und-Latn', ar: 'und-Arab', he: 'und-Hebr' };

/** The script tag of `text` when it is not the script of a page in `lang`, else undefined. */
export function foreignScript(text: string, lang: string): string | undefined {
  const tag = scriptTag(text);
  return tag === PAGE_SCRIPT[lang] ? undefined : tag;
}

/**
 * Text the page does not translate (a name given no translation, an id, words as a recorder wrote
 * them): shown as it is, isolated from the sentence around it (an element with `dir="auto"`, or
 * the translator's `isolate` in the page's script), and marked with its script when that is not
 * the page's, so that it reads in its own direction and a screen reader does not read it as the
 * page's language.
 */
export function Marked({ text, lang }: { text: string; lang: string }): ReactNode {
  const { isolate } = useI18n();
  const tag = foreignScript(text, lang);
  // In the page's script it needs no mark, but still its own isolate inside the page's sentence.
  if (tag === undefined) return isolate(text);
  return (
    <span lang={tag} dir="auto" translate="no">
      {text}
    </span>
  );
}
