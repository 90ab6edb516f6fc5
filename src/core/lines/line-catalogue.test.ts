import { describe, expect, it } from 'vitest';
import { LANGS } from '../words/lang.ts';
import { LINE_CODES, LINES } from './line.ts';
import { LINE_CATALOGUES, templateParams } from './render-line.ts';

describe('line catalogues', () => {
  for (const lang of LANGS) {
    it(`${lang}: every line code has a template using exactly its parameters`, () => {
      const catalogue = LINE_CATALOGUES[lang];
      expect(Object.keys(catalogue).sort()).toEqual([...LINE_CODES].sort());
      for (const code of LINE_CODES) {
        const used = [...new Set(templateParams(catalogue[code]))].sort();
        expect(used, `${lang} ${code}`).toEqual([...LINES[code]].sort());
      }
    });
  }

  it('Arabic and Hebrew templates hold no Latin words', () => {
    for (const lang of ['ar', 'he'] as const) {
      for (const code of LINE_CODES) {
        const words = LINE_CATALOGUES[lang][code].replace(/\{\w+\}/g, '');
        expect(words, `${lang} ${code}`).not.toMatch(/[A-Za-z]/);
      }
    }
  });
});
