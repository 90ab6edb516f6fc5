import { describe, expect, it } from 'vitest';
import { LANGS } from './lang.ts';
import { NOUNS } from './nouns.ts';
import { PHRASE_CODES, PHRASES, type PhraseCode } from './phrase.ts';
import { CATALOGUES, templateParams } from './render.ts';

const LATIN = /[A-Za-z]/;

describe('the phrase catalogues', () => {
  it('give every code a template in every language', () => {
    for (const lang of LANGS)
      for (const code of PHRASE_CODES) expect(CATALOGUES[lang][code], `${lang} ${code}`).toBeTypeOf('string');
    for (const lang of LANGS) expect(Object.keys(CATALOGUES[lang]).sort()).toEqual([...PHRASE_CODES].sort());
  });

  it('use in every template exactly the parameters of its code, each once', () => {
    for (const lang of LANGS)
      for (const code of PHRASE_CODES) {
        const used = templateParams(CATALOGUES[lang][code as PhraseCode]);
        expect(used.sort(), `${lang} ${code}`).toEqual([...PHRASES[code]].sort());
      }
  });

  it('write Arabic and Hebrew without a Latin letter', () => {
    for (const lang of ['ar', 'he'] as const) {
      for (const code of PHRASE_CODES) {
        const words = CATALOGUES[lang][code].replace(/\{\w+(:\w+)?\}/g, '');
        expect(LATIN.test(words), `${lang} ${code}: ${words}`).toBe(false);
      }
      for (const [unit, forms] of Object.entries(NOUNS[lang]))
        for (const form of Object.values(forms)) expect(LATIN.test(form), `${lang} ${unit}`).toBe(false);
    }
  });

  it('count the same nouns in every language', () => {
    expect(Object.keys(NOUNS.ar).sort()).toEqual(Object.keys(NOUNS.en).sort());
    expect(Object.keys(NOUNS.he).sort()).toEqual(Object.keys(NOUNS.en).sort());
  });
});

describe('the Arabic series captions', () => {
  it('name the party after من جانب, with no verb that agrees with it', () => {
    for (const code of PHRASE_CODES.filter((c) => c.startsWith('series.'))) {
      expect(CATALOGUES.ar[code], code).toContain('من جانب {party}');
    }
  });
});
