import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOV_LOG } from '../examples/logs/nov-2023-events.ts';
import { escapeHtml } from '../src/core/report/report-html.ts';
import { runCli } from './helpers/run-cli.ts';

describe('truce status', () => {
  it('--json gives each provision with status, explanation and evidence, and each direction counted and outside', async () => {
    const r = await runCli('status', NOV_LOG, '--at', '2023-12-01T12:00:00+02:00', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out.provisions[0])).toEqual([
      'provision',
      'status',
      'explanation',
      'explanationText',
      'evidence',
    ]);
    // The explanation as data (codes and parameters), and beside it in words.
    expect(out.lang).toBe('en');
    expect(out.provisions[0].explanation[0]).toMatchObject({ code: 'provision.summary' });
    expect(out.provisions[0].explanationText).toMatch(/^\d+ obligations: /);
    expect(out.provisions.map((p: { provision: string }) => p.provision)).toEqual([
      'exchange',
      'aid',
      'ceasefire',
      'free-movement',
      'eligible-prisoners',
    ]);
    expect(out.exchanges.map((d: Record<string, unknown>) => [d.from, d.counted, d.outsideFormula])).toEqual([
      ['hamas', 80, 25],
      ['israel', 240, 0],
    ]);
    expect(out.provisions[0].evidence.every((h: string) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
  });

  it('--lang ar and --lang he word the explanations in Arabic and Hebrew, in the text and beside the codes in --json', async () => {
    const ar = await runCli('status', NOV_LOG, '--at', '2023-12-01T12:00:00+02:00', '--lang', 'ar', '--json');
    expect(ar.status).toBe(0);
    const out = JSON.parse(ar.stdout);
    expect(out.lang).toBe('ar');
    expect(out.provisions[0].explanation[0]).toMatchObject({ code: 'provision.summary' });
    expect(out.provisions[0].explanationText).toMatch(/^\d+ التزامًا: /);
    const he = await runCli('status', NOV_LOG, '--at', '2023-12-01', '--lang', 'he');
    expect(he.status).toBe(0);
    expect(he.stdout).toContain('התחייבויות: ');
    const bad = await runCli('status', NOV_LOG, '--lang', 'fr');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--lang "fr": give en, ar or he.');
  });

  it('prints per provision and per day, the late batch, the extensions and the disputes with their sources', async () => {
    const r = await runCli('status', NOV_LOG, '--at', '2023-12-01');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'Release of hostages and prisoners: Hamas → Israel: 80 counted under the formula (2 of them released outside the formula and agreed to count); 25 outside the formula',
    );
    expect(r.stdout).toContain('ratio holds: 240 released by Israel = 3 × 80');
    // The day's line names the term (never the obligation's id), then the obligation in words, once.
    expect(r.stdout).toMatch(
      /met-late\s+Release of hostages and prisoners \(Hamas\): Batch 2 \(13 persons\) due 25 Nov 16:00/,
    );
    expect(r.stdout).not.toContain('exchange/hand-over/2');
    expect(r.stdout).toContain('2 days agreed 27 Nov 12:00');
    expect(r.stdout).toContain('Aid trucks to the north of Gaza on 25 Nov: 65 per Hamas · 50 per Israel');
    expect(r.stdout).toContain('International Committee of the Red Cross disputes it, giving 33');
  });

  it('prints the headline figures: each aid source apart (never added), nothing recorded as unrecorded', async () => {
    const r = await runCli('status', NOV_LOG, '--at', '2023-12-01');
    expect(r.status).toBe(0);
    const headline = r.stdout.slice(r.stdout.indexOf('Headline figures:'), r.stdout.indexOf('Provisions:'));
    expect(headline).toMatch(/per Hamas: 340 trucks over 1 day reported \(25 Nov\)/);
    expect(headline).toMatch(/per UNRWA: 300 trucks over 1 day reported \(28 Nov\)/);
    expect(headline).not.toContain('640');
    expect(headline).toMatch(
      /Diesel \(Egypt's figure\) ⚠: quota to date [\d,]+ litres; nothing recorded for \d+ of \d+ days due — unrecorded: no source gave a figure/,
    );
    expect(headline).not.toMatch(/\b0 (litres|trucks)/);
  });

  it('refuses a bad --at with a usage error, and a missing agreement with a located error', async () => {
    expect((await runCli('status', NOV_LOG, '--at', 'yesterday')).status).toBe(2);
    // Outside the calendar's years, a usage error (it was "unexpected error: Invalid time value").
    const ancient = await runCli('status', NOV_LOG, '--at', '0001-01-01T00:00:00Z');
    expect([ancient.status, ancient.stderr]).toEqual([
      2,
      expect.stringMatching(/between the years 1900 and 2199/),
    ]);
    const far = await runCli('report', NOV_LOG, '--date', '9999-12-31');
    expect([far.status, far.stderr]).toEqual([
      2,
      expect.stringMatching(/--date 9999-12-31: give a day between/),
    ]);
    const r = await runCli('status', NOV_LOG, '--agreement', 'nope.yaml');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('nope.yaml:1:1');
  });
});

describe('truce report', () => {
  it('writes a printable HTML page: print CSS, inline SVG, no scripts or external assets', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'truce-report-'));
    try {
      const out = join(dir, 'day2.html');
      const r = await runCli('report', NOV_LOG, '--date', '2023-11-25', '--out', out);
      expect(r.status).toBe(0);
      const html = await readFile(out, 'utf8');
      expect(html).toContain('@media print');
      expect(html).toContain('<svg');
      expect(html).not.toMatch(/<script|<link|https?:|src=/i);
      // The obligation by what it asks, the party by its name, never their ids.
      expect(html).toContain('<td>Batch 2: release 13 persons');
      expect(html).not.toContain('exchange/hand-over/2');
      expect(html).toContain('65 per Hamas; 50 per Israel (they differ)');
      expect(html).toContain(
        'Release of hostages and prisoners: Hamas → Israel: 26 counted under the formula, 15 outside the formula',
      );
      expect(html).toContain(
        'Hamas alleges against Israel (Release of hostages and prisoners): Prisoners not released by seniority. [open]',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('--lang ar and --lang he word the explanations in that language, names and recorded words isolated', async () => {
    const ar = await runCli('report', NOV_LOG, '--date', '2023-11-25', '--lang', 'ar');
    expect(ar.status).toBe(0);
    expect(ar.stdout).toContain('<html lang="ar" dir="rtl">');
    expect(ar.stdout).toContain('الدفعة 2 (13 شخصًا)، الموعد 25 نوفمبر، 16:00؛');
    expect(ar.stdout).not.toContain('Batch 2 (13 persons)');
    const he = await runCli('report', NOV_LOG, '--date', '2023-11-25', '--lang', 'he');
    expect(he.stdout).toContain('<html lang="he" dir="rtl">');
    expect(he.stdout).toMatch(/<bdi lang="und-Latn">[^<]+<\/bdi> \(לא נענתה\)/);
  });

  it('escapes all text', () => {
    expect(escapeHtml(`<b a="1">'&'</b>`)).toBe('&#60;b a=&#34;1&#34;&#62;&#39;&#38;&#39;&#60;/b&#62;');
  });

  it('requires --date', async () => {
    expect((await runCli('report', NOV_LOG)).status).toBe(2);
  });
});
