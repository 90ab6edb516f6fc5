import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.ts';

// The November 2023 pause: each list of names is due "the evening before" its batch, and each of
// Israel's releases by the end of its day: deadlines at 00:00 of the next day, in Gaza.
const LOG = 'examples/logs/nov-2023-pause';
const AT = '2023-12-01T12:00:00+02:00';

/** What a reader reads: no isolates around names, no tags. */
const read = (s: string) =>
  s
    .replace(/[\u2068\u2069]/g, '')
    .replace(/<style>.*?<\/style>/s, '')
    .replace(/<\/?bdi[^>]*>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ');

describe('a deadline at midnight, in what truce status and truce report show', () => {
  it('is the end of the day before in truce status: a list, a release, a deadline that moved', async () => {
    const r = await runCli('status', LOG, '--at', AT);
    expect(r.status).toBe(0);
    const text = read(r.stdout);
    expect(text).toContain('List for batch 1 due by the end of 23 Nov;');
    expect(text).toContain('Batch 1: 39 persons to release (for 13 persons counted) by the end of 24 Nov;');
    expect(text).toContain('Due 5 h later than planned (the end of 25 Nov): batch 2 was handed over late.');
    // After the extension: the list it added was planned for the end of 29 Nov.
    expect(text).toContain(
      'Due 12 h later than planned (the end of 29 Nov): the extension that added it was agreed on 30 Nov 12:00.',
    );
    // A deadline at any other time reads as before; what was recorded at 00:00 too.
    expect(text).toContain('List for batch 7 due 30 Nov 12:00;');
    expect(text).toContain('Batch 2 (13 persons) due 25 Nov 16:00;');
    expect(text).toContain('list of 13 persons submitted by Hamas at 24 Nov 00:00');
    expect(text).not.toMatch(/(due|by|planned \() ?\d+ Nov 00:00/);
  });

  it.each([
    ['ar', 'قائمة الدفعة 1، الموعد نهاية 23 نوفمبر', 'بحلول نهاية 24 نوفمبر', '(نهاية 25 نوفمبر)'],
    ['he', 'רשימה לפעימה 1, מועד: סוף 23 בנוב׳', 'עד סוף 24 בנוב׳', '(סוף 25 בנוב׳)'],
  ] as const)('is the end of the day before in truce status in %s', async (lang, list, release, moved) => {
    const r = await runCli('status', LOG, '--at', AT, '--lang', lang);
    expect(r.status).toBe(0);
    const text = read(r.stdout);
    expect(text).toContain(list);
    expect(text).toContain(release);
    expect(text).toContain(moved);
  });

  it('is the end of the day before in the daily report: its lines and the deadline of a headline figure', async () => {
    const r = await runCli('report', LOG, '--date', '2023-11-23');
    expect(r.status).toBe(0);
    const text = read(r.stdout);
    expect(text).toContain('List for batch 1 due by the end of 23 Nov;');
    // Nothing of Israel's releases due yet: read against their last deadline, 28 Nov 00:00.
    expect(text).toContain('150 due by the end of 27 Nov');
    expect(text).not.toContain('due by 28 Nov 00:00');
    // Hamas's last handover, at 16:00, reads as before.
    expect(text).toContain('50 due by 27 Nov 16:00');
  });

  it('is the end of the day before in the daily report in Arabic and Hebrew', async () => {
    const ar = read((await runCli('report', LOG, '--date', '2023-11-23', '--lang', 'ar')).stdout);
    expect(ar).toContain('بحلول نهاية 27 نوفمبر');
    expect(ar).toContain('الموعد نهاية 23 نوفمبر');
    const he = read((await runCli('report', LOG, '--date', '2023-11-23', '--lang', 'he')).stdout);
    expect(he).toContain('עד סוף 27 בנוב׳');
    expect(he).toContain('מועד: סוף 23 בנוב׳');
  });
});
