import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ar } from '../../web/src/i18n/messages-ar.ts';
import { he } from '../../web/src/i18n/messages-he.ts';
import { SCREENSHOTS, screenshot } from './chromium.ts';
import { DEMO_LOG, demoBrowser, withOct2025 } from './demo-server.ts';

const OCT = 'oct-2025-ceasefire';
const CATALOGS = { ar, he };

describe('the days of an agreement page, and going to a day', { timeout: 300_000 }, () => {
  const demo = demoBrowser(withOct2025);
  const open = async (path: string, lang: string, width = 1280) => {
    const page = await demo.browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const url = new URL(path, demo.server.url);
    url.searchParams.set('lang', lang);
    await page.goto(url.toString());
    return page;
  };

  it('Nov 2023: the days the log records events on and those something falls due on, each with its counts', async () => {
    const page = await open(`/agreements/${DEMO_LOG}`, 'en');
    try {
      const list = page.getByTestId('day-list');
      await list.locator('li[data-events="3"]').waitFor();
      const days = await list
        .locator('li')
        .evaluateAll((items) =>
          items.map((i) => [i.getAttribute('data-date'), Number(i.getAttribute('data-events'))]),
        );
      expect(days).toEqual([
        ['2023-11-22', 10],
        ['2023-11-23', 0],
        ['2023-11-24', 8],
        ['2023-11-25', 13],
        ['2023-11-26', 6],
        ['2023-11-27', 5],
        ['2023-11-28', 6],
        ['2023-11-29', 6],
        ['2023-11-30', 7],
        ['2023-12-01', 3],
      ]);
      // Short enough to list as it is: no month to open.
      expect(await list.locator('details').count()).toBe(0);
      const last = list.locator('li[data-date="2023-12-01"]');
      expect(await last.textContent()).toBe('Day 8 · Fri, Dec 1, 2023 · 3 events');
      await last.getByRole('link').click();
      await page.locator('[data-testid=day-view][data-date="2023-12-01"]').waitFor();
      await expect(page.getByTestId('day-events').getAttribute('data-count')).resolves.toBe('3');
    } finally {
      await page.close();
    }
  });

  for (const lang of ['ar', 'he'] as const) {
    it(`Oct 2025 in ${lang}: by month, one month open, a daily term said once, never a link a day; screenshot day-list-${lang}-390.png`, async () => {
      const page = await open(`/agreements/${OCT}`, lang, 390);
      try {
        const list = page.getByTestId('day-list');
        await list.locator('details[open] li').first().waitFor();
        const listed = Number(await list.getAttribute('data-count'));
        // The log's days and the days things fall due: dozens, not one for each of 400 days and more.
        expect(listed).toBeGreaterThan(30);
        expect(listed).toBeLessThan(60);
        const months = list.locator('details');
        expect(await months.count()).toBeGreaterThan(3);
        expect(await list.locator('details[open]').count()).toBe(1);
        // Only the open month's links are shown.
        const shown = await list
          .locator('li')
          .evaluateAll((items) => items.filter((i) => i.checkVisibility()).length);
        expect(shown).toBeLessThan(listed);
        // Aid per day is on every day's page: said once, by name, rather than listing every day.
        expect(await page.getByTestId('days-daily').textContent()).toContain(
          lang === 'ar' ? 'المساعدات' : 'סיוע',
        );
        // Each day the log dates events to is listed, with its count: 13 Oct 2025, the exchange.
        const october = list.locator('details[data-month="2025-10"]');
        await october.locator('summary').click();
        const day = october.locator('li[data-date="2025-10-13"]');
        expect(await day.getAttribute('data-events')).toBe('11');
        expect(Number(await day.getAttribute('data-due'))).toBeGreaterThan(0);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
        await list.screenshot({ path: join(SCREENSHOTS, `day-list-${lang}-390.png`) });
      } finally {
        await page.close();
      }
    });

    it(`going to a day in ${lang}: typed year first, in Latin or Arabic-Indic digits, with the keyboard; other orders refused`, async () => {
      const page = await open(`/agreements/${DEMO_LOG}/day/2023-11-25`, lang);
      try {
        await page.locator('[data-testid=day-view][data-date="2023-11-25"]').waitFor();
        const picker = page.locator('main [data-testid=day-picker]');
        const box = picker.getByLabel(CATALOGS[lang]['day.pick'] as string);
        expect(await box.inputValue()).toBe('2023-11-25');
        expect(await box.getAttribute('dir')).toBe('ltr');
        // The day it names, in the reader's language.
        expect(await picker.getByTestId('day-picker-named').getAttribute('data-date')).toBe('2023-11-25');
        await box.fill('٢٠٢٣-١١-٢٧');
        expect(await picker.getByTestId('day-picker-named').getAttribute('data-date')).toBe('2023-11-27');
        await box.press('Enter');
        await page.locator('[data-testid=day-view][data-date="2023-11-27"]').waitFor();
        expect(await page.locator('h1[data-day]').getAttribute('data-day')).toBe('4');
        expect(await box.inputValue()).toBe('2023-11-27');
        // Month first or day first is what the box was asked not to guess: refused, with an example.
        await box.fill('11/25/2023');
        await box.press('Enter');
        const error = picker.getByTestId('day-picker-error');
        await error.waitFor();
        expect(await error.textContent()).toContain('2023-11-27');
        expect(await box.getAttribute('aria-invalid')).toBe('true');
        expect(new URL(page.url()).pathname).toBe(`/agreements/${DEMO_LOG}/day/2023-11-27`);
        await screenshot(page, `day-picker-${lang}`);
      } finally {
        await page.close();
      }
    });
  }
});
