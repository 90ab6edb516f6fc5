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
  { name: 'day', path: `/agreements/${DEMO_LOG}/day/2023-11-25`, testids: ['day-view'] },
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
        if (p.name === 'event') {
          const status = page.getByTestId('proof-status');
          await status.and(page.locator('[data-verified="true"]')).waitFor({ timeout: 30_000 });
        }
        await screenshot(page, `${p.name}-${lang}`);
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
});
