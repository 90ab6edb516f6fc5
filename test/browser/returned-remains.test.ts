import { describe, expect, it } from 'vitest';
import type { HeadlineFigures } from '../../src/core/figures/headline-figures.ts';
import { LANGS, type Lang } from '../../web/src/i18n/locale.ts';
import { demoBrowser, withOct2025 } from './demo-server.ts';

const OCT_LOG = 'oct-2025-ceasefire';

/** A text as read: the page isolates each name it fills in (FSI … PDI), which a reader does not see. */
const read = (s: string | null) => (s ?? '').replace(/[\u2068\u2069]/g, '');

/** Matches a text that starts with `prefix`, taken literally. */
const startsWith = (prefix: string) => new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** What the Oct 2025 headline calls each side of the exchange of remains, and the living Hamas released. */
const LABELS: Record<Lang, { hamas: string; israel: string; living: string }> = {
  en: {
    hamas: 'Returned by Hamas (Remains of deceased hostages)',
    israel: 'Returned by Israel (Bodies of Palestinians)',
    living: 'Released by Hamas',
  },
  ar: {
    hamas: 'المُعاد من جانب حماس (رفات الرهائن المتوفين)',
    israel: 'المُعاد من جانب إسرائيل (جثامين فلسطينيين)',
    living: 'المُفرَج عنهم من جانب حماس',
  },
  he: {
    hamas: 'הוחזרו על ידי חמאס (גופות החטופים שמתו)',
    israel: 'הוחזרו על ידי ישראל (גופות פלסטינים)',
    living: 'שוחררו על ידי חמאס',
  },
};

/**
 * How the explanation of Israel's batch of bodies (due 13 Oct) begins, and the words it must not
 * have, in each language: the bodies are returned, never released.
 */
const BODIES: Record<
  Lang,
  { action: string; released: string; starts: string; returned: string; never: RegExp }
> = {
  en: {
    action: 'Return · ',
    released: 'Release · ',
    starts: 'Batch 1: 405 remains to return (for 27 remains counted) by 3 Dec 12:00; ',
    returned: '45 returned by Israel at 14 Oct 12:00 [',
    never: /release/i,
  },
  ar: {
    action: 'إعادة · ',
    released: 'إفراج · ',
    starts:
      'الدفعة 1: المطلوب إعادتها رفات 405 أشخاص (مقابل المحتسَبين: رفات 27 شخصًا) بحلول 3 ديسمبر، 12:00؛ ',
    returned: 'أُعيد 45 من جانب إسرائيل في 14 أكتوبر، 12:00 [',
    never: /أُفرج|الإفراج/,
  },
  he: {
    action: 'השבה · ',
    released: 'שחרור · ',
    starts: 'פעימה 1: להחזרה 405 גופות (עבור הנספרים: 27 גופות) עד 3 בדצמ׳, 12:00; ',
    returned: '45 הוחזרו על ידי ישראל ב־14 באוק׳, 12:00 [',
    never: /שוחררו|לשחרור/,
  },
};

/**
 * The Oct 2025 log: remains are handed over both ways. The API's headline model marks those sides
 * (core's returnedRemains), and the dashboard says they are returned, by the names of the remains,
 * never a second "Released by" a reader would count as people set free.
 */
describe('remains are returned, not released, on the dashboard', { timeout: 120_000 }, () => {
  const demo = demoBrowser(withOct2025);

  it("the API's headline marks the sides that hand over remains, with their categories, and no side of the living", async () => {
    const status = await fetch(new URL(`/api/logs/${OCT_LOG}/status`, demo.server.url));
    expect(status.status).toBe(200);
    const h = ((await status.json()) as { headline: HeadlineFigures }).headline;
    expect(
      Object.fromEntries(h.releases.map((r) => [`${r.provision}:${r.party}`, r.remains ?? null])),
    ).toEqual({
      'living-exchange:hamas': null,
      'living-exchange:israel': null,
      'remains-exchange:hamas': ['deceased-hostages'],
      'remains-exchange:israel': ['palestinian-bodies'],
    });
  });

  for (const lang of LANGS) {
    it(`the agreement page's tiles and the home page's card in ${lang}: remains returned by their names, the living released`, async () => {
      const { page } = demo.browser;
      await page.goto(new URL(`/agreements/${OCT_LOG}?lang=${lang}`, demo.server.url).toString());
      await page.getByTestId('headline-figures').waitFor();
      const tile = (figure: string) =>
        page
          .locator('.tile', { has: page.locator(`[data-figure="release:${figure}"]`) })
          .locator('.tile-label');
      expect(read(await tile('remains-exchange:hamas').textContent())).toBe(LABELS[lang].hamas);
      expect(read(await tile('remains-exchange:israel').textContent())).toBe(LABELS[lang].israel);
      expect(read(await tile('living-exchange:hamas').textContent())).toMatch(
        startsWith(LABELS[lang].living),
      );

      await page.goto(new URL(`/?lang=${lang}`, demo.server.url).toString());
      const card = page.locator(`[data-testid="agreement-card"][data-id="${OCT_LOG}"]`);
      await card.locator('[data-figure]').first().waitFor();
      const line = (figure: string) =>
        card.locator('li', { has: page.locator(`[data-figure="release:${figure}"]`) });
      expect(read(await line('remains-exchange:hamas').textContent())).toMatch(
        startsWith(`${LABELS[lang].hamas}: `),
      );
      expect(read(await line('remains-exchange:israel').textContent())).toMatch(
        startsWith(`${LABELS[lang].israel}: `),
      );
    });

    it(`the day page's row of Israel's batch of bodies in ${lang}: a return, its explanation to return and each handover returned, never released`, async () => {
      const { page } = demo.browser;
      await page.goto(
        new URL(`/agreements/${OCT_LOG}/day/2025-10-13?lang=${lang}`, demo.server.url).toString(),
      );
      const explanation = (obligation: string) =>
        page.locator(`tr[data-obligation="${obligation}"] td.explanation`);
      await explanation('remains-exchange/release/4').waitFor();
      const bodies = read(await explanation('remains-exchange/release/4').textContent());
      expect(bodies).toMatch(startsWith(BODIES[lang].starts));
      expect(bodies).toContain(BODIES[lang].returned);
      expect(bodies).not.toMatch(BODIES[lang].never);
      // What the obligation asks: Israel returns the bodies; it releases the prisoners and detainees.
      const asks = (obligation: string) => page.locator(`tr[data-obligation="${obligation}"] td`).nth(2);
      expect(read(await asks('remains-exchange/release/4').textContent())).toMatch(
        startsWith(BODIES[lang].action),
      );
      expect(read(await asks('living-exchange/release/4').textContent())).toMatch(
        startsWith(BODIES[lang].released),
      );
      // The prisoners and detainees Israel released that day are still released.
      if (lang === 'en')
        expect(read(await explanation('living-exchange/release/4').textContent())).toMatch(
          startsWith(
            'In all: 1,968 persons to release by 13 Oct 12:00; 1,968 released by Israel at 13 Oct 12:00',
          ),
        );
    });

    it(`the day's events in ${lang}: a handover of bodies named as remains returned, a release of prisoners as a release`, async () => {
      const { page } = demo.browser;
      const kinds = async (date: string) => {
        await page.goto(
          new URL(`/agreements/${OCT_LOG}/day/${date}?lang=${lang}`, demo.server.url).toString(),
        );
        const items = page.locator(
          '[data-testid="day-events"] [data-kind="release.completed"] .event-head strong',
        );
        await items.first().waitFor();
        return (await items.allTextContents()).map(read);
      };
      const words = {
        en: ['Remains returned', 'Release carried out'],
        ar: ['إعادة رفات', 'تنفيذ إفراج'],
        he: ['השבת גופות', 'ביצוע שחרור'],
      }[lang];
      // 14 Oct: Israel returned 45 bodies; 13 Oct: Israel released the prisoners and detainees.
      expect(await kinds('2025-10-14')).toEqual([words[0]]);
      expect(await kinds('2025-10-13')).toEqual([words[1]]);
      // The evidence of Israel's batch of bodies (due 13 Oct) names its events the same way (the API's label).
      const evidence = page.locator(
        'tr[data-obligation="remains-exchange/release/4"] [data-testid="evidence"]',
      );
      await evidence.locator('summary').click();
      const item = evidence.getByTestId('evidence-item').first();
      await item.waitFor();
      expect(read(await item.textContent())).toContain(words[0]);
    });
  }
});

/** What the Oct 2025 agreement page calls each side's planned total when no log is held. */
const PLANNED: Record<Lang, { hamas: string; israel: string; living: string }> = {
  en: {
    hamas: 'To be returned by Hamas (remains)',
    israel: 'To be returned by Israel (remains)',
    living: 'To be released by Hamas',
  },
  ar: {
    hamas: 'تُعاد من جانب حماس وفق الخطة (رفات)',
    israel: 'تُعاد من جانب إسرائيل وفق الخطة (رفات)',
    living: 'يُفرَج عنهم من جانب حماس وفق الخطة',
  },
  he: {
    hamas: 'יוחזרו על ידי חמאס לפי התוכנית (גופות)',
    israel: 'יוחזרו על ידי ישראל לפי התוכנית (גופות)',
    living: 'ישוחררו על ידי חמאס לפי התוכנית',
  },
};

/** The demo alone: the Oct 2025 agreement is held without a log, so its page shows the plan's totals. */
describe('remains are to be returned, not released, on the plan’s tiles', { timeout: 120_000 }, () => {
  const demo = demoBrowser();

  for (const lang of LANGS)
    it(`the Oct 2025 agreement page without a log in ${lang}: remains to be returned, the living to be released`, async () => {
      const { page } = demo.browser;
      await page.goto(new URL(`/agreements/${OCT_LOG}?lang=${lang}`, demo.server.url).toString());
      await page.getByTestId('headline-figures').waitFor();
      const labels = (await page.locator('.tile-label').allTextContents()).map(read);
      expect(labels).toContain(PLANNED[lang].hamas);
      expect(labels).toContain(PLANNED[lang].israel);
      expect(labels.some((l) => l.startsWith(PLANNED[lang].living))).toBe(true);
      // Every planned total of remains is to be returned: none is said to be released.
      const remains = { en: ' (remains)', ar: ' (رفات)', he: ' (גופות)' }[lang];
      const returned = { en: 'To be returned by ', ar: 'تُعاد من جانب ', he: 'יוחזרו על ידי ' }[lang];
      const ofRemains = labels.filter((l) => l.endsWith(remains));
      expect(ofRemains).toHaveLength(2);
      for (const l of ofRemains) expect(l).toMatch(startsWith(returned));
    });
});
