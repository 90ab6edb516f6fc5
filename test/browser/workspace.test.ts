import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../src/core/ledger/event.ts';
import { isoInZone } from '../../src/core/time/zoned-time.ts';
import { nodeCrypto as crypto } from '../../src/platform/node-crypto.ts';
import { importDemoLog } from '../../src/server/demo-log.ts';
import { openDatabase } from '../../src/store/database.ts';
import { LedgerStore } from '../../src/store/ledger-store.ts';
import { repoRoot, runCliIn } from '../helpers/run-cli.ts';
import { type Browser, openBrowser, screenshot } from './chromium.ts';
import { demoServer } from './demo-server.ts';

/** A log of its own for an agreement that has none in the demo: fresh keys, so the test can sign. */
const LOG = 'jan-2025-ceasefire';
const ACTORS: { actor: string; role: string; party: string }[] = [
  { actor: 'hamas-liaison', role: 'party', party: 'hamas' },
  { actor: 'icrc', role: 'intermediary', party: 'icrc' },
];

describe('the workspace: a batch submitted and confirmed by two actors, seen live on a public page', {
  timeout: 120_000,
}, () => {
  let server: Awaited<ReturnType<typeof demoServer>>;
  const tokens: Record<string, string> = {};
  const keyFiles: Record<string, string> = {};
  const verifierKeys: Record<string, string> = {};
  const browsers: Browser[] = [];

  /**
   * Fills the served database before the server opens it, as an operator would with the CLI: the
   * demo log, then a log for LOG (truce log init), its actors registered with fresh keys (truce
   * keygen, truce record actor.registered) and their API tokens (truce token create).
   */
  async function prepare(location: string, dir: string) {
    const database = await openDatabase(location);
    try {
      await importDemoLog(new LedgerStore(database, crypto), crypto);
    } finally {
      await database.close();
    }
    const cli = async (...args: string[]) => {
      const r = await runCliIn(dir, ...args, '--json');
      expect(r.status, `truce ${args.join(' ')}: ${r.stderr}`).toBe(0);
      return JSON.parse(r.stdout) as Record<string, unknown>;
    };
    const db = ['--database', location];
    // The server holds the operator's key (it signs a checkpoint every second the log grew) and a
    // witness key (it cosigns each checkpoint it signs); the actors keep theirs.
    const keys = join(dir, 'keys');
    mkdirSync(keys, { mode: 0o700 });
    const keygen = async (name: string, folder = dir, ...flags: string[]) => {
      keyFiles[name] = join(folder, `${name}.key`);
      verifierKeys[name] = (await cli('keygen', name, '--out', keyFiles[name]!, ...flags))
        .verifierKey as string;
      return verifierKeys[name]!;
    };
    await keygen('operator', keys);
    await keygen('witness-1', keys, '--witness');
    await cli(
      'log',
      'init',
      join(repoRoot, 'examples', 'agreements', `${LOG}.yaml`),
      '--key',
      keyFiles.operator!,
      '--occurred-at',
      new Date(Date.now() - 120_000).toISOString(),
      ...db,
    );
    /** truce record actor.registered, signed by the operator, one --field per entry. */
    const register = (fields: Record<string, string>) =>
      cli(
        'record',
        'actor.registered',
        '--key',
        keyFiles.operator!,
        '--log',
        LOG,
        ...db,
        // A minute ago: what the workspace records now (to the second) is after it, whatever the clock.
        '--occurred-at',
        new Date(Date.now() - 60_000).toISOString(),
        ...Object.entries(fields).flatMap(([k, v]) => ['--field', `${k}=${v}`]),
      );
    // A witness cosigns for the log only once the log registers it (docs/ledger.md).
    await register({
      actor: 'witness-1',
      name: 'witness-1',
      role: 'witness',
      key: verifierKeys['witness-1']!,
    });
    for (const a of ACTORS) {
      const key = await keygen(a.actor);
      await register({ actor: a.actor, name: a.actor, role: a.role, party: a.party, key });
      const token = await cli(
        'token',
        'create',
        '--log',
        LOG,
        '--actor',
        a.actor,
        '--role',
        a.role,
        '--party',
        a.party,
        ...db,
      );
      tokens[a.actor] = token.token as string;
    }
    return ['--keys', keys, '--checkpoint-every', '1'];
  }

  beforeAll(async () => {
    server = await demoServer(prepare);
  }, 240_000);
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await server?.stop();
  });

  async function signIn(actor: string): Promise<Page> {
    const browser = await openBrowser();
    browsers.push(browser);
    const { page } = browser;
    await page.goto(`${server.url}/workspace?lang=en`);
    const form = page.getByTestId('workspace-signin');
    await form.waitFor();
    await form.locator('select').selectOption(LOG);
    await form.locator('input[type="password"]').fill(tokens[actor]!);
    await form.locator('input[type="file"]').setInputFiles(keyFiles[actor]!);
    await form.getByText(`${actor}+`).waitFor();
    await form.locator('button[type="submit"]').click();
    await page.getByTestId('workspace-action-list.submitted').waitFor();
    return page;
  }

  /** Chooses an action, fills its form, checks the exact JSON shown, signs it; gives index and leaf hash. */
  async function record(
    page: Page,
    kind: string,
    fill: (form: ReturnType<Page['locator']>) => Promise<void>,
  ) {
    await page.getByTestId(`workspace-action-${kind}`).click();
    const form = page.locator('form').filter({ has: page.locator('#f-count') });
    await fill(form);
    await form.locator('button[type="submit"]').click();
    const preview = page.getByTestId('sign-preview');
    await preview.waitFor();
    const shown = JSON.parse((await preview.textContent()) ?? '') as EventEnvelope;
    expect(shown).toMatchObject({ log: LOG, kind });
    await page.getByTestId('sign-confirm').click();
    const result = page.getByTestId('sign-result');
    await result.waitFor({ timeout: 30_000 });
    const href = (await result.locator('a').getAttribute('href')) ?? '';
    const leafHash = /\/events\/([0-9a-f]{64})$/.exec(href)?.[1];
    expect(leafHash, href).toBeDefined();
    return { shown, leafHash: leafHash! };
  }

  /** Waits until the public page's feed shows at least `count` events. */
  const seen = (page: Page, count: number) =>
    page.waitForFunction((n) => document.querySelectorAll('[data-testid="event-item"]').length >= n, count, {
      timeout: 30_000,
    });

  it('party submits the list and hands over, the intermediary confirms; a public page shows each live', async () => {
    // The public page, in Hebrew, of a third reader who signs nothing.
    const reader = await openBrowser();
    browsers.push(reader);
    const pub = reader.page;
    await pub.goto(`${server.url}/agreements/${LOG}?lang=he`);
    await pub
      .getByTestId('event-feed')
      .waitFor()
      .catch((e: Error) => {
        throw new Error(`${e.message}\nErrors on the page: ${reader.errors.join('; ') || 'none'}`);
      });
    await pub.locator('[data-live="true"]').waitFor({ timeout: 30_000 });
    const before = await pub.getByTestId('event-item').count();
    expect(before).toBe(5);

    const party = await signIn('hamas-liaison');
    const list = await record(party, 'list.submitted', async (form) => {
      await form.locator('label:has-text("provision") select').selectOption('phase-1-exchange');
      await form.locator('#f-batch').fill('1');
      await form.locator('#f-count').fill('3');
    });
    expect(list.shown.actor).toBe('hamas-liaison');
    // The time was entered as the agreement's wall clock and is signed with the agreement's offset.
    const terms = (await (await fetch(`${server.url}/api/agreements/${LOG}`)).json()) as {
      timeZone: string;
      provisions: { id: string; kind: string }[];
    };
    expect(list.shown.occurredAt).toBe(isoInZone(Date.parse(list.shown.occurredAt), terms.timeZone));
    // The form of an aid figure, generated from the core's schema, offers the agreement's aid
    // provisions only, and names the zone its time is entered in.
    await party.getByTestId('workspace-action-aid.delivered').click();
    const offered = await party
      .locator('#f-provision option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(offered).toEqual(terms.provisions.filter((p) => p.kind === 'aid').map((p) => p.id));
    expect(offered.length).toBeGreaterThan(0);
    const when = party.locator('label', { has: party.getByTestId('occurred-at') });
    expect(await when.textContent()).toContain(terms.timeZone);
    await seen(pub, before + 1);
    await screenshot(party, 'workspace-party-en');

    const handover = await record(party, 'handover.completed', async (form) => {
      await form.locator('label:has-text("provision") select').selectOption('phase-1-exchange');
      await form.locator('#f-batch').fill('1');
      await form.locator('#f-count').fill('3');
      await form.locator('label:has-text("to") select').first().selectOption('icrc');
    });
    await seen(pub, before + 2);

    const intermediary = await signIn('icrc');
    const confirmed = await record(intermediary, 'handover.confirmed', async (form) => {
      await form.locator('label:has-text("handover") select').selectOption(handover.leafHash);
      await form.locator('#f-count').fill('3');
    });
    expect(confirmed.shown).toMatchObject({ actor: 'icrc', body: { handover: handover.leafHash, count: 3 } });
    await seen(pub, before + 3);
    await screenshot(intermediary, 'workspace-intermediary-en');

    // Three new items on the public page, newest first, without a reload.
    const indexes = await pub
      .getByTestId('event-item')
      .evaluateAll((items) => items.map((i) => Number(i.getAttribute('data-index'))));
    expect(indexes.slice(0, 3)).toEqual([7, 6, 5]);
    expect(await pub.locator('html').getAttribute('dir')).toBe('rtl');
    await screenshot(pub, 'workspace-live-he');

    // The proof of the confirmation: this log's key is not pinned in the build, so the panel
    // refuses to call it verified, whatever key the server names for it.
    await intermediary.getByTestId('sign-result').locator('a').click();
    const status = intermediary.getByTestId('proof-status');
    await status.and(intermediary.locator('[data-verified="false"]')).waitFor();
    expect(await status.getAttribute('data-code')).toBe('untrusted-log');
    // The intermediary has the operator's and the witness's keys from elsewhere, and pins them in
    // this browser: the event is then proven under a checkpoint the server signed and its witness cosigned.
    const form = intermediary.getByTestId('proof-pin-form');
    await form.getByTestId('proof-pin-logkey').fill(verifierKeys.operator!);
    await form.getByTestId('proof-pin-witnesses').fill(verifierKeys['witness-1']!);
    await form.getByTestId('proof-pin-quorum').fill('1');
    await form.getByTestId('proof-pin-save').click();
    await status
      .and(intermediary.locator('[data-verified="true"]'))
      .waitFor()
      .catch(async (e: Error) => {
        const why = await intermediary.getByTestId('proof-panel').textContent();
        throw new Error(`${e.message}\nThe panel says: ${why}`);
      });
    expect(await intermediary.getByTestId('proof-witnesses').textContent()).toContain('✓');
    expect(await status.textContent()).toMatch(/witness cosignatures: 1 \(required: 1\)/);
    await screenshot(intermediary, 'proof-pinned-witnessed-en');
  });
});
