import { describe, expect, it } from 'vitest';
import { demoSigner } from '../../examples/logs/build-nov-2023.ts';
import { canonicalBytes } from '../../src/core/ledger/canonical-json.ts';
import type { EventEnvelope } from '../../src/core/ledger/event.ts';
import { signEvent } from '../../src/core/ledger/event-sign.ts';
import { nodeCrypto } from '../../src/platform/node-crypto.ts';
import { openDatabase } from '../../src/store/database.ts';
import { LedgerStore } from '../../src/store/ledger-store.ts';
import { runCli } from '../helpers/run-cli.ts';
import { screenshot } from './chromium.ts';
import { DEMO_LOG, demoBrowser } from './demo-server.ts';

const ALLEGATIONS = 12;

/** The demo log, then twelve allegations of the monitor against the ceasefire, none answered. */
async function withAllegations(database: string): Promise<undefined> {
  const imported = await runCli('import', `examples/logs/${DEMO_LOG}`, '--database', database);
  if (imported.status !== 0) throw new Error(imported.stderr);
  const db = await openDatabase(database);
  try {
    const events = Array.from({ length: ALLEGATIONS }, (_, k) => {
      const occurredAt = new Date(Date.parse('2023-11-26T08:00:00Z') + k * 60_000).toISOString();
      const envelope = {
        v: 1,
        log: DEMO_LOG,
        kind: 'violation.alleged',
        occurredAt,
        recordedAt: occurredAt,
        actor: 'monitor',
        body: {
          against: k % 2 ? 'hamas' : 'israel',
          provision: 'ceasefire',
          description: `Incident ${k + 1}.`,
        },
      } as EventEnvelope;
      return canonicalBytes(signEvent(nodeCrypto, envelope, demoSigner('monitor')));
    });
    await new LedgerStore(db, nodeCrypto).append(DEMO_LOG, events);
  } finally {
    await db.close();
  }
  return undefined;
}

/** "Latest 5 of 12" in each language, with Western or Arabic-Indic digits. */
const LATEST = {
  en: /Latest 5 of 12: /,
  ar: /آخر (5|٥) من (12|١٢): /,
  he: /5 האחרונות מתוך 12: /,
} as const;

/** How many allegations the page says there are, and "10 of 14 shown", in each language. */
const COUNT = { en: /^14 allegations \(/, ar: /^(14|١٤) ادعاءً \(/, he: /^14 טענות \(/ } as const;
const SHOWN = { en: '10 of 14 shown', ar: /تُعرض (10|١٠) من (14|١٤)/, he: /מוצגות 10 מתוך 14/ } as const;

describe('a term with more allegations than the status lists', { timeout: 120_000 }, () => {
  const demo = demoBrowser(withAllegations);

  for (const lang of ['en', 'ar', 'he'] as const)
    it(`in ${lang}: its explanation names the latest 5 and says of how many; its evidence lists all 12, a page at a time`, async () => {
      const { page } = demo.browser;
      await page.goto(`${demo.server.url}/agreements/${DEMO_LOG}?lang=${lang}`);
      const row = page.locator('[data-testid="provision-row"][data-provision="ceasefire"]');
      await row.and(page.locator('[data-status]:not([data-status=""])')).waitFor();
      const explanation = (await row.locator('td.explanation').textContent()) ?? '';
      expect(explanation).toMatch(LATEST[lang]);
      // The latest five are named, the earlier seven are not (their events are in the evidence).
      expect(explanation).toContain('Incident 12.');
      expect(explanation).toContain('Incident 8.');
      expect(explanation).not.toContain('Incident 7.');
      const evidence = row.getByTestId('evidence');
      await evidence.locator('summary').click();
      const items = evidence.getByTestId('evidence-item');
      await items.nth(9).waitFor();
      expect(await items.count()).toBe(10);
      await evidence.getByTestId('evidence-more').click();
      await items.nth(ALLEGATIONS - 1).waitFor();
      expect(await items.count()).toBe(ALLEGATIONS);
      // The agreement page lists every allegation of the log (the demo's two and the twelve), counted
      // from the status, read a page at a time, saying how many of how many it shows.
      const section = page.getByTestId('allegations');
      expect(
        ((await section.getByTestId('allegations-count').textContent()) ?? '').replace(/[\u2068\u2069]/g, ''),
      ).toMatch(COUNT[lang]);
      const listed = section.getByTestId('allegation-item');
      await listed.nth(9).waitFor();
      expect(await listed.count()).toBe(10);
      const shown = ((await section.getByTestId('allegations-shown').textContent()) ?? '').replace(
        /[\u2068\u2069]/g,
        '',
      );
      if (typeof SHOWN[lang] === 'string') expect(shown).toBe(SHOWN[lang]);
      else expect(shown).toMatch(SHOWN[lang]);
      await section.getByTestId('allegations-more').click();
      await listed.nth(13).waitFor();
      expect(await listed.count()).toBe(14);
      expect(await section.getByTestId('allegations-more').count()).toBe(0);
      const all = (await listed.allTextContents()).join('\n');
      for (let k = 1; k <= ALLEGATIONS; k++) expect(all).toContain(`Incident ${k}.`);
      expect(all).toContain('Aid not reaching the north.');
      await screenshot(page, `allegations-latest-${lang}`);
    });
});
