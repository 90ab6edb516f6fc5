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

  it('a list is read a page at a time: its count before it is opened, one request when opened, one more for each "more"', async () => {
    const { page } = demo.browser;
    const asked: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/api/logs/')) asked.push(`${u.pathname}${u.search}`);
    });
    await page.goto(`${demo.server.url}/agreements/${DEMO_LOG}?lang=en`);
    const table = page.getByTestId('provisions-table');
    await table.waitFor();
    // The list with the most events, by the count its summary gives before anything is read.
    const lists = table.getByTestId('evidence');
    const counts = (await lists.locator('summary').allTextContents()).map((s) =>
      Number(/^([\d,]+) events? as evidence$/.exec(s)?.[1]?.replace(/,/g, '') ?? 0),
    );
    const count = Math.max(...counts);
    expect(count).toBeGreaterThan(10);
    const list = lists.nth(counts.indexOf(count));
    asked.length = 0;
    await list.locator('summary').click();
    const items = list.getByTestId('evidence-item');
    await items.nth(9).waitFor();
    expect(await items.count()).toBe(10);
    const evidence = () => asked.filter((u) => u.includes('/evidence?'));
    expect(evidence()).toHaveLength(1);
    await list.getByTestId('evidence-more').click();
    await items.nth(Math.min(count, 60) - 1).waitFor();
    expect(await items.count()).toBe(Math.min(count, 60));
    expect(evidence()).toHaveLength(2);
    // Never an event asked for one by one (with its proof) to be named in the list.
    expect(asked.filter((u) => /\/events\/[0-9a-f]{64}/.test(u))).toEqual([]);
    // Each event once.
    const titles = await items.evaluateAll((xs) => xs.map((x) => x.getAttribute('title')));
    expect(new Set(titles).size).toBe(titles.length);
  });
});
