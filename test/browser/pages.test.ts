import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../web/src/i18n/locale.ts';
import { ar } from '../../web/src/i18n/messages-ar.ts';
import { type Catalog, en } from '../../web/src/i18n/messages-en.ts';
import { he } from '../../web/src/i18n/messages-he.ts';
import { PROOF_MESSAGES } from '../../web/src/proof/proof-messages.ts';
import { type Browser, openBrowser, screenshot } from './chromium.ts';
import { DEMO_LOG, demoLeaves, demoServer } from './demo-server.ts';
import type { Served } from './serve.ts';

const CATALOGS: Record<Lang, Catalog> = { en, ar, he };

/** A plain (not plural) message of the dashboard in a language. */
const message = (lang: Lang, key: 'home.title' | 'nav.home') => CATALOGS[lang][key] as string;

/** Each page: its path, the test hooks it must show, and a text of its own in the language. */
const PAGES: { name: string; path: string; testids: string[]; text?: (lang: Lang) => string }[] = [
  {
    name: 'home',
    path: '/',
    testids: ['agreement-card'],
    text: (l) => message(l, 'home.title'),
  },
  {
    name: 'agreement',
    path: `/agreements/${DEMO_LOG}`,
    testids: [
      'phase-timeline',
      'headline-figures',
      'provisions-table',
      'provision-row',
      'event-feed',
      'event-item',
    ],
  },
  // An agreement with no log whose first phase has no fixed end: running today, its timeline drawn to today.
  {
    name: 'agreement-open-ended',
    path: '/agreements/oct-2025-ceasefire',
    testids: ['phase-timeline', 'headline-figures', 'provisions-table', 'today-marker'],
  },
  { name: 'day', path: `/agreements/${DEMO_LOG}/day/2023-11-25`, testids: ['day-view', 'day-events'] },
  // The last day of the pause: no obligation, the morning it ended, and its events.
  { name: 'day-last', path: `/agreements/${DEMO_LOG}/day/2023-12-01`, testids: ['day-view', 'day-events'] },
  {
    name: 'event',
    path: `/logs/${DEMO_LOG}/events/${demoLeaves()[30]}`,
    testids: ['proof-panel', 'proof-status'],
    text: (l) => PROOF_MESSAGES[l].title,
  },
  {
    name: 'compare',
    path: '/compare?a=jan-2025-ceasefire&b=feb-2024-counter-proposal',
    testids: ['compare-table'],
  },
  // Not public, but a page in each language too: its sign-in form before anyone signs in.
  { name: 'workspace', path: '/workspace', testids: ['workspace-signin', 'lang-switch'] },
];

describe('the pages in Chromium, in English, Arabic and Hebrew', { timeout: 120_000 }, () => {
  let server: Served;
  let browser: Browser;
  beforeAll(async () => {
    server = await demoServer();
    browser = await openBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const p of PAGES) {
    for (const lang of LANGS) {
      it(`${p.name} in ${lang}: direction, translated text, test hooks; screenshot ${p.name}-${lang}.png`, async () => {
        const { page } = browser;
        const url = new URL(p.path, server.url);
        url.searchParams.set('lang', lang);
        const response = await page.goto(url.toString());
        expect(response?.status()).toBe(200);
        for (const id of p.testids) await page.getByTestId(id).first().waitFor({ timeout: 30_000 });
        const html = page.locator('html');
        expect(await html.getAttribute('lang')).toBe(lang);
        expect(await html.getAttribute('dir')).toBe(lang === 'en' ? 'ltr' : 'rtl');
        // The navigation and the page's own words are in the language asked for.
        await expect(
          page.getByRole('navigation').getByText(message(lang, 'nav.home')).isVisible(),
        ).resolves.toBe(true);
        if (p.text) await page.getByText(p.text(lang), { exact: true }).first().waitFor({ timeout: 30_000 });
        await expect(page.getByTestId('lang-switch').isVisible()).resolves.toBe(true);
        // The layout is mirrored, not only the attribute: the language switcher ends the header's
        // line, on the right in English and on the left in Arabic and Hebrew.
        const box = await page.getByTestId('lang-switch').boundingBox();
        const middle = (page.viewportSize()?.width ?? 0) / 2;
        expect(box!.x + box!.width / 2 > middle).toBe(lang === 'en');
        // Every page that shows the demo log (all but the comparison of two proposals, and an
        // agreement with no log) says first that it is reconstructed from public reporting and
        // signed with demonstration keys.
        const banner = page.getByTestId('provenance-banner');
        if (p.name === 'compare' || p.name === 'agreement-open-ended') expect(await banner.count()).toBe(0);
        else {
          await banner.first().waitFor();
          const said = (await banner.first().textContent()) ?? '';
          expect(said).toContain(CATALOGS[lang]['provenance.reconstructed'] as string);
          expect(said).toContain(CATALOGS[lang]['provenance.demoKeys'] as string);
        }
        if (p.name === 'event') {
          const status = page.getByTestId('proof-status');
          await status.and(page.locator('[data-verified="true"]')).waitFor({ timeout: 30_000 });
          // What "Verified" proves, and what it does not, in the page's language.
          const meaning = (await page.getByTestId('proof-meaning').textContent()) ?? '';
          expect(meaning).toContain(PROOF_MESSAGES[lang].proves);
          expect(meaning).toContain(PROOF_MESSAGES[lang].doesNotProve);
        }
        if (p.name === 'day-last') {
          // Day 8, the last of the pause, is numbered though no obligation falls on it, and lists
          // the three events the log dates to it.
          expect(await page.locator('h1[data-day]').getAttribute('data-day')).toBe('8');
          await expect(page.getByTestId('day-events').getAttribute('data-count')).resolves.toBe('3');
          const kinds = await page
            .getByTestId('day-events')
            .getByTestId('event-item')
            .evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')));
          expect(kinds).toEqual(['statement', 'phase.ended', 'statement']);
        }
        await screenshot(page, `${p.name}-${lang}`);
      });
    }
  }

  // A phone: 390 px wide (an iPhone 12 to 15). No page may be wider than the screen.
  for (const p of PAGES) {
    for (const lang of LANGS) {
      it(`${p.name} in ${lang} at 390 px: no wider than the screen; screenshot ${p.name}-${lang}-390.png`, async () => {
        const page = await browser.context.newPage();
        try {
          await page.setViewportSize({ width: 390, height: 844 });
          const url = new URL(p.path, server.url);
          url.searchParams.set('lang', lang);
          await page.goto(url.toString());
          for (const id of p.testids) await page.getByTestId(id).first().waitFor({ timeout: 30_000 });
          if (p.name === 'event') {
            await page.getByTestId('proof-status').and(page.locator('[data-verified="true"]')).waitFor();
          }
          if (p.name === 'agreement') await page.getByTestId('event-item').first().waitFor();
          // Measured once everything has loaded (a card still loading is narrower than its figures).
          await page.waitForFunction(
            (loading) => !document.body.textContent?.includes(loading),
            CATALOGS[lang]['common.loading'] as string,
          );
          const widths = await page.evaluate(() => {
            const vw = document.documentElement.clientWidth;
            // The elements that reach past either edge, to say what to fix.
            const over = [...document.querySelectorAll('body *')]
              .filter((el) => {
                const r = el.getBoundingClientRect();
                return r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5);
              })
              .filter((el) => !el.closest('.table-scroll, .visually-hidden, .skip'))
              .slice(0, 5)
              .map(
                (el) => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 40)}`,
              );
            return { scroll: document.documentElement.scrollWidth, viewport: window.innerWidth, over };
          });
          await screenshot(page, `${p.name}-${lang}-390`);
          expect(widths.scroll, widths.over.join('\n')).toBeLessThanOrEqual(widths.viewport);
        } finally {
          await page.close();
        }
      });
    }
  }

  it('switches language in place: the switcher sets lang and dir and is remembered', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/?lang=en`);
    await page.getByTestId('agreement-card').first().waitFor();
    await page.getByTestId('lang-he').click();
    await page.locator('html[dir="rtl"][lang="he"]').waitFor();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('he');
    await page.goto(`${server.url}/`);
    await page.getByTestId('agreement-card').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('he');
    await page.getByTestId('lang-en').click();
    await page.locator('html[dir="ltr"][lang="en"]').waitFor();
  });

  it('writes Arabic numbers in Latin or Arabic-Indic digits, as the reader chooses, and remembers it', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/agreements/${DEMO_LOG}?lang=ar`);
    const figure = page.getByTestId('headline-figures').locator('[data-figure]').first();
    await figure.waitFor();
    const latin = (await figure.textContent()) ?? '';
    expect(latin).toMatch(/[0-9]/);
    expect(latin).not.toMatch(/[٠-٩]/);
    await page.getByTestId('digits-arab').click();
    await expect.poll(async () => (await figure.textContent()) ?? '').toMatch(/[٠-٩]/);
    expect(await page.getByTestId('digits-arab').getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await figure.waitFor();
    expect((await figure.textContent()) ?? '').toMatch(/[٠-٩]/);
    // Hebrew is written with Latin digits and offers no switch.
    await page.getByTestId('lang-he').click();
    await page.locator('html[lang="he"]').waitFor();
    expect(await page.getByTestId('digits-switch').count()).toBe(0);
    expect((await figure.textContent()) ?? '').not.toMatch(/[٠-٩]/);
    await page.getByTestId('lang-ar').click();
    await page.getByTestId('digits-latn').click();
    await page.getByTestId('lang-en').click();
  });
});
