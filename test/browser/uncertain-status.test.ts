import { describe, expect, it } from 'vitest';
import { LANGS } from '../../web/src/i18n/locale.ts';
import { demoBrowser, withOct2025 } from './demo-server.ts';

type Judged = Map<string, { status: string; uncertain?: true }>;

/** The legend under a table with a ⚠, in each language. */
const LEGEND: Record<string, string> = {
  en: 'marks a term sources disagree on or that is not confirmed, a figure recorded as approximate, and every status and figure that rests on one.',
  ar: 'يدل على بند تختلف فيه المصادر أو غير مؤكَّد، وعلى رقم سُجّل تقريبيًا، وعلى كل حالة أو رقم يستند إلى أحدهما.',
  he: 'מסמן סעיף שהמקורות חלוקים בו או שאינו מאושר, מספר שנרשם כמשוער, וכל סטטוס ומספר הנשענים עליהם.',
};

/**
 * A status that rests on an uncertain term carries the ⚠ on the dashboard as in the CLI and the
 * report. Israel's batch of bodies (Oct 2025) is due by a deadline the plan derived from its
 * batch's (the agreement gives none of its own) and its count rests on a total sources state
 * differently: the API marks its status uncertain, and so must the day page, in its table and in
 * its list of what is late; a status resting on firm terms (Nov 2023's handovers) has no ⚠.
 */
describe('statuses that rest on an uncertain term carry the ⚠ on the dashboard', { timeout: 120_000 }, () => {
  const demo = demoBrowser(withOct2025);

  /** Each obligation's status as the API judges it now (the day page judges as of now, long after these deadlines). */
  async function judged(log: string): Promise<Judged> {
    const r = await fetch(new URL(`/api/logs/${log}/status`, demo.server.url));
    expect(r.status).toBe(200);
    const evaluation = (await r.json()) as {
      obligations: { obligation: { id: string }; status: string; uncertain?: true }[];
    };
    return new Map(evaluation.obligations.map((o) => [o.obligation.id, o]));
  }

  /** The day page's rows and late items: whether each status shows the ⚠, by obligation. */
  async function shown(log: string, date: string, lang: string) {
    const { page } = demo.browser;
    await page.goto(new URL(`/agreements/${log}/day/${date}?lang=${lang}`, demo.server.url).toString());
    await page.locator('tr[data-obligation] [data-status]').first().waitFor();
    const rows = new Map<string, boolean>();
    for (const r of await page.locator('tr[data-obligation]').all()) {
      if ((await r.locator('td [data-status]').count()) === 0) continue;
      rows.set(
        (await r.getAttribute('data-obligation'))!,
        (await r
          .locator('td', { has: page.locator('[data-status]') })
          .locator('.uncertain')
          .count()) > 0,
      );
    }
    const late = new Map<string, boolean>();
    for (const li of await page.locator('section.late li').all())
      late.set((await li.getAttribute('data-obligation'))!, (await li.locator('.uncertain').count()) > 0);
    return { rows, late };
  }

  for (const lang of LANGS) {
    it(`in ${lang}: the headline marks the plan figure of exactly the sides the API marks uncertain, and says what ⚠ means`, async () => {
      const r = await fetch(new URL('/api/logs/oct-2025-ceasefire/status', demo.server.url));
      const { headline } = (await r.json()) as {
        headline: {
          releases: { provision: string; party: string; uncertain: boolean; disputes: unknown[] }[];
        };
      };
      expect(headline.releases.some((x) => x.uncertain)).toBe(true);
      const { page } = demo.browser;
      await page.goto(new URL(`/agreements/oct-2025-ceasefire?lang=${lang}`, demo.server.url).toString());
      const section = page.getByTestId('headline-figures');
      await section.waitFor();
      for (const x of headline.releases) {
        const tile = section.locator('.tile', {
          has: page.locator(`[data-figure="release:${x.provision}:${x.party}"]`),
        });
        expect([x.party, x.provision, (await tile.locator('.uncertain').count()) > 0]).toEqual([
          x.party,
          x.provision,
          x.uncertain,
        ]);
        // A count a record disputes says so beside it, with who disputes it and their words, quoted.
        const disputes = tile.getByTestId('release-disputes');
        expect([x.party, x.provision, await disputes.count()]).toEqual([
          x.party,
          x.provision,
          x.disputes.length ? 1 : 0,
        ]);
        if (x.disputes.length)
          expect(await disputes.textContent()).toContain('Officials told Reuters that 1,966 were released.');
      }
      expect(headline.releases.filter((x) => x.disputes.length).map((x) => x.party)).toEqual(['israel']);
      expect(await section.getByTestId('uncertain-legend').textContent()).toBe(`⚠ ${LEGEND[lang]}`);
    });

    it(`in ${lang}: the day's table and late list mark exactly the statuses the API marks uncertain`, async () => {
      const oct = await judged('oct-2025-ceasefire');
      expect(oct.get('remains-exchange/release/4')).toMatchObject({ status: 'partly-met', uncertain: true });
      const bodies = await shown('oct-2025-ceasefire', '2025-10-13', lang);
      // A late item names what is late as its row does: the act, the quantity and the batch.
      const item = demo.browser.page.locator('section.late li[data-obligation="remains-exchange/release/4"]');
      const row = demo.browser.page.locator('tr[data-obligation="remains-exchange/release/4"] td').nth(2);
      const asked = ((await row.textContent()) ?? '').replace('⚠', '').trim();
      expect(asked).toMatch(/ · .* · /);
      expect(await item.textContent()).toContain(asked);
      expect(bodies.rows.get('remains-exchange/release/4')).toBe(true);
      expect(bodies.late.get('remains-exchange/release/4')).toBe(true);
      for (const seen of [bodies.rows, bodies.late])
        for (const [id, marked] of seen) expect([id, marked]).toEqual([id, oct.get(id)?.uncertain === true]);
      // What the ⚠ means is said once under the table, in words (a title is read only on hover).
      const legend = demo.browser.page.getByTestId('uncertain-legend');
      expect(await legend.textContent()).toBe(`⚠ ${LEGEND[lang]}`);

      const nov = await judged('nov-2023-pause');
      const pause = await shown('nov-2023-pause', '2023-11-25', lang);
      expect(pause.late.get('exchange/hand-over/2')).toBe(false);
      for (const seen of [pause.rows, pause.late])
        for (const [id, marked] of seen) expect([id, marked]).toEqual([id, nov.get(id)?.uncertain === true]);
    });
  }
});
