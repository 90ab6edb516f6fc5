/**
 * The time from the start of a navigation to the first data on screen, in Chromium: a script
 * installed before any of the page's records performance.now() when an element matching the
 * selector first holds a digit. The page's HTTP cache is disabled, so every run is a first visit.
 */
import type { Page } from 'playwright-core';
import type { Browser } from '../test/browser/chromium.ts';

const watch = (selector: string) => `
  (() => {
    const seen = () => [...document.querySelectorAll(${JSON.stringify(selector)})].some((e) => /\\d/.test(e.textContent || ''));
    const mark = () => { if (window.__firstData === undefined && seen()) window.__firstData = performance.now(); };
    new MutationObserver(mark).observe(document, { childList: true, subtree: true, characterData: true });
    document.addEventListener('DOMContentLoaded', mark);
  })();
`;

async function timeOnce(page: Page, url: string, selector: string): Promise<number> {
  await page.addInitScript(watch(selector));
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as { __firstData?: number }).__firstData !== undefined, null, {
    timeout: 30_000,
    polling: 50,
  });
  return page.evaluate(() => (window as unknown as { __firstData: number }).__firstData);
}

/** `runs` first visits of `url` (after one warm-up), each in a new page: ms to the first data. */
export async function firstDataTimes(
  browser: Browser,
  url: string,
  selector: string,
  runs: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const ms = await timeOnce(page, url, selector);
    if (i > 0) times.push(ms);
    await page.close();
  }
  return times;
}
