import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, openBrowser, screenshot } from './chromium.ts';
import { DEMO_LOG, demoLeaves, demoServer } from './demo-server.ts';
import type { Served } from './serve.ts';

/** Waits until the proof panel has decided, and gives its status element's verdict and code. */
async function verdict(page: Page) {
  const status = page.getByTestId('proof-status');
  await status
    .and(page.locator('[data-verified="true"], [data-verified="false"]'))
    .waitFor({ timeout: 30_000 });
  return {
    verified: await status.getAttribute('data-verified'),
    code: await status.getAttribute('data-code'),
    text: (await status.textContent()) ?? '',
  };
}

describe('the proof of an event, verified in Chromium', { timeout: 120_000 }, () => {
  let server: Served;
  let browser: Browser;
  const leaves = demoLeaves();

  beforeAll(async () => {
    server = await demoServer();
    browser = await openBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('is followed from the event feed and verified in the browser', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/agreements/${DEMO_LOG}?lang=en`);
    const item = page.getByTestId('event-item').first();
    await item.waitFor();
    const index = Number(await item.getAttribute('data-index'));
    expect(Number.isInteger(index)).toBe(true);
    await item.getByTestId('proof-link').click();
    await page.waitForURL(new RegExp(`/logs/${DEMO_LOG}/events/${leaves[index]}`));
    const v = await verdict(page);
    expect(v, v.text).toMatchObject({ verified: 'true' });
    expect(v.text).toContain('Verified');
    await expect(page.getByTestId('proof-index').textContent()).resolves.toBe(String(index));
    await expect(page.getByTestId('proof-checkpoint-size').textContent()).resolves.toBe('62');
    await expect(page.getByTestId('proof-operator-key').textContent()).resolves.toContain(
      'operator+bd93cf48',
    );
    // Every step ticked.
    expect(await page.locator('[data-step][data-state="ok"]').count()).toBe(6);
    await screenshot(page, 'proof-verified-en');
  });

  it('shows a tampered event as failing: one byte of the event served changed', async () => {
    const context = browser.context;
    const page = await context.newPage();
    await page.route('**/api/logs/*/events/*', async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      // 16:00 → 16:01 in the time of the event: one byte.
      const tampered = body.replace(
        /("occurredAt":"\d{4}-\d\d-\d\dT\d\d:)(\d)/,
        (_, a: string, d: string) => `${a}${(Number(d) + 1) % 10}`,
      );
      expect(tampered).not.toBe(body);
      await route.fulfill({ response, body: tampered });
    });
    await page.goto(`${server.url}/logs/${DEMO_LOG}/events/${leaves[12]}?lang=en`);
    const v = await verdict(page);
    expect(v).toMatchObject({ verified: 'false', code: 'leaf-mismatch' });
    expect(await page.locator('[data-step="leaf"]').getAttribute('data-state')).toBe('failed');
    await screenshot(page, 'proof-tampered-en');
    await page.close();
  });

  it('shows an altered inclusion proof as failing', async () => {
    const page = await browser.context.newPage();
    await page.route('**/api/logs/*/events/*', async (route) => {
      const response = await route.fetch();
      const json = await response.json();
      const lines = (json.proof as string).split('\n');
      const hash = Buffer.from(lines[2]!, 'base64');
      hash[31]! ^= 0x80;
      lines[2] = hash.toString('base64');
      json.proof = lines.join('\n');
      await route.fulfill({ response, json });
    });
    await page.goto(`${server.url}/logs/${DEMO_LOG}/events/${leaves[40]}?lang=ar`);
    const v = await verdict(page);
    expect(v).toMatchObject({ verified: 'false', code: 'inclusion-invalid' });
    expect(v.text).toContain('لم يتم التحقق');
    await page.close();
  });
});
