import { describe, expect, it } from 'vitest';
import { demoBrowser } from './demo-server.ts';

/** Words in Latin script (digits and symbols aside). */
const latin = (texts: (string | null)[]) => texts.flatMap((t) => t?.match(/[A-Za-z][A-Za-z'-]+/g) ?? []);

describe('plan lines and comparison terms in Arabic and Hebrew pages', { timeout: 120_000 }, () => {
  const demo = demoBrowser();

  for (const lang of ['ar', 'he'] as const) {
    it(`the comparison in ${lang}: headline terms and chart captions in ${lang}, marked so, with the agreements' names`, async () => {
      const { page } = demo.browser;
      await page.goto(
        new URL(
          `/compare?a=jan-2025-ceasefire&b=feb-2024-counter-proposal&lang=${lang}`,
          demo.server.url,
        ).toString(),
      );
      await page.getByTestId('compare-table').waitFor();
      const terms = page.locator('[data-testid="compare-table"] th[scope="row"]');
      expect(await terms.count()).toBeGreaterThan(10);
      // (The list of changed terms quotes values as the files give them: ids and nested data.)
      const texts = [
        ...(await terms.allTextContents()),
        ...(await page.locator('figure.chart figcaption').allTextContents()),
      ];
      expect(latin(texts)).toEqual([]);
      // The cells are in the page's language; only names and citations as given are marked, by script.
      const langs = await page
        .locator('[data-testid="compare-table"] tbody [lang], figure.chart figcaption')
        .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('lang')))]);
      expect(langs.filter((l) => l !== lang && !l?.startsWith('und-'))).toEqual([]);
    });

    it(`a day of an agreement with no log in ${lang}: each obligation's line in ${lang}`, async () => {
      const { page } = demo.browser;
      await page.goto(
        new URL(`/agreements/jan-2025-ceasefire/day/2025-01-19?lang=${lang}`, demo.server.url).toString(),
      );
      await page.getByTestId('day-view').waitFor();
      const cells = page.locator('td.explanation');
      expect(await cells.count()).toBeGreaterThan(2);
      expect(latin(await cells.allTextContents())).toEqual([]);
      // The cells carry no language of their own: the page's, as every explanation is in the reader's language.
      const langs = await cells.evaluateAll((els) => [
        ...new Set(els.map((e) => e.closest('[lang]')?.getAttribute('lang'))),
      ]);
      expect(langs).toEqual([lang]);
      // Worded as explanations are: the names the agreement gives are isolated in their own direction.
      expect(await page.locator('td.explanation bdi').count()).toBeGreaterThan(0);
    });
  }
});
