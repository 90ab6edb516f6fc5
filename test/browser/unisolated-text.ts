import type { Page, Route } from 'playwright-core';

/** Text of an Arabic or Hebrew page in Latin script that is not isolated from the sentence around it. */
export interface UnisolatedText {
  text: string;
  /** The sentence (block) it stands in. */
  sentence: string;
  where: string;
}

/**
 * Latin words of a right-to-left page that stand in a sentence without their own isolate: a
 * record's or the agreement's words must be inside `<bdi>`, an element with `dir` or an inline
 * `unicode-bidi: isolate` (a citation, a time), or between U+2068 and U+2069, else a bracket or a
 * full stop beside them lands on the wrong side ("Press reports (المصدر: … ):(Reuters, AP)"). The
 * same for a title or an aria-label that mixes them with the page's words. The product's name and the language switch are the page's own.
 */
export async function unisolatedText(page: Page): Promise<UnisolatedText[]> {
  return page.evaluate(() => {
    const out: { text: string; sentence: string; where: string }[] = [];
    const latin = (s: string) => /[A-Za-z]{2,}/.test(s.replace(/\u2068[^\u2069]*\u2069/g, ''));
    // Isolated by an element between the text and its block (the block itself with `dir` counts).
    const isolated = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        if (e.tagName === 'BDI' || e.hasAttribute('dir')) return true;
        const style = getComputedStyle(e);
        const inline = style.display.startsWith('inline');
        if (inline && ['isolate', 'isolate-override', 'plaintext'].includes(style.unicodeBidi)) return true;
        if (!inline) return false;
      }
      return false;
    };
    const sentence = (el: Element) =>
      (el.closest('li, p, td, th, h1, h2, h3, dd, figcaption, summary, label, div') ?? el).textContent ?? '';
    const where = (el: Element) =>
      el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.tagName.toLowerCase();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (!parent || !latin(text) || !parent.checkVisibility()) continue;
      if (parent.closest('[data-testid="lang-switch"], .brand, script, style')) continue;
      if (isolated(parent)) continue;
      out.push({ text: text.slice(0, 120), sentence: sentence(parent).slice(0, 200), where: where(parent) });
    }
    for (const el of document.querySelectorAll('main [title], main [aria-label]')) {
      for (const name of ['title', 'aria-label']) {
        const value = el.getAttribute(name) ?? '';
        // Latin words alone (a key, a hash, a name as given) have no sentence to lose their place in.
        if (!latin(value) || !/[\u0590-\u05ff\u0600-\u06ff]/.test(value)) continue;
        out.push({ text: value.slice(0, 120), sentence: `@${name}`, where: where(el) });
      }
    }
    return out;
  });
}

/** Every text an agreement gives in several languages, in English only (`{en, ar, he}` → `en`). */
export function englishOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(englishOnly);
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o);
  if (typeof o.en === 'string' && keys.every((k) => k === 'en' || k === 'ar' || k === 'he')) return o.en;
  return Object.fromEntries(keys.map((k) => [k, englishOnly(o[k])]));
}

/**
 * Serves the page every agreement with its names, titles and terms in English only, as an agreement
 * that gives no translation would be: each is then shown as given, inside Arabic and Hebrew sentences.
 */
export async function agreementsInEnglishOnly(page: Page): Promise<void> {
  await page.route(/\/api\/agreements\/[^/?]+$/, async (route: Route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: englishOnly(await response.json()) });
  });
}
