import { describe, expect, it } from 'vitest';
import { screenshot } from './chromium.ts';
import { DEMO_LOG, demoBrowser, withOct2025 } from './demo-server.ts';
import { agreementsInEnglishOnly, unisolatedText } from './unisolated-text.ts';

const OCT = 'oct-2025-ceasefire';
const FSI = '\u2068';
const PDI = '\u2069';

/** The pages that put an agreement's and a record's words into sentences of their own. */
const PAGES = [
  '/',
  `/agreements/${DEMO_LOG}`,
  `/agreements/${OCT}`,
  `/agreements/${DEMO_LOG}/day/2023-11-25`,
  `/agreements/${OCT}/day/2025-10-13`,
];

describe('words of a record or of the agreement inside Arabic and Hebrew sentences', {
  timeout: 300_000,
}, () => {
  const demo = demoBrowser(withOct2025);

  for (const lang of ['ar', 'he'] as const) {
    for (const path of PAGES) {
      it(`${path} in ${lang}, the agreement in English only: every Latin word in its own isolate`, async () => {
        const page = await demo.browser.context.newPage();
        try {
          // Names, titles and terms the agreement gives in English only are shown as given, inside
          // the page's sentences: "Released by Hamas (hostages)", "Mediator · Guarantor Qatar".
          await agreementsInEnglishOnly(page);
          const url = new URL(path, demo.server.url);
          url.searchParams.set('lang', lang);
          await page.goto(url.toString());
          await page.waitForLoadState('networkidle');
          await page.locator('main [data-testid]').first().waitFor();
          for (const summary of await page.locator('[data-testid="evidence"] > summary').all()) {
            await summary.click();
          }
          await page.waitForLoadState('networkidle');
          expect(await unisolatedText(page)).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }

    it(`${OCT} in ${lang}: a source, a party, a title and a note as given, each between U+2068 and U+2069; screenshot isolated-${lang}-390.png`, async () => {
      const page = await demo.browser.context.newPage();
      try {
        await page.setViewportSize({ width: 390, height: 844 });
        await agreementsInEnglishOnly(page);
        const url = new URL(`/agreements/${OCT}`, demo.server.url);
        url.searchParams.set('lang', lang);
        await page.goto(url.toString());
        await page.getByTestId('provisions-table').waitFor();
        // A party named after its roles: "وسيط · ضامن ⁨Qatar⁩".
        const qatar = page.locator('.parties li', { hasText: 'Qatar' }).locator('strong');
        expect(await qatar.textContent()).toBe(`${FSI}Qatar${PDI}`);
        // A provision's title, and its source after the page's "Source:" as a citation of its own.
        const row = page.locator('[data-testid=provision-row][data-provision=pullback]');
        expect(await row.locator('th').evaluate((th) => th.firstChild?.textContent)).toBe(
          `${FSI}Pullback to the agreed line${PDI}`,
        );
        const cite = row.locator('cite.source-name');
        expect(await cite.getAttribute('dir')).toBe('auto');
        expect(await cite.textContent()).toBe('IDF; the US envoy, citing CENTCOM');
        // The ⚠'s note, the agreement's words after the page's "Sources differ…:".
        const note = (await row.locator('th .uncertain').getAttribute('aria-label')) ?? '';
        expect(note).toMatch(new RegExp(`: ${FSI}Within 24 hours[^${PDI}]*${PDI}$`));
        // A release's label: the party and the agreement's word for whom it holds, each isolated.
        const released = page.getByTestId('headline-figures').locator('.tile-label').first();
        const label = (await released.textContent()) ?? '';
        expect(label).toContain(`${FSI}Hamas${PDI}`);
        expect(label).toContain(`(${FSI}hostages${PDI})`);
        await screenshot(page, `isolated-${lang}-390`);
      } finally {
        await page.close();
      }
    });
  }
});
