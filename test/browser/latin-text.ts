import type { Page } from 'playwright-core';

/** A text node of a page in Latin script that is not marked as such, with its nearest element's test hook. */
export interface LatinText {
  text: string;
  where: string;
}

/**
 * The text nodes of an Arabic or Hebrew page that carry Latin words but are not marked as being in
 * another language or script: a name given no translation or a quoted citation is marked with `lang`
 * (e.g. `und-Latn`) by an element around it; numbers, times and the language switch are allowed.
 */
export async function unmarkedLatin(page: Page): Promise<LatinText[]> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const out: { text: string; where: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!/[A-Za-z]{2,}/.test(text)) continue;
      const parent = node.parentElement;
      if (!parent) continue;
      // Hidden text (a closed <details>, a template) is not read.
      if (!parent.checkVisibility()) continue;
      if (parent.closest('[data-testid="lang-switch"], script, style, svg title')) continue;
      // Marked as not the page's words: a script tag ("und-Latn": a name or a citation as given) or
      // translate="no". A block merely marked lang="en" is English the page did not translate.
      const marked = parent.closest('[lang]');
      const tag = marked?.getAttribute('lang') ?? pageLang;
      if (tag !== pageLang && (tag.startsWith('und-') || marked?.getAttribute('translate') === 'no'))
        continue;
      const hook =
        parent.closest('[data-testid]')?.getAttribute('data-testid') ?? parent.tagName.toLowerCase();
      out.push({ text: text.trim().slice(0, 120), where: hook });
    }
    return out;
  });
}
