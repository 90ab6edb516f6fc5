import { describe, expect, it } from 'vitest';
import { LANGS } from '../../web/src/i18n/locale.ts';
import { screenshot } from './chromium.ts';
import { DEMO_LOG, demoBrowser, demoLeaves } from './demo-server.ts';

/** A leaf hash, or a 12-digit prefix of one, as the pages used to print them. */
const HASH = /\b[0-9a-f]{12,64}\b/;

/** The first number of each language's "No. {index}" for evidence. */
const NUMBER_WORD = { en: 'No. ', ar: 'رقم ', he: 'מס׳ ' } as const;

describe('evidence is read as events, not hashes', { timeout: 120_000 }, () => {
  const demo = demoBrowser();

  for (const lang of LANGS) {
    it(`in ${lang}: an obligation's evidence lists each event by its number, kind, time and actor; the hash only behind the link`, async () => {
      const { page } = demo.browser;
      await page.goto(`${demo.server.url}/agreements/${DEMO_LOG}?lang=${lang}`);
      const table = page.getByTestId('provisions-table');
      await table.waitFor();
      const evidence = table.getByTestId('evidence').first();
      await evidence.locator('summary').click();
      const item = evidence.getByTestId('evidence-item').first();
      await item.and(page.locator('[data-index]')).waitFor();
      const said = (await item.textContent()) ?? '';
      const index = Number(await item.getAttribute('data-index'));
      expect(said.startsWith(`${NUMBER_WORD[lang]}${index}`), said).toBe(true);
      expect(said).not.toMatch(HASH);
      // The hash is behind the link, and the link leads to that event's proof.
      const hash = (await item.getAttribute('title')) ?? '';
      expect(hash).toBe(demoLeaves()[index]);
      expect(await item.getAttribute('href')).toBe(`/logs/${DEMO_LOG}/events/${hash}`);
      // The event feed names its proof links in words, the hash only in their title.
      const feed = page.getByTestId('event-feed');
      await feed.getByTestId('proof-link').first().waitFor();
      const links = await feed.getByTestId('proof-link').allTextContents();
      expect(links.filter((l) => HASH.test(l))).toEqual([]);
      await screenshot(page, `evidence-${lang}`);
    });
  }
});
