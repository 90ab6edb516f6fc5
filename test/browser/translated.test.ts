import { describe, expect, it } from 'vitest';
import { DEMO_LOG, demoBrowser, demoLeaves, withOct2025 } from './demo-server.ts';
import { unmarkedLatin } from './latin-text.ts';

const OCT = 'oct-2025-ceasefire';

/** Every page a reader opens, on the Nov 2023 and Oct 2025 logs. */
const PAGES = [
  '/',
  `/agreements/${DEMO_LOG}`,
  `/agreements/${OCT}`,
  `/agreements/${DEMO_LOG}/day/2023-11-25`,
  `/agreements/${DEMO_LOG}/day/2023-12-01`,
  `/agreements/${OCT}/day/2025-10-19`,
  `/logs/${DEMO_LOG}/events/${demoLeaves()[30]}`,
  '/compare?a=jan-2025-ceasefire&b=feb-2024-counter-proposal',
  `/compare?a=${DEMO_LOG}&b=${OCT}`,
  '/workspace',
];

describe('the Arabic and Hebrew pages are in Arabic and Hebrew', { timeout: 300_000 }, () => {
  const demo = demoBrowser(withOct2025);

  for (const lang of ['ar', 'he'] as const) {
    for (const path of PAGES) {
      it(`${path} in ${lang}: no Latin text but names and citations marked with their script`, async () => {
        const { page } = demo.browser;
        const url = new URL(path, demo.server.url);
        url.searchParams.set('lang', lang);
        expect((await page.goto(url.toString()))?.status()).toBe(200);
        await page.waitForLoadState('networkidle');
        await page.locator('main [data-testid]').first().waitFor();
        // Every evidence list open: what it says is read too.
        for (const summary of await page.locator('[data-testid="evidence"] > summary').all()) {
          await summary.click();
        }
        await page.waitForLoadState('networkidle');
        expect(await unmarkedLatin(page)).toEqual([]);
      });
    }
  }
});
