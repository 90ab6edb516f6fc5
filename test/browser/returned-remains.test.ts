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
    hamas: 'أعادها حماس (رفات الرهائن المتوفين)',
    israel: 'أعادها إسرائيل (جثامين فلسطينيين)',
    living: 'أفرج عنهم حماس',
  },
  he: {
    hamas: 'הוחזרו על ידי חמאס (גופות החטופים שמתו)',
    israel: 'הוחזרו על ידי ישראל (גופות פלסטינים)',
    living: 'שוחררו על ידי חמאס',
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
  }
});
