import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { repoRoot } from '../helpers/run-cli.ts';

/** Debian's Chromium (.ci/run installs it when missing); CHROMIUM overrides. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOTS = join(repoRoot, 'test-results', 'screenshots');

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of its pages' scripts, to say why a page shows nothing. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * A Chromium of its own (a persistent context in a fresh profile directory): separate contexts
 * share no cookies, storage or cache, as two people on two machines.
 */
export async function openBrowser(locale = 'en-US'): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM.`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'truce-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    locale,
    viewport: { width: 1280, height: 900 },
  });
  // Slow machines and a busy test run: every wait of a page may take up to 30 s.
  context.setDefaultTimeout(30_000);
  const errors: string[] = [];
  const watch = (p: Page) => p.on('pageerror', (e) => errors.push(`${p.url()}: ${e.message}`));
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot to test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
