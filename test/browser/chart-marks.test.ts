import { describe, expect, it } from 'vitest';
import { demoSigner } from '../../examples/logs/build-nov-2023.ts';
import { canonicalBytes } from '../../src/core/ledger/canonical-json.ts';
import type { EventEnvelope } from '../../src/core/ledger/event.ts';
import { signEvent } from '../../src/core/ledger/event-sign.ts';
import { nodeCrypto } from '../../src/platform/node-crypto.ts';
import { openDatabase } from '../../src/store/database.ts';
import { LedgerStore } from '../../src/store/ledger-store.ts';
import { LANGS } from '../../web/src/i18n/locale.ts';
import { runCli } from '../helpers/run-cli.ts';
import { screenshot } from './chromium.ts';
import { DEMO_LOG, demoBrowser } from './demo-server.ts';

/**
 * The demo log, then on 26 Nov (day 3): a handover by Hamas whose number was not disclosed, and the
 * UN's figure for the day's aid trucks given as approximate ("about 250").
 */
async function withMarkedDay(database: string): Promise<undefined> {
  const imported = await runCli('import', `examples/logs/${DEMO_LOG}`, '--database', database);
  if (imported.status !== 0) throw new Error(imported.stderr);
  const db = await openDatabase(database);
  try {
    const event = (actor: string, kind: string, occurredAt: string, body: object, source?: string) =>
      canonicalBytes(
        signEvent(
          nodeCrypto,
          {
            v: 1,
            log: DEMO_LOG,
            kind,
            occurredAt,
            recordedAt: occurredAt,
            actor,
            body,
            ...(source ? { source: { name: source } } : {}),
          } as EventEnvelope,
          demoSigner(actor),
        ),
      );
    await new LedgerStore(db, nodeCrypto).append(DEMO_LOG, [
      event('hamas', 'handover.completed', '2023-11-26T18:00:00+02:00', {
        provision: 'exchange',
        undisclosed: true,
        to: 'israel',
        via: 'icrc',
      }),
      event(
        'monitor',
        'aid.delivered',
        '2023-11-26T20:00:00+02:00',
        {
          provision: 'aid',
          date: '2023-11-26',
          quantity: 250,
          unit: 'truck',
          category: 'aid',
          uncertain: true,
        },
        'UN',
      ),
    ]);
  } finally {
    await db.close();
  }
  return undefined;
}

/** The words of the two marks, in each language. */
const WORDS = {
  en: {
    approximate: 'Day 3: 250 trucks done in all, with a figure of that day recorded as approximate',
    undisclosed: 'Day 3: a handover or release recorded with its number not disclosed, not counted',
    legend: /^⚠ a figure of that day recorded as approximate/,
  },
  ar: {
    approximate: 'اليوم 3: نُفِّذ 250 شاحنة إجمالًا، مع رقم لذلك اليوم سُجّل تقريبيًا',
    undisclosed: 'اليوم 3: سُجّل تسليم أو إفراج دون الكشف عن عدده، غير محتسب',
    legend: /^⚠ رقم لذلك اليوم سُجّل تقريبيًا/,
  },
  he: {
    approximate: 'יום 3: בוצעו 250 משאיות בסך הכול, ובהם מספר של אותו יום שנרשם כמשוער',
    undisclosed: 'יום 3: נרשמו מסירה או שחרור בלי שמספרם פורסם, לא נספרו',
    legend: /^⚠ מספר של אותו יום שנרשם כמשוער/,
  },
} as const;

describe('the charts mark a day whose figure is approximate or whose number was not disclosed', {
  timeout: 120_000,
}, () => {
  const demo = demoBrowser(withMarkedDay);

  for (const lang of LANGS) {
    it(`in ${lang}: the day's mark on the UN's aid chart and on Hamas's exchange chart, titled, in the legend and on the right side`, async () => {
      const { page } = demo.browser;
      await page.goto(new URL(`/agreements/${DEMO_LOG}?lang=${lang}`, demo.server.url).toString());
      const charts = page.locator('section[aria-labelledby=charts-h]');
      await charts.locator('figure.chart').first().waitFor();
      const words = WORDS[lang];
      const bidi = (s: string | null) => (s ?? '').replace(/[\u2068\u2069]/g, '');

      // One approximate day, on the UN's chart only; one day with a number not disclosed, on Hamas's.
      const approximate = charts.getByTestId('point-approximate');
      const undisclosed = charts.getByTestId('point-undisclosed');
      expect(await approximate.count()).toBe(1);
      expect(await undisclosed.count()).toBe(1);
      expect(await approximate.getAttribute('data-day')).toBe('3');
      expect(await undisclosed.getAttribute('data-day')).toBe('3');
      const un = charts.locator('figure.chart', { has: page.getByTestId('point-approximate') });
      expect(await un.locator('figcaption').textContent()).toContain('UN');
      const hamas = charts.locator('figure.chart', { has: page.getByTestId('point-undisclosed') });
      expect(await hamas.locator('figcaption').textContent()).toContain(
        lang === 'en' ? 'Hamas' : lang === 'ar' ? 'حماس' : 'חמאס',
      );

      // Each mark titled in words, and said to a screen reader in the chart's label.
      expect(bidi(await approximate.locator('title').textContent())).toBe(words.approximate);
      expect(bidi(await undisclosed.locator('title').textContent())).toBe(words.undisclosed);
      expect(bidi(await un.locator('svg[role=img]').getAttribute('aria-label'))).toContain(words.approximate);
      expect(bidi(await hamas.locator('svg[role=img]').getAttribute('aria-label'))).toContain(
        words.undisclosed,
      );
      // The UN's figure in all adds up the approximate one: its ⚠ beside it.
      expect(await un.locator('.chart-figures [data-approximate]').count()).toBe(1);
      expect(await hamas.locator('.chart-figures [data-approximate]').count()).toBe(0);

      // The legend says what each mark means.
      expect(bidi(await charts.getByTestId('legend-approximate').textContent()).trim()).toMatch(words.legend);
      expect(await charts.getByTestId('legend-undisclosed').count()).toBe(1);

      // Day 3 of 7 lies left of the middle in English, right of it in Arabic and Hebrew (day 1 on the right).
      for (const [figure, mark] of [
        [un, approximate],
        [hamas, undisclosed],
      ] as const) {
        const box = (await figure.locator('svg[role=img]').boundingBox())!;
        const at = (await mark.boundingBox())!;
        const middle = at.x + at.width / 2 - box.x;
        if (lang === 'en') expect(middle).toBeLessThan(box.width / 2);
        else expect(middle).toBeGreaterThan(box.width / 2);
      }
      await screenshot(page, `chart-marks-${lang}`);
    });
  }
});
