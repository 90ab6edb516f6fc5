import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSigner } from '../../examples/logs/build-nov-2023.ts';
import { WITNESSES } from '../../examples/logs/nov-2023-story.ts';
import { toHex } from '../../src/core/crypto/crypto.ts';
import { cosign } from '../../src/core/ledger/cosignature.ts';
import { leafHash } from '../../src/core/ledger/merkle.ts';
import { formatSignerKey, splitNote } from '../../src/core/ledger/signed-note.ts';
import { nodeCrypto } from '../../src/platform/node-crypto.ts';
import { openDatabase } from '../../src/store/database.ts';
import { LedgerStore } from '../../src/store/ledger-store.ts';
import { formatters } from '../../web/src/i18n/format.ts';
import { runCliIn } from '../helpers/run-cli.ts';
import { type Browser, openBrowser, screenshot } from './chromium.ts';
import { DEMO_LOG, demoLeaves, demoServer } from './demo-server.ts';

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
  let server: Awaited<ReturnType<typeof demoServer>>;
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
    await expect(page.getByTestId('proof-checkpoint-size').textContent()).resolves.toBe('64');
    await expect(page.getByTestId('proof-operator-key').textContent()).resolves.toContain(
      'operator+bd93cf48',
    );
    // Cosigned by both of the demo log's witnesses, each pinned at build time.
    const witnesses = page.getByTestId('proof-witnesses').locator('li');
    expect(await witnesses.locator('code:first-of-type').allTextContents()).toEqual([
      'mediators-witness+e4b009d2',
      'monitor-witness+0717e7bd',
    ]);
    expect((await witnesses.allTextContents()).every((w) => w.startsWith('✓'))).toBe(true);
    // When each cosigned, as a reader reads a date (UTC, said so), not an ISO timestamp.
    const at = `cosigned ${formatters('en').dateTime('2023-12-01T12:00:00Z', 'UTC')} UTC`;
    expect(await page.getByTestId('proof-cosigned-at').allTextContents()).toEqual([at, at]);
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

  /** The statement of event 21, and a forged one a lying server puts in its place. */
  const GENUINE = 'Israel set a midnight deadline for the handover of day 2.';
  const FORGED = 'Israel cancelled the handover of day 2.';
  const forge = (body: string) => {
    const forged = body.replace(GENUINE, FORGED);
    expect(forged).not.toBe(body);
    return forged;
  };

  it('never shows an altered event: a server that alters the event gets the failure and no text', async () => {
    const page = await browser.context.newPage();
    await page.route(`**/api/logs/*/events/${leaves[21]}`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: forge(await response.text()) });
    });
    await page.goto(`${server.url}/logs/${DEMO_LOG}/events/${leaves[21]}?lang=en`);
    const v = await verdict(page);
    expect(v).toMatchObject({ verified: 'false', code: 'leaf-mismatch' });
    await expect(page.getByTestId('event-withheld').getAttribute('data-state')).resolves.toBe('failed');
    const shown = (await page.locator('body').textContent()) ?? '';
    expect(shown).not.toContain(FORGED);
    expect(shown).not.toContain(GENUINE);
    expect(await page.getByTestId('event-verified').count()).toBe(0);
    // Nor the index the server claims for it: no inclusion proof has proven it.
    expect(await page.getByTestId('proof-index').count()).toBe(0);
    await screenshot(page, 'proof-altered-event-en');
    await page.close();
  });

  it('shows the copy it verified: a server that serves a second, altered copy to the page is not believed', async () => {
    // The lying server of issue 12: the genuine event to whoever reads it as the verifier does
    // (accept: */*), a forged one to a reader that asks for JSON. A page that showed a copy of its
    // own beside the proof would show the forged statement under six ticks.
    const page = await browser.context.newPage();
    await page.route(`**/api/logs/*/events/${leaves[21]}`, async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      const json = route.request().headers().accept?.includes('application/json');
      await route.fulfill({ response, body: json ? forge(body) : body });
    });
    await page.goto(`${server.url}/logs/${DEMO_LOG}/events/${leaves[21]}?lang=en`);
    const v = await verdict(page);
    expect(v).toMatchObject({ verified: 'true' });
    const verified = page.getByTestId('event-verified');
    await verified.waitFor();
    expect(await verified.textContent()).toContain(GENUINE);
    expect((await page.locator('body').textContent()) ?? '').not.toContain(FORGED);
    // The canonical bytes on the page hash to the leaf in the address.
    const canonical = (await page.getByTestId('event-canonical').textContent()) ?? '';
    expect(toHex(leafHash(nodeCrypto.sha256, new TextEncoder().encode(canonical)))).toBe(leaves[21]);
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
  // Last: it appends to the demo log that the tests above read at size 64.
  it('proves a newly recorded event once a checkpoint covers it and its witnesses cosigned it', async () => {
    // The demo keys derive from public seeds (examples/logs/build-nov-2023.ts), so the test holds them.
    const keyFile = (actor: string) => {
      const path = join(server.dir, `${actor}.key`);
      writeFileSync(path, `${formatSignerKey(demoSigner(actor))}\n`, { mode: 0o600 });
      return path;
    };
    const database = join(server.dir, 'truce.db');
    const cli = async (...args: string[]) => {
      const r = await runCliIn(server.dir, ...args, '--database', database, '--json');
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { leafHash?: string; index?: number; checkpoint?: number | null };
    };
    // The monitor records a figure with the CLI, another process: no checkpoint covers it yet.
    const recorded = await cli(
      'record',
      'statement',
      '--key',
      keyFile('monitor'),
      '--log',
      DEMO_LOG,
      '--field',
      'text=A new figure.',
    );
    expect(recorded).toMatchObject({ index: 64, checkpoint: null });
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/logs/${DEMO_LOG}/events/${recorded.leafHash}?lang=he`);
    const first = await verdict(page);
    expect(first).toMatchObject({ verified: 'false', code: 'not-checkpointed' });
    // The operator signs a checkpoint; the server announces it on the log's stream and the panel
    // checks again, live: the event is now under a checkpoint, but its pinned witnesses have not
    // cosigned that checkpoint yet.
    await cli('log', 'checkpoint', '--key', keyFile('operator'), '--log', DEMO_LOG);
    const status = page.getByTestId('proof-status');
    await status.and(page.locator('[data-code="cosignature-missing"]')).waitFor();
    // The two demo witnesses cosign it (as their own servers would, answering add-checkpoint).
    const db = await openDatabase(database);
    try {
      const store = new LedgerStore(db, nodeCrypto);
      const latest = (await store.latestCheckpoint(DEMO_LOG))!;
      expect(latest.size).toBe(65);
      const time = Math.floor(Date.now() / 1000);
      for (const w of WITNESSES) {
        const line = cosign(nodeCrypto, demoSigner(w), splitNote(latest.note).text, time);
        await store.addCosignature(DEMO_LOG, latest.size, w, line, new Date().toISOString());
      }
    } finally {
      await db.close();
    }
    await page.reload();
    expect(await verdict(page)).toMatchObject({ verified: 'true' });
    await expect(page.getByTestId('proof-checkpoint-size').textContent()).resolves.toBe('65');
    await screenshot(page, 'proof-live-he');
    await page.close();
  });
});
