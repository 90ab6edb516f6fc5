import { describe, expect, it } from 'vitest';
import { screenshot } from './chromium.ts';
import { DEMO_LOG, demoBrowser, withOct2025 } from './demo-server.ts';

const OCT_LOG = 'oct-2025-ceasefire';
const SCRIPT = { ar: /[\u0600-\u06FF]/, he: /[\u0590-\u05FF]/ } as const;

describe('explanations in the page’s language, worded from their codes', { timeout: 120_000 }, () => {
  // The demo log (Nov 2023) and the Oct 2025 log, whose explanations hold disputes and unanswered allegations.
  const demo = demoBrowser(withOct2025);

  for (const log of [OCT_LOG, DEMO_LOG])
    for (const lang of ['ar', 'he'] as const) {
      it(`${log} in ${lang}: every explanation in ${lang}, no Latin letter outside the words recorded as given (marked with their script); screenshot explanations-${log}-${lang}.png`, async () => {
        const { page } = demo.browser;
        await page.goto(`${demo.server.url}/agreements/${log}?lang=${lang}`);
        const table = page.getByTestId('provisions-table');
        await table.waitFor();
        // The statuses come with the log's evaluation, after the agreement: wait for them.
        await table.locator('[data-status]').first().waitFor();
        const read = await page.locator('td.explanation').evaluateAll((cells) =>
          cells.map((cell) => {
            let own = '';
            const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let n = walk.nextNode(); n; n = walk.nextNode())
              if (!n.parentElement?.closest('[lang^="und-"]')) own += `${n.textContent} `;
            return {
              own,
              all: cell.textContent ?? '',
              marked: cell.querySelectorAll('bdi[lang^="und-"]').length,
            };
          }),
        );
        const worded = read.filter((c) => c.all.trim() !== '');
        expect(worded.length).toBeGreaterThan(3);
        for (const c of worded) {
          expect(c.own, c.all).toMatch(SCRIPT[lang]);
          expect(c.own, c.all).not.toMatch(/[A-Za-z]/);
        }
        if (log === OCT_LOG) expect(read.some((c) => c.marked > 0)).toBe(true);
        await screenshot(page, `explanations-${log}-${lang}`);
      });
    }

  it('on an Arabic page with Arabic-Indic digits chosen, the explanations write their numbers and dates in them', async () => {
    const { page } = demo.browser;
    await page.goto(`${demo.server.url}/agreements/${DEMO_LOG}?lang=ar&digits=arab`);
    const table = page.getByTestId('provisions-table');
    await table.locator('[data-status]').first().waitFor();
    // The product's own words, outside what was recorded as given (which keeps its digits).
    const own = await page.locator('td.explanation').evaluateAll((cells) =>
      cells
        .map((cell) => {
          let text = '';
          const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let n = walk.nextNode(); n; n = walk.nextNode())
            if (!n.parentElement?.closest('[lang^="und-"]')) text += `${n.textContent} `;
          return text;
        })
        .join('\n'),
    );
    expect(own).toMatch(/[٠-٩]/);
    expect(own).not.toMatch(/[0-9]/);
  });

  it('in English the explanations read as the status text of `truce status`', async () => {
    const { page } = demo.browser;
    await page.goto(`${demo.server.url}/agreements/${OCT_LOG}?lang=en`);
    await page.getByTestId('provisions-table').locator('[data-status]').first().waitFor();
    const text = (await page.locator('td.explanation').allTextContents()).join('\n');
    expect(text).toMatch(/\d+ obligations: /);
    expect(text).toContain('Not answered: 4 allegations:');
  });

  it('the API gives the codes and, beside them, the words of ?lang= or Accept-Language', async () => {
    const status = async (query: string, headers: Record<string, string> = {}) => {
      const r = await fetch(`${demo.server.url}/api/logs/${OCT_LOG}/status${query}`, { headers });
      expect(r.status).toBe(200);
      return (await r.json()) as {
        lang: string;
        provisions: { provision: string; explanation: { code: string }[]; explanationText: string }[];
      };
    };
    const he = await status('?lang=he', { 'accept-language': 'ar' });
    const ar = await status('', { 'accept-language': 'fr, ar;q=0.8' });
    const en = await status('');
    expect([he.lang, ar.lang, en.lang]).toEqual(['he', 'ar', 'en']);
    const cease = (s: typeof he) => s.provisions.find((p) => p.provision === 'ceasefire')!;
    expect(cease(he).explanation).toEqual(cease(en).explanation);
    expect(cease(he).explanation[0]!.code).toBe('provision.allegations');
    expect(cease(en).explanationText).toMatch(/^1 allegation: /);
    expect(cease(ar).explanationText).toMatch(/^ادعاء واحد: /);
    expect(cease(he).explanationText).toMatch(/^טענה אחת: /);
  });

  it('the report and the status export word their explanations in the reader’s language too', async () => {
    const report = await fetch(`${demo.server.url}/api/logs/${DEMO_LOG}/report?date=2023-11-25&lang=he`);
    expect(report.status).toBe(200);
    const html = await report.text();
    // The whole report is in Hebrew, right to left: its frame as well as its explanations.
    expect(html).toContain('<html lang="he" dir="rtl">');
    expect(html).toContain('<td>פעימה 2 (');
    expect(html).not.toContain('Headline figures');
    expect(html).not.toContain('Batch 2 (13 persons)');
    const csv = await fetch(
      `${demo.server.url}/api/logs/${DEMO_LOG}/export/statuses.csv?at=2023-11-26T00:00:00%2B02:00`,
      {
        headers: { 'accept-language': 'ar' },
      },
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('vary')).toMatch(/accept-language/i);
    const text = await csv.text();
    expect(text).toContain('الدفعة 2 (13 شخصًا)');
    expect(text).not.toContain('Batch 2 (13 persons)');
  });
});
