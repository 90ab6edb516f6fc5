import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadlineFigures } from '../../src/core/figures/headline-figures.ts';
import type { Total } from '../../src/core/plan/types.ts';
import { CATALOGUES } from '../../src/core/words/render.ts';
import { formatters } from '../../web/src/i18n/format.ts';
import { LANGS, type Lang } from '../../web/src/i18n/locale.ts';
import { ar } from '../../web/src/i18n/messages-ar.ts';
import { type Catalog, en } from '../../web/src/i18n/messages-en.ts';
import { he } from '../../web/src/i18n/messages-he.ts';
import { runCli } from '../helpers/run-cli.ts';
import { type Browser, openBrowser, screenshot } from './chromium.ts';
import { DEMO_LOG, demoServer } from './demo-server.ts';
import type { Served } from './serve.ts';

const CATALOGS: Record<Lang, Catalog> = { en, ar, he };

/** Every figure a page shows, by what it is (data-figure) → its value (data-value). */
type Figures = Record<string, string>;

/** The figures the headline model gives: each release, each source of each quota, or "unrecorded". */
function expected(h: HeadlineFigures): Figures {
  const out: Figures = {};
  for (const r of h.releases) out[`release:${r.provision}:${r.party}`] = String(r.counted ?? 'unrecorded');
  for (const q of h.quotas) {
    if (q.sources.length === 0) out[`quota:${q.quota}`] = 'unrecorded';
    for (const s of q.sources) out[`quota:${q.quota}:${s.source}`] = String(s.quantity);
  }
  return out;
}

async function figuresOn(page: Page, within = 'body'): Promise<Figures> {
  return page
    .locator(`${within} [data-figure]`)
    .evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-figure'), e.getAttribute('data-value')])),
    );
}

/** The data-figure / data-value pairs of an HTML text (the report). */
function figuresIn(html: string): Figures {
  const out: Figures = {};
  for (const m of html.matchAll(/data-figure="([^"]+)" data-value="([^"]+)"/g)) out[m[1]!] = m[2]!;
  return out;
}

/**
 * The headline figures of the demo log (Nov 2023) and of a plan without a log (Oct 2025), read as
 * a reader reads them on the home page, the agreement page, the comparison, the report, the CLI and
 * the API: the same number everywhere, nothing recorded never shown as 0, and two sources' figures
 * never added.
 */
describe('one figure, one number, on every page and the API', { timeout: 120_000 }, () => {
  let server: Served;
  let browser: Browser;
  let api: HeadlineFigures;
  beforeAll(async () => {
    server = await demoServer();
    browser = await openBrowser();
    const status = await fetch(new URL(`/api/logs/${DEMO_LOG}/status`, server.url));
    expect(status.status).toBe(200);
    api = ((await status.json()) as { headline: HeadlineFigures }).headline;
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the API gives each aid source apart, and nothing recorded as unrecorded', () => {
    const trucks = api.quotas.find((q) => q.quota === 'aid-trucks')!;
    expect(trucks.sources.map((s) => [s.source, s.quantity])).toEqual([
      ['Hamas', 340],
      ['UNRWA', 300],
    ]);
    const diesel = api.quotas.find((q) => q.quota === 'diesel-egypt')!;
    expect(diesel.sources).toEqual([]);
    expect(diesel.daysUnrecorded).toBe(diesel.daysDue);
  });

  for (const lang of LANGS) {
    it(`the agreement page in ${lang} shows the API's figures, each source apart, unrecorded as such; screenshot figures-${lang}.png`, async () => {
      const { page } = browser;
      await page.goto(new URL(`/agreements/${DEMO_LOG}?lang=${lang}`, server.url).toString());
      await page.getByTestId('quota-figures').waitFor();
      expect(await figuresOn(page, '[data-testid="headline-figures"]')).toEqual(expected(api));
      // Hamas's 340 trucks and UNRWA's 300 are never added into one figure.
      const text = (await page.getByTestId('headline-figures').textContent()) ?? '';
      expect(text).not.toContain(formatters(lang).number(640));
      // Diesel nobody recorded: written as unrecorded in the reader's language, never as 0 litres.
      const diesel = page.locator('[data-figure="quota:diesel-egypt"]');
      expect(await diesel.textContent()).toBe(CATALOGS[lang]['figures.unrecorded']);
      expect(text).not.toMatch(/(^|[^\d,.])0 (litres|trucks)/);
      // Its chart draws no done line (a gap, not a line at 0) and says nothing was recorded.
      const dieselChart = page.locator('figure.chart', {
        has: page.locator('[data-done="unrecorded"]'),
      });
      expect(await dieselChart.count()).toBeGreaterThanOrEqual(3);
      expect(await dieselChart.locator('[data-testid="line-done"]').count()).toBe(0);
      // The aid trucks are charted once per source, each with its own figure.
      const dones = await page
        .locator('[data-done]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-done')));
      expect(dones).toContain('340');
      expect(dones).toContain('300');
      expect(dones).not.toContain('640');
      expect(dones).not.toContain('0');
      await screenshot(page, `figures-${lang}`);
    });
  }

  it('the home page shows the same released figures as the API', async () => {
    const { page } = browser;
    await page.goto(new URL('/?lang=en', server.url).toString());
    const card = `[data-testid="agreement-card"][data-id="${DEMO_LOG}"]`;
    await page.locator(`${card} [data-figure]`).first().waitFor();
    const releases = Object.fromEntries(
      Object.entries(expected(api)).filter(([k]) => k.startsWith('release:')),
    );
    expect(await figuresOn(page, card)).toEqual(releases);
  });

  it('the report gives the same figures as the API', async () => {
    // The pause ended on 1 Dec 2023: by the end of 2023 every figure is in, as it is now.
    const report = await fetch(new URL(`/api/logs/${DEMO_LOG}/report?date=2023-12-31`, server.url));
    expect(report.status).toBe(200);
    expect(figuresIn(await report.text())).toEqual(expected(api));
  });

  it('truce status --json gives the same headline figures as the API', async () => {
    const r = await runCli('status', `examples/logs/${DEMO_LOG}`, '--json');
    expect(r.status).toBe(0);
    const cli = (JSON.parse(r.stdout) as { headline: HeadlineFigures }).headline;
    expect(expected(cli)).toEqual(expected(api));
    expect(cli.quotas).toEqual(api.quotas);
    expect(cli.releases).toEqual(api.releases);
  });

  it('a total that sources state differently shows each source with its own sum, never a range of nobody’s', async () => {
    const { page } = browser;
    // The page asks for the plan to today (its phase has no fixed end): the answer it was given is
    // the API's figure to compare with, whatever day today is.
    const plans: Promise<{ totals: Total[] } | null>[] = [];
    const seen = (r: import('playwright-core').Response) => {
      if (new URL(r.url()).pathname === '/api/agreements/oct-2025-ceasefire/plan')
        plans.push(r.json().catch(() => null));
    };
    page.on('response', seen);
    await page.goto(new URL('/agreements/oct-2025-ceasefire?lang=en', server.url).toString());
    await page.getByTestId('headline-figures').waitFor();
    await page.locator('[data-figure^="planned:israel:trucks:"]').first().waitFor();
    page.off('response', seen);
    const plan = (await Promise.all(plans)).findLast((p) => p !== null)!;
    const trucks = plan.totals.find((t) => t.category === 'trucks')!;
    expect(trucks.bySource!.length).toBeGreaterThan(1);
    const shown = await figuresOn(page, '[data-testid="headline-figures"]');
    expect(shown).toEqual(
      Object.fromEntries(
        trucks.bySource!.map((s) => [`planned:israel:trucks:${s.source}`, String(s.quantity)]),
      ),
    );
    const text = (await page.getByTestId('headline-figures').textContent()) ?? '';
    const [low, high] = [trucks.quantity, trucks.quantityMax!].map((n) => n.toLocaleString('en-US'));
    expect(text).not.toContain(`${low}–${high}`);
  });

  for (const lang of LANGS) {
    it(`the agreement page in ${lang} shows the total stated for the bodies (⚠ 360) beside the ratio's 420, each with its source`, async () => {
      const { page } = browser;
      await page.goto(new URL(`/agreements/oct-2025-ceasefire?lang=${lang}`, server.url).toString());
      await page.getByTestId('headline-figures').waitFor();
      const stated = page.locator('[data-stated-total="remains-exchange:israel"]');
      await stated.waitFor();
      expect(
        await stated
          .locator('[data-value]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-value'))),
      ).toEqual(['360']);
      expect(await stated.locator('.uncertain').count()).toBe(1);
      expect(await stated.textContent()).toContain('(Reported as the agreed total)');
      // The side whose stated total is what the plan gives shows no second figure.
      expect(await page.locator('[data-stated-total="remains-exchange:hamas"]').count()).toBe(0);
    });
  }

  it('a date that obliges no party (the force authorized until 31 Dec 2027) shows on its day, not as an obligation', async () => {
    const { page } = browser;
    await page.goto(new URL('/agreements/oct-2025-ceasefire/day/2027-12-31?lang=en', server.url).toString());
    await page.getByTestId('day-dates').waitFor();
    const dated = page.locator('[data-dated="international-force"]');
    expect(await dated.textContent()).toContain('authorized until 31 Dec 2027');
    expect(await dated.locator('[data-status="dated-fact"]').count()).toBe(1);
    expect(await page.locator('[data-obligation^="international-force/"]').count()).toBe(0);
  });

  it('the comparison gives the same planned total as the agreement page and the API', async () => {
    const plan = (await (
      await fetch(new URL('/api/agreements/jan-2025-ceasefire/plan', server.url))
    ).json()) as { totals: Total[] };
    const hamas = plan.totals.filter((t) => t.party === 'hamas' && t.unit === 'person');
    expect(hamas).toHaveLength(1);
    const total = hamas[0]!.quantity.toLocaleString('en-US');
    const { page } = browser;
    await page.goto(new URL('/agreements/jan-2025-ceasefire?lang=en', server.url).toString());
    await page.getByTestId('headline-figures').waitFor();
    const tiles = await page
      .getByTestId('headline-figures')
      .locator('.tile')
      .evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    expect(
      tiles.some((t) => t.includes(en['figures.toRelease'].replace('{party}', 'Hamas')) && t.includes(total)),
    ).toBe(true);
    await page.goto(
      new URL('/compare?a=jan-2025-ceasefire&b=feb-2024-counter-proposal&lang=en', server.url).toString(),
    );
    await page.getByTestId('compare-table').waitFor();
    const row = page.getByTestId('compare-table').locator('tr', { hasText: /released by hamas/i });
    expect(await row.first().locator('td').first().textContent()).toMatch(
      new RegExp(`(^|\\D)${total} persons`),
    );
  });

  for (const lang of LANGS) {
    it(`the comparison in ${lang} says "none", "not scheduled" and a figure apart, never 0 for either`, async () => {
      const { page } = browser;
      const url = `/compare?a=jan-2025-ceasefire&b=feb-2024-counter-proposal&lang=${lang}`;
      await page.goto(new URL(url, server.url).toString());
      await page.getByTestId('compare-table').waitFor();
      const chart = (label: string) =>
        page.locator('figure.chart', {
          has: page.locator('figcaption', { hasText: new RegExp(`^${label}$`) }),
        });
      const side = async (label: string, s: 'a' | 'b') =>
        (await chart(label).locator(`[data-side="${s}"]`).textContent())?.replace(/[\u2068\u2069]/g, '');
      // Each chart is captioned in the reader's language, naming the party as the agreement does.
      const PARTY = {
        en: { hamas: 'Hamas', israel: 'Israel' },
        ar: { hamas: 'حماس', israel: 'إسرائيل' },
        he: { hamas: 'חמאס', israel: 'ישראל' },
      }[lang];
      const caption = (code: 'series.person' | 'series.tent', party: 'hamas' | 'israel') =>
        CATALOGUES[lang][code].replace('{party}', PARTY[party]);
      // The counter-proposal states its total of persons but schedules none of it: not 0.
      expect(await side(caption('series.person', 'hamas'), 'a')).toBe(formatters(lang).number(33));
      expect(await side(caption('series.person', 'hamas'), 'b')).toBe(CATALOGS[lang]['compare.notScheduled']);
      // The January text has no tents at all: none, which is not "not stated".
      expect(await side(caption('series.tent', 'israel'), 'a')).toBe(CATALOGS[lang]['common.none']);
      const all = await page.locator('[data-side]').evaluateAll((els) => els.map((e) => e.textContent));
      expect(all).not.toContain(formatters(lang).number(0));
    });
  }
});
